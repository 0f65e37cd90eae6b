// Reassessment use-case (docs/product.md §11.5): one change of the ticket through its command runner — row, audit line
// with the assessment before and after, and ticket.reassessed in one transaction.
import { TicketReassessed } from '@opsgraph/contracts-events';
import { BadUserInputError, InvalidTransitionError } from '@opsgraph/domain';
import { draft } from '@opsgraph/service-kit';
import { DEFAULT_SLA_POLICIES } from '../sla/sla-policy';
import type { RequestMeta, TicketCommandRunner, TicketRef } from '../tickets/ticket.command-runner';
import { snapshotOf } from '../tickets/ticket.events';
import type { Ticket } from '../tickets/ticket.model';
import { reassess, type ReassessmentInput } from './reassessment.rules';

export class ReassessmentService {
  constructor(private readonly runner: TicketCommandRunner) {}

  reassess(meta: RequestMeta, ref: TicketRef, input: ReassessmentInput & { reason: string }): Promise<Ticket> {
    return this.runner.change(meta, 'REASSESS', ref, async (ticket, { now, tx }) => {
      const policies = await tx.policies.all();
      const decision = reassess(
        ticket,
        input,
        now,
        (priority) => policies.find((policy) => policy.priority === priority) ?? DEFAULT_SLA_POLICIES[priority],
      );
      if (!decision.ok) {
        if (decision.code === 'NOT_OPEN') throw new InvalidTransitionError(decision.message, ticket.status);
        throw new BadUserInputError(decision.message, decision.code === 'BAD_CATEGORY' ? 'input.category' : 'input');
      }
      const { previous, current } = decision;
      return {
        ticket: decision.ticket,
        action: 'REASSESS',
        events: [draft(TicketReassessed, { ...snapshotOf(decision.ticket), previous, current, reason: input.reason })],
        details: { previous: { ...previous }, current: { ...current }, reason: input.reason },
      };
    });
  }
}
