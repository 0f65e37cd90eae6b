// Execution-plan steps past their due date and not done (docs/product.md §11.8), for the overdue scanner. Only
// tickets still being worked on count: a resolved ticket's leftover steps are no longer due.
import { TicketPlanStepOverdue } from '@opsgraph/contracts-events';
import { draft } from '@opsgraph/service-kit';
import type { OverdueSource } from '../jobs/overdue.scanner';
import { snapshotOf } from '../tickets/ticket.events';
import { OPEN_STATUSES } from '../tickets/ticket.lifecycle';

export interface OverdueStep {
  readonly id: string;
  readonly position: number;
  readonly title: string;
  readonly ownerId: string | null;
  readonly dueAt: Date;
}

const OVERDUE = `s.done_at is null and s.due_at is not null and s.due_at <= $1
  and s.overdue_reported_for is distinct from s.due_at`;

export const overduePlanSteps: OverdueSource<OverdueStep> = {
  action: 'PLAN_STEP_OVERDUE',
  async claimTicket(manager, now) {
    const rows: { id: string }[] = await manager.query(
      `select t.id from tickets t
        where t.status = any($2) and (t.import_hold_until is null or t.import_hold_until <= $1)
          and exists (select 1 from ticket_plan_steps s where s.ticket_id = t.id and ${OVERDUE})
        limit 1
        for update of t skip locked`,
      [now, [...OPEN_STATUSES]],
    );
    return rows[0]?.id ?? null;
  },
  async overdue(manager, ticketId, now) {
    const rows: { id: string; position: number; title: string; owner_id: string | null; due_at: Date }[] =
      await manager.query(
        `select s.id, s.position, s.title, s.owner_id, s.due_at from ticket_plan_steps s
          where s.ticket_id = $2 and ${OVERDUE} order by s.position`,
        [now, ticketId],
      );
    return rows.map((row) => ({ ...row, ownerId: row.owner_id, dueAt: row.due_at }));
  },
  async markReported(manager, steps) {
    await manager.query('update ticket_plan_steps set overdue_reported_for = due_at where id = any($1::uuid[])', [
      steps.map((step) => step.id),
    ]);
  },
  event: (ticket, step) =>
    draft(TicketPlanStepOverdue, {
      ...snapshotOf(ticket),
      stepId: step.id,
      position: step.position,
      title: step.title,
      ownerId: step.ownerId,
      dueAt: step.dueAt.toISOString(),
    }),
};
