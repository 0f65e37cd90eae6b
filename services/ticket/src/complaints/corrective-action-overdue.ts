// Corrective actions past their due date, unfinished (docs/product.md §11.2), for the overdue scanner.
import { TicketCorrectiveActionOverdue } from '@opsgraph/contracts-events';
import { draft } from '@opsgraph/service-kit';
import type { OverdueSource } from '../jobs/overdue.scanner';
import { snapshotOf } from '../tickets/ticket.events';
import { CorrectiveActionRepository } from './corrective-action.repository';
import { isOverdueUnreported, type CorrectiveAction } from './corrective-action.rules';

export const overdueCorrectiveActions: OverdueSource<CorrectiveAction> = {
  action: 'CORRECTIVE_ACTION_OVERDUE',
  claimTicket: (manager, now) => new CorrectiveActionRepository(manager).claimTicketWithOverdueAction(now),
  overdue: async (manager, ticketId, now) =>
    (await new CorrectiveActionRepository(manager).ofTickets([ticketId])).filter((action) =>
      isOverdueUnreported(action, now),
    ),
  markReported: async (manager, actions) => {
    const repository = new CorrectiveActionRepository(manager);
    for (const action of actions) await repository.update({ ...action, overdueReportedFor: action.dueAt });
  },
  event: (ticket, action) =>
    draft(TicketCorrectiveActionOverdue, {
      ...snapshotOf(ticket),
      actionId: action.id,
      ownerId: action.ownerId,
      dueAt: action.dueAt.toISOString(),
      actionStatus: action.status,
    }),
};
