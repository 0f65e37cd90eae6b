// The customer's audit trail (Customer.changeHistory) in the kit's audit_log: each line's `changes` holds the contact
// or revisit concerned and the changed fields (contact data by field name only, never its values).
import { AuditLog, type AuditEntry, type EventDraft, type WriteTransaction } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import type {
  ChangeAction,
  CustomerAuditChanges,
  CustomerChangeRecord,
  CustomerRecord,
  FieldChange,
} from './customer.model';
import { customerKind } from './customer.repository';

/** One change of a customer: the customer after it, how the audit trail records it, and its event if any. */
export interface CustomerChange {
  readonly customer: CustomerRecord;
  readonly action: ChangeAction;
  readonly changes: readonly FieldChange[];
  /** The contact or revisit concerned. */
  readonly subjectId?: string | null;
  readonly event?: EventDraft;
}

export function auditChanges(
  fields: readonly FieldChange[],
  subjectId: string | null = null,
): CustomerAuditChanges {
  return { subjectId, fields: [...fields] };
}

/**
 * Saves a change of `before` (null: a new customer) with its audit line and event. Every change takes a version,
 * with an event or without (contacts and consents are personal data and have none).
 */
export function saveCustomer(
  tx: WriteTransaction,
  before: CustomerRecord | null,
  change: CustomerChange,
): Promise<CustomerRecord> {
  return tx.save(customerKind, before, {
    after: { ...change.customer, createdAt: before?.createdAt ?? tx.now, updatedAt: tx.now },
    action: change.action,
    changes: auditChanges(change.changes, change.subjectId ?? null),
    events: change.event ? [change.event] : [],
  });
}

/** An audit line on the customer without a new version (its revisit was scheduled or cancelled). */
export function auditCustomer(
  tx: WriteTransaction,
  customer: CustomerRecord,
  action: ChangeAction,
  subjectId: string,
  changes: readonly FieldChange[],
): Promise<void> {
  return tx.audit(customerKind.type, customer, action, auditChanges(changes, subjectId));
}

function toChange(entry: AuditEntry): CustomerChangeRecord {
  const changes = entry.changes as Partial<CustomerAuditChanges>;
  return {
    id: entry.id,
    customerId: entry.aggregateId,
    customerVersion: entry.aggregateVersion,
    action: entry.action as ChangeAction,
    subjectId: changes.subjectId ?? null,
    changes: changes.fields ?? [],
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    occurredAt: entry.occurredAt,
  };
}

/** Newest first, after the line `afterId` (exclusive), with the trail's length. */
export async function customerHistory(
  manager: EntityManager,
  customerId: string,
  limit: number,
  afterId: string | null,
): Promise<{ rows: CustomerChangeRecord[]; total: number }> {
  const trail = (await AuditLog.of(manager, customerKind.type, [customerId])).reverse();
  const after = afterId === null ? trail : trail.filter((entry) => BigInt(entry.id) < BigInt(afterId));
  return { rows: after.slice(0, limit).map(toChange), total: trail.length };
}
