// Reports each corrective action that passes its due date unfinished with one ticket.corrective_action_overdue per
// due date, however many replicas scan (docs/product.md §11.2). Like the SLA breach scanner: each ticket is claimed
// with FOR UPDATE SKIP LOCKED in its own transaction, and `overdue_reported_for` (committed with the event) takes
// the action out of the candidates until its due date changes.
import { SYSTEM_ACTOR, TicketCorrectiveActionOverdue } from '@opsgraph/contracts-events';
import { draft, type UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { saveTicket } from '../tickets/ticket.command-runner';
import { snapshotOf } from '../tickets/ticket.events';
import { TICKET } from '../tickets/ticket.repository';
import { CorrectiveActionRepository } from './corrective-action.repository';
import { isOverdueUnreported } from './corrective-action.rules';

export class CorrectiveActionOverdueScanner {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly maxPerScan = 500,
  ) {}

  /** Reports every overdue action of the tickets it can claim; returns the number of actions reported. */
  async scanOnce(): Promise<number> {
    let reported = 0;
    for (let tickets = 0; tickets < this.maxPerScan; tickets++) {
      const found = await this.reportNext();
      if (found === 0) break;
      reported += found;
    }
    return reported;
  }

  private reportNext(): Promise<number> {
    const context = { caller: null, actor: SYSTEM_ACTOR, correlationId: randomUUID() };
    return this.unitOfWork.run(context, async (tx) => {
      const actions = new CorrectiveActionRepository(tx.manager);
      const ticketId = await actions.claimTicketWithOverdueAction(tx.now);
      if (ticketId === null) return 0;
      const ticket = await tx.load(TICKET, ticketId);
      const overdue = (await actions.ofTickets([ticketId])).filter((action) => isOverdueUnreported(action, tx.now));
      // Unreachable while the candidate query and isOverdueUnreported agree; stop rather than spin on the row.
      if (overdue.length === 0) return 0;
      for (const action of overdue) await actions.update({ ...action, overdueReportedFor: action.dueAt });
      await saveTicket(tx, ticket, [
        {
          ticket,
          action: 'CORRECTIVE_ACTION_OVERDUE',
          events: overdue.map((action) =>
            draft(TicketCorrectiveActionOverdue, {
              ...snapshotOf(ticket),
              actionId: action.id,
              ownerId: action.ownerId,
              dueAt: action.dueAt.toISOString(),
              actionStatus: action.status,
            }),
          ),
          details: { actionIds: overdue.map((action) => action.id) },
          actor: SYSTEM_ACTOR,
        },
      ]);
      return overdue.length;
    });
  }
}
