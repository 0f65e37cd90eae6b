// Closes RESOLVED tickets the customer did not answer within the lifecycle policy's delay ("auto-closed after N days
// without answer"). Claims tickets like the SLA breach scanner, so replicas may all run it. A COMPLAINT that is not
// settled (docs/product.md §11.2) is never auto-closed: the run skips it and lists it with what it lacks.
import { SYSTEM_ACTOR, TicketClosed } from '@opsgraph/contracts-events';
import { draft, type UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { closureGaps } from '../complaints/complaint-closure';
import type { ClosureRequirement } from '../complaints/complaint-closure.rules';
import { repositoriesOf, saveTicket } from '../tickets/ticket.command-runner';
import { snapshotOf } from '../tickets/ticket.events';
import { decide, type TicketLifecyclePolicy } from '../tickets/ticket.lifecycle';
import { applyDecision } from '../tickets/ticket.model';
import { TicketRepository } from '../tickets/ticket.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A due ticket the run left open, and why. */
export interface SkippedComplaint {
  readonly ticketId: string;
  readonly number: string;
  readonly missing: readonly ClosureRequirement[];
}

export interface AutoCloseRun {
  readonly closed: number;
  readonly skipped: readonly SkippedComplaint[];
}

type Outcome = { kind: 'CLOSED' } | { kind: 'SKIPPED'; skipped: SkippedComplaint } | { kind: 'NONE' };

export class AutoCloseJob {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly policy: TicketLifecyclePolicy,
    private readonly maxPerRun = 500,
  ) {}

  async runOnce(): Promise<AutoCloseRun> {
    let closed = 0;
    const skipped: SkippedComplaint[] = [];
    while (closed + skipped.length < this.maxPerRun) {
      const outcome = await this.closeNext(skipped.map((entry) => entry.ticketId));
      if (outcome.kind === 'NONE') break;
      if (outcome.kind === 'CLOSED') closed++;
      else skipped.push(outcome.skipped);
    }
    return { closed, skipped };
  }

  private closeNext(excluding: readonly string[]): Promise<Outcome> {
    const context = { caller: null, actor: SYSTEM_ACTOR, correlationId: randomUUID() };
    return this.unitOfWork.run(context, async (tx): Promise<Outcome> => {
      const now = tx.now;
      const ticket = await new TicketRepository(tx.manager).claimAutoCloseCandidate(
        new Date(now.getTime() - this.policy.autoCloseAfterDays * DAY_MS),
        now,
        excluding,
      );
      if (ticket === null) return { kind: 'NONE' };
      const missing = await closureGaps(ticket, repositoriesOf(tx));
      if (missing.length > 0) {
        return {
          kind: 'SKIPPED',
          skipped: { ticketId: ticket.id, number: ticket.number, missing: missing.map((piece) => piece.requirement) },
        };
      }
      const decision = decide(ticket, { type: 'CLOSE', reason: 'AUTO_CLOSED' }, now, this.policy);
      if (!decision.ok) return { kind: 'NONE' };
      const next = applyDecision(ticket, decision, now);
      await saveTicket(tx, ticket, [
        {
          ticket: next,
          action: 'AUTO_CLOSE',
          events: [draft(TicketClosed, { ...snapshotOf(next), closedBy: 'AUTO_CLOSED' })],
          details: { afterDays: this.policy.autoCloseAfterDays },
        },
      ]);
      return { kind: 'CLOSED' };
    });
  }
}
