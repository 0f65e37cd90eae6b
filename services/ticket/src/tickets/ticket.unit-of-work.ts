// One transaction around a ticket change: the row (version-checked), its audit trail and its outbox events commit
// together or not at all.
import type { EventActor, EventEnvelope } from '@opsgraph/contracts-events';
import type { OutboxWriter } from '@opsgraph/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { SlaPolicyRepository } from '../sla/sla-policy.repository';
import { toEnvelope, type EventDraft } from './ticket.events';
import type { Ticket } from './ticket.model';
import { TicketRecordsRepository, type NewHistoryEntry } from './ticket-records.repository';
import type { HistoryAction, JsonObject } from './ticket.records';
import { TicketRepository } from './ticket.repository';

/** One change of a ticket: the ticket after it, its events in order, and how the audit trail records it. */
export interface TicketChange {
  readonly ticket: Ticket;
  readonly action: HistoryAction;
  readonly events: readonly EventDraft[];
  readonly details?: JsonObject;
  /** Defaults to the caller; the system for changes the service makes on its own (breach flags). */
  readonly actor?: EventActor;
}

export interface ChangeContext {
  readonly actor: EventActor;
  readonly correlationId: string;
  /** The instant of the change: the wall clock, or a historical import's occurredAt. */
  readonly now: Date;
  /** For a historical import: until when the SLA scanner and auto-close leave the ticket alone (null: live). */
  readonly importHoldUntil?: Date | null;
}

export class TicketTransaction {
  readonly tickets: TicketRepository;
  readonly records: TicketRecordsRepository;
  readonly policies: SlaPolicyRepository;

  constructor(
    readonly manager: EntityManager,
    private readonly outbox: OutboxWriter,
  ) {
    this.tickets = new TicketRepository(manager);
    this.records = new TicketRecordsRepository(manager);
    this.policies = new SlaPolicyRepository(manager);
  }

  /**
   * Persists `changes` applied in order to `before` (null: a new ticket). Each event takes the next version; a
   * change without events still takes one, so the version counts changes and every event's aggregateVersion is
   * unique and increasing. Row first, then audit and outbox (the outbox's ordering rule).
   */
  async commit(
    before: Ticket | null,
    changes: readonly TicketChange[],
    context: ChangeContext,
  ): Promise<Ticket> {
    if (changes.length === 0) throw new Error('commit needs at least one change');
    let version = before?.version ?? 0;
    let status = before?.status ?? null;
    const history: NewHistoryEntry[] = [];
    const envelopes: EventEnvelope[] = [];
    for (const change of changes) {
      const actor = change.actor ?? context.actor;
      const envelopeContext = { actor, correlationId: context.correlationId, occurredAt: context.now };
      for (const event of change.events) {
        envelopes.push(toEnvelope(change.ticket.id, ++version, event, envelopeContext));
      }
      if (change.events.length === 0) version++;
      history.push({
        ticketId: change.ticket.id,
        ticketVersion: version,
        action: change.action,
        fromStatus: status,
        toStatus: change.ticket.status,
        actorId: actor.id,
        actorRole: actor.role,
        occurredAt: context.now,
        details: change.details ?? {},
      });
      status = change.ticket.status;
    }

    const after: Ticket = { ...changes[changes.length - 1].ticket, version, updatedAt: context.now };
    const hold = context.importHoldUntil ?? null;
    if (before === null) {
      await this.tickets.insert(after, hold);
    } else if (!(await this.tickets.update(after, before.version, hold))) {
      // Unreachable while the row is locked; a guard against a use-case that forgot to lock.
      throw new Error(`ticket ${after.id} changed during its own transaction`);
    }
    await this.records.appendHistory(history);
    await this.outbox.appendMany(this.manager, envelopes);
    return after;
  }
}

export class TicketUnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  run<T>(work: (tx: TicketTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new TicketTransaction(manager, this.outbox)));
  }
}
