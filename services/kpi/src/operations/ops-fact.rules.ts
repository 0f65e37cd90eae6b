// Asset faults and incidents → one fact each (docs/product.md §KPI). The fold is idempotent and
// order-independent: a fact only moves forward (a repair or resolution, once known, stays), and snapshot fields
// (category, severity) come from the highest aggregate version seen. Pure.
import type { AssetEvent, IncidentEvent } from '@opsgraph/contracts-events';

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

const newer = (version: number, fact: { snapshotVersion: number } | null) =>
  fact === null || version > fact.snapshotVersion;

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
  return fact !== null && JSON.stringify(next) === JSON.stringify(fact) ? fact : next;
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
  return fact !== null && JSON.stringify(next) === JSON.stringify(fact) ? fact : next;
}
