// Reports things of a ticket that pass their due date unfinished (corrective actions, plan steps) with one event each
// per due date, however many replicas scan (docs/product.md §11.2, §11.8). Like the SLA breach scanner: each ticket
// is claimed with FOR UPDATE SKIP LOCKED in its own transaction, its row locked before the items (the order every
// use-case follows, so no deadlock), and the items' "reported for" due date, committed with the events, takes them
// out of the candidates until their due date changes.
import { SYSTEM_ACTOR } from '@opsgraph/contracts-events';
import type { EventDraft, UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { saveTicket } from '../tickets/ticket.command-runner';
import type { Ticket } from '../tickets/ticket.model';
import type { HistoryAction } from '../tickets/ticket.records';
import { TICKET } from '../tickets/ticket.repository';

export interface OverdueSource<T extends { readonly id: string }> {
  /** The audit action of a report. */
  readonly action: HistoryAction;
  /** A ticket with an overdue, unreported item, claimed (locked, skipping locked ones); null when none is left. */
  claimTicket(manager: EntityManager, now: Date): Promise<string | null>;
  /** The ticket's items overdue and not reported at `now`. */
  overdue(manager: EntityManager, ticketId: string, now: Date): Promise<T[]>;
  markReported(manager: EntityManager, items: readonly T[]): Promise<void>;
  event(ticket: Ticket, item: T): EventDraft;
}

export class OverdueScanner<T extends { readonly id: string }> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly source: OverdueSource<T>,
    /** Upper bound of tickets per scan, so that a backlog does not delay shutdown; the next tick continues. */
    private readonly maxPerScan = 500,
  ) {}

  /** Reports every overdue item of the tickets it can claim; returns the number of items reported. */
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
      const ticketId = await this.source.claimTicket(tx.manager, tx.now);
      if (ticketId === null) return 0;
      const ticket = await tx.load(TICKET, ticketId);
      const overdue = await this.source.overdue(tx.manager, ticketId, tx.now);
      // Unreachable while the claim query and `overdue` agree; stop rather than spin on the row.
      if (overdue.length === 0) return 0;
      await this.source.markReported(tx.manager, overdue);
      await saveTicket(tx, ticket, [
        {
          ticket,
          action: this.source.action,
          events: overdue.map((item) => this.source.event(ticket, item)),
          details: { ids: overdue.map((item) => item.id) },
          actor: SYSTEM_ACTOR,
        },
      ]);
      return overdue.length;
    });
  }
}
