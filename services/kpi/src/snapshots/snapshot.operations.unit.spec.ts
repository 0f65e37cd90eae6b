// Snapshots of the asset-fault, incident and praise cells (docs/product.md §KPI "Snapshots"): the `operations`
// figures ride along when the dimension has such cells, and are absent otherwise (the contract's optional field).
import {
  createEvent,
  KpiSnapshotPeriodClosed,
  SYSTEM_ACTOR,
  validateEvent,
} from '@opsgraph/contracts-events';
import { emptyCounters, kpiFigures } from '../engine/cell.rules';
import { emptyOpsCounters, opsFigures } from '../operations/ops-cell.rules';
import { snapshotData } from './snapshot.rules';

const DAY = { kind: 'DAY' as const, start: '2026-11-15', end: '2026-11-15' };
const SEVERITY = { kind: 'INCIDENT_SEVERITY' as const, value: 'SEV1' };
const asOf = new Date('2026-11-15T10:00:00.000Z');
const operations = { ...opsFigures(emptyOpsCounters()), incidents: 2, incidentsResolved: 1, assetFaults: 0 };

describe('snapshot data with operations figures', () => {
  it('carries a copy of the operations figures beside the (empty) ticket figures', () => {
    const data = snapshotData(DAY, SEVERITY, kpiFigures(emptyCounters(), 0), 'UTC', asOf, operations);
    expect(data.operations).toEqual(operations);
    expect(data.operations).not.toBe(operations);
    expect(data.figures.tickets).toBe(0);
    expect(data.asOf).toBe('2026-11-15T10:00:00.000Z');
  });

  it('leaves the field out without operations cells', () => {
    const data = snapshotData(DAY, SEVERITY, kpiFigures(emptyCounters(), 0), 'UTC', asOf);
    expect('operations' in data).toBe(false);
    expect(
      'operations' in snapshotData(DAY, SEVERITY, kpiFigures(emptyCounters(), 0), 'UTC', asOf, null),
    ).toBe(false);
  });

  it('is valid against the event contract, with and without operations', () => {
    for (const data of [
      snapshotData(DAY, SEVERITY, kpiFigures(emptyCounters(), 0), 'UTC', asOf, operations),
      snapshotData(DAY, SEVERITY, kpiFigures(emptyCounters(), 0), 'UTC', asOf),
    ]) {
      const event = createEvent(KpiSnapshotPeriodClosed, {
        aggregateId: data.snapshotId,
        aggregateVersion: 1,
        producer: 'kpi',
        actor: SYSTEM_ACTOR,
        correlationId: '4f1c2b6e-8d3a-4e5f-9a7b-1c2d3e4f5a6b',
        occurredAt: asOf.toISOString(),
        data,
      });
      expect(validateEvent(event)).toMatchObject({ ok: true });
    }
  });
});
