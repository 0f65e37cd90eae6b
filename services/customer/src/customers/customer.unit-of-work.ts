// One transaction around a customer change: the row (locked and version-checked by the use-case), its audit line
// and its outbox event commit together or not at all.
import type { EventActor } from '@opsgraph/contracts-events';
import type { OutboxWriter } from '@opsgraph/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { RevisitRepository } from '../revisits/revisit.repository';
import { toEnvelope, type EventDraft } from './customer.events';
import type { ChangeAction, CustomerRecord, FieldChange } from './customer.model';
import { CustomerRepository } from './customer.repository';

/** One change of a customer: the customer after it, how the audit trail records it, and its event if any. */
export interface CustomerChange {
  readonly customer: CustomerRecord;
  readonly action: ChangeAction;
  readonly changes: readonly FieldChange[];
  /** The contact or revisit concerned. */
  readonly subjectId?: string | null;
  readonly event?: EventDraft;
}

export interface ChangeContext {
  readonly actor: EventActor;
  readonly correlationId: string;
  readonly now: Date;
}

export class CustomerTransaction {
  readonly customers: CustomerRepository;
  readonly revisits: RevisitRepository;

  constructor(
    readonly manager: EntityManager,
    private readonly outbox: OutboxWriter,
  ) {
    this.customers = new CustomerRepository(manager);
    this.revisits = new RevisitRepository(manager);
  }

  /**
   * Persists a change of `before` (null: a new customer) with the next version: every change takes one, with an
   * event or without (contacts and consents are personal data and have none), so aggregateVersions are unique and
   * increasing per customer though not gapless. Row first, then audit and outbox (the outbox's ordering rule).
   */
  async commit(
    before: CustomerRecord | null,
    change: CustomerChange,
    context: ChangeContext,
  ): Promise<CustomerRecord> {
    const after: CustomerRecord = {
      ...change.customer,
      version: (before?.version ?? 0) + 1,
      createdAt: before?.createdAt ?? context.now,
      updatedAt: context.now,
    };
    if (before === null) await this.customers.insert(after, context.actor.id ?? context.actor.role);
    else await this.customers.update(after);
    await this.audit(after, change, context);
    if (change.event) {
      await this.outbox.append(
        this.manager,
        toEnvelope(after.id, after.version, change.event, { ...context, occurredAt: context.now }),
      );
    }
    return after;
  }

  /** An audit line without a new customer version (e.g. a revisit scheduled: the customer itself is unchanged). */
  async audit(
    customer: CustomerRecord,
    change: Omit<CustomerChange, 'customer' | 'event'>,
    context: ChangeContext,
  ) {
    await this.customers.appendChange({
      customerId: customer.id,
      customerVersion: customer.version,
      action: change.action,
      subjectId: change.subjectId ?? null,
      changes: [...change.changes],
      actorId: context.actor.id,
      actorRole: context.actor.role,
      correlationId: context.correlationId,
      occurredAt: context.now,
    });
  }
}

export class CustomerUnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  run<T>(work: (tx: CustomerTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new CustomerTransaction(manager, this.outbox)));
  }
}
