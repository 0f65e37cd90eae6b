// Asset faults, incidents and praise letters → one fact each (docs/product.md §KPI). The fold is idempotent and
// order-independent: a fact only moves forward (a repair or resolution, once known, stays), and snapshot fields
// (category, severity) come from the highest aggregate version seen. Pure.
import type { AssetEvent, IncidentEvent, PraiseEvent } from '@opsgraph/contracts-events';

export interface FaultFact {
  faultId: string;
  assetId: string;
  category: string;
  snapshotVersion: number;
  reportedAt: string;
  repairedAt: string | null;
}

export interface IncidentFact {
  incidentId: string;
  severity: string;
  snapshotVersion: number;
  occurredAt: string;
  resolvedAt: string | null;
  durationSeconds: number | null;
}

export type FaultEvent = Extract<AssetEvent, { type: 'asset.fault_reported' | 'asset.fault_repaired' }>;

export const isFaultEvent = (event: AssetEvent | IncidentEvent): event is FaultEvent =>
  event.type === 'asset.fault_reported' || event.type === 'asset.fault_repaired';

const newer = (version: number, fact: { snapshotVersion: number }) => version > fact.snapshotVersion;

/** The fault after one more event; the same object when the event adds nothing. */
export function applyFaultEvent(fact: FaultFact | null, event: FaultEvent): FaultFact {
  const { data, aggregateVersion } = event;
  let next: FaultFact = fact ?? {
    faultId: data.faultId,
    assetId: data.assetId,
    category: data.category,
    snapshotVersion: aggregateVersion,
    reportedAt: data.reportedAt,
    repairedAt: null,
  };
  if (fact !== null && newer(aggregateVersion, fact)) {
    next = { ...next, category: data.category, snapshotVersion: aggregateVersion };
  }
  if (event.type === 'asset.fault_repaired' && next.repairedAt === null) {
    next = { ...next, repairedAt: event.data.repairedAt };
  }
  return next; // `fact` itself when nothing applied: every change above makes a new object
}

/** The incident after one more event; the same object when the event adds nothing. */
export function applyIncidentEvent(fact: IncidentFact | null, event: IncidentEvent): IncidentFact {
  const { data, aggregateVersion } = event;
  let next: IncidentFact = fact ?? {
    incidentId: data.incidentId,
    severity: data.severity,
    snapshotVersion: aggregateVersion,
    occurredAt: data.occurredAt,
    resolvedAt: null,
    durationSeconds: null,
  };
  if (fact !== null && newer(aggregateVersion, fact)) {
    next = {
      ...next,
      severity: data.severity,
      occurredAt: data.occurredAt,
      snapshotVersion: aggregateVersion,
    };
  }
  if (event.type === 'incident.resolved' && next.resolvedAt === null) {
    next = { ...next, resolvedAt: event.data.resolvedAt, durationSeconds: event.data.durationSeconds };
  }
  return next; // `fact` itself when nothing applied: every change above makes a new object
}

/** A praise letter (PRAISE ticket): first credited when, and to whom now (docs/product.md §KPI). */
export interface PraiseFact {
  ticketId: string;
  firstCreditedAt: string;
  employeeIds: string[];
  snapshotVersion: number;
}

/**
 * The letter after one more credit: it counts on its first-credit day whatever the corrections, and the credited
 * employees are those of the latest credit (a correction replaces the set). The same object when nothing changes.
 */
export function applyPraiseEvent(fact: PraiseFact | null, event: PraiseEvent): PraiseFact {
  const credited = {
    employeeIds: [...event.data.employeeIds].sort(),
    snapshotVersion: event.aggregateVersion,
  };
  let next: PraiseFact = fact ?? {
    ticketId: event.aggregateId,
    firstCreditedAt: event.occurredAt,
    ...credited,
  };
  if (fact !== null && newer(event.aggregateVersion, fact)) next = { ...next, ...credited };
  if (event.occurredAt < next.firstCreditedAt) next = { ...next, firstCreditedAt: event.occurredAt };
  return next; // `fact` itself when nothing applied: every change above makes a new object
}
