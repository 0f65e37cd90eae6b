// The write path of every aggregate, once: load (row locked, version checked) → decide (the use-case's pure rules)
// → save (the version check again, the audit lines, the outbox events) in one transaction. A change commits with
// its trail and its events or not at all.
import type { EventActor, EventEnvelope } from '@opsgraph/contracts-events';
import { NotFoundError, VersionConflictError, type Caller, type Clock } from '@opsgraph/domain';
import type { OutboxWriter } from '@opsgraph/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { actorOf } from './actor';
import { AuditLog, type AuditLine } from './audit-log';
import { envelopeOf, type EventDraft } from './event-draft';

export interface Versioned {
  readonly id: string;
  readonly version: number;
}

/** How one aggregate type is read and written; the only TypeORM access the unit of work needs. */
export interface AggregateStore<A extends Versioned> {
  /** The aggregate with its row locked until the transaction ends (`select … for update`); null when absent. */
  lock(manager: EntityManager, id: string): Promise<A | null>;
  insert(manager: EntityManager, aggregate: A): Promise<void>;
  /** Writes `aggregate` where the row is still at `expectedVersion`; false when it is not. */
  update(manager: EntityManager, aggregate: A, expectedVersion: number): Promise<boolean>;
}

export interface AggregateKind<A extends Versioned> {
  /** The aggregate type of events and audit lines, e.g. `ticket`. */
  readonly type: string;
  /** How errors name it, e.g. `Ticket`. */
  readonly label: string;
  readonly store: AggregateStore<A>;
}

export interface AggregateChange<A extends Versioned> {
  /** The aggregate after the change (its `version` is set by the unit of work). */
  readonly after: A;
  /** The audit trail's name for the change, e.g. `ASSIGNED`. */
  readonly action: string;
  readonly events?: readonly EventDraft[];
  /** What the audit line records about the change. */
  readonly changes?: Readonly<Record<string, unknown>> | readonly unknown[];
  /** Default: the request's actor; e.g. the system for a flag the service sets on its own. */
  readonly actor?: EventActor;
}

export interface WriteContext {
  readonly caller: Caller;
  readonly correlationId: string;
  /** The instant of the change; default: the unit of work's clock (e.g. a historical import passes its own). */
  readonly now?: Date;
  /** Default: the caller's actor. */
  readonly actor?: EventActor;
}

export interface UnitOfWorkOptions {
  readonly dataSource: DataSource;
  readonly outbox: OutboxWriter;
  /** The service name, the `producer` of its events. */
  readonly producer: string;
  readonly clock: Clock;
}

export class WriteTransaction {
  readonly now: Date;
  readonly actor: EventActor;

  constructor(
    readonly manager: EntityManager,
    readonly context: WriteContext,
    private readonly options: UnitOfWorkOptions,
  ) {
    this.now = context.now ?? options.clock();
    this.actor = context.actor ?? actorOf(context.caller);
  }

  /**
   * The same transaction recording its changes at `now` (e.g. an instant taken once the aggregate's row is locked,
   * or a historical import's time).
   */
  at(now: Date): WriteTransaction {
    return new WriteTransaction(this.manager, { ...this.context, now }, this.options);
  }

  /** The aggregate, locked; NOT_FOUND when absent, CONFLICT when `expectedVersion` is given and stale. */
  async load<A extends Versioned>(kind: AggregateKind<A>, id: string, expectedVersion?: number): Promise<A> {
    const current = await kind.store.lock(this.manager, id);
    if (current === null) throw new NotFoundError(kind.label, id);
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw new VersionConflictError(`${kind.label} ${id}`, expectedVersion, current.version);
    }
    return current;
  }

  /**
   * Persists `changes` applied in order to `before` (null: a new aggregate). Each event takes the next version; a
   * change without events still takes one, so the version counts changes and every event's aggregateVersion is
   * unique and increasing. Row first, then audit and outbox (the outbox's ordering rule).
   */
  async save<A extends Versioned>(
    kind: AggregateKind<A>,
    before: A | null,
    changes: AggregateChange<A> | readonly AggregateChange<A>[],
  ): Promise<A> {
    const list: readonly AggregateChange<A>[] = Array.isArray(changes) ? changes : [changes];
    if (list.length === 0) throw new Error('save needs at least one change');
    let version = before?.version ?? 0;
    const lines: AuditLine[] = [];
    const envelopes: EventEnvelope[] = [];
    for (const change of list) {
      const actor = change.actor ?? this.actor;
      const envelope = {
        producer: this.options.producer,
        actor,
        correlationId: this.context.correlationId,
        occurredAt: this.now,
      };
      const events = change.events ?? [];
      for (const event of events) envelopes.push(envelopeOf(change.after.id, ++version, event, envelope));
      if (events.length === 0) version++;
      lines.push(this.line(kind.type, change.after.id, version, change.action, change.changes ?? {}, actor));
    }
    const after = { ...list[list.length - 1].after, version } as A;
    if (before === null) await kind.store.insert(this.manager, after);
    else if (!(await kind.store.update(this.manager, after, before.version))) {
      const current = await kind.store.lock(this.manager, after.id);
      throw new VersionConflictError(`${kind.label} ${after.id}`, before.version, current?.version ?? -1);
    }
    await AuditLog.append(this.manager, lines);
    await this.options.outbox.appendMany(this.manager, envelopes);
    return after;
  }

  /** An audit line without a new version (e.g. a read of personal data, a child record's change). */
  async audit(
    aggregateType: string,
    aggregate: Versioned,
    action: string,
    changes: Readonly<Record<string, unknown>> | readonly unknown[] = {},
  ): Promise<void> {
    await AuditLog.append(this.manager, [
      this.line(aggregateType, aggregate.id, aggregate.version, action, changes, this.actor),
    ]);
  }

  private line(
    aggregateType: string,
    aggregateId: string,
    aggregateVersion: number,
    action: string,
    changes: AuditLine['changes'],
    actor: EventActor,
  ): AuditLine {
    return {
      aggregateType,
      aggregateId,
      aggregateVersion,
      action,
      changes,
      actorId: actor.id,
      actorRole: actor.role,
      correlationId: this.context.correlationId,
      occurredAt: this.now,
    };
  }
}

export class UnitOfWork {
  constructor(private readonly options: UnitOfWorkOptions) {}

  get dataSource(): DataSource {
    return this.options.dataSource;
  }

  get clock(): Clock {
    return this.options.clock;
  }

  /** Runs `work` in one transaction; everything it writes through `tx` commits together or not at all. */
  run<T>(context: WriteContext, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    return this.options.dataSource.transaction((manager) =>
      work(new WriteTransaction(manager, context, this.options)),
    );
  }
}
