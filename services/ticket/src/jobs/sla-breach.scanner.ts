// Finds tickets whose SLA deadline passed and flags each deadline exactly once, with its ticket.sla_breached event,
// however many replicas scan at the same time: each ticket is claimed with FOR UPDATE SKIP LOCKED in its own
// transaction, and the flag column (committed with the event) takes it out of the candidates for good.
import { SYSTEM_ACTOR } from '@opsgraph/contracts-events';
import type { UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { breachChange, saveTicket } from '../tickets/ticket.command-runner';
import { TicketRepository, type SlaCandidate } from '../tickets/ticket.repository';

const DEADLINES: readonly SlaCandidate[] = ['RESPONSE', 'RESOLUTION'];

export class SlaBreachScanner {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    /** Upper bound of tickets per scan, so that a backlog does not delay shutdown; the next tick continues. */
    private readonly maxPerScan = 500,
  ) {}

  /** Flags every passed deadline it can claim; returns the number of tickets it flagged. */
  async scanOnce(): Promise<number> {
    let flagged = 0;
    for (const deadline of DEADLINES) {
      while (flagged < this.maxPerScan && (await this.flagNext(deadline))) flagged++;
    }
    return flagged;
  }

  private flagNext(deadline: SlaCandidate): Promise<boolean> {
    const context = { caller: null, actor: SYSTEM_ACTOR, correlationId: randomUUID() };
    return this.unitOfWork.run(context, async (tx) => {
      const ticket = await new TicketRepository(tx.manager).claimBreachCandidate(deadline, tx.now);
      if (ticket === null) return false;
      const change = breachChange(ticket, tx.now);
      // Unreachable while the candidate query and the SLA clock rules agree; stop rather than spin on the row.
      if (change === null) return false;
      await saveTicket(tx, ticket, [change]);
      return true;
    });
  }
}
