// Closes RESOLVED tickets the customer did not answer within the lifecycle policy's delay ("auto-closed after N days
// without answer"). Claims tickets like the SLA breach scanner, so replicas may all run it.
import { SYSTEM_ACTOR, TicketClosed } from '@opsgraph/contracts-events';
import { draft, type UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { saveTicket } from '../tickets/ticket.command-runner';
import { snapshotOf } from '../tickets/ticket.events';
import { decide, type TicketLifecyclePolicy } from '../tickets/ticket.lifecycle';
import { applyDecision } from '../tickets/ticket.model';
import { TicketRepository } from '../tickets/ticket.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

export class AutoCloseJob {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly policy: TicketLifecyclePolicy,
    private readonly maxPerRun = 500,
  ) {}

  async runOnce(): Promise<number> {
    let closed = 0;
    while (closed < this.maxPerRun && (await this.closeNext())) closed++;
    return closed;
  }

  private closeNext(): Promise<boolean> {
    const context = { caller: null, actor: SYSTEM_ACTOR, correlationId: randomUUID() };
    return this.unitOfWork.run(context, async (tx) => {
      const now = tx.now;
      const ticket = await new TicketRepository(tx.manager).claimAutoCloseCandidate(
        new Date(now.getTime() - this.policy.autoCloseAfterDays * DAY_MS),
        now,
      );
      if (ticket === null) return false;
      const decision = decide(ticket, { type: 'CLOSE', reason: 'AUTO_CLOSED' }, now, this.policy);
      if (!decision.ok) return false;
      const next = applyDecision(ticket, decision, now);
      await saveTicket(tx, ticket, [
        {
          ticket: next,
          action: 'AUTO_CLOSE',
          events: [draft(TicketClosed, { ...snapshotOf(next), closedBy: 'AUTO_CLOSED' })],
          details: { afterDays: this.policy.autoCloseAfterDays },
        },
      ]);
      return true;
    });
  }
}
