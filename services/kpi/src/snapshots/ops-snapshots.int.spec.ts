// Snapshots of the asset-fault and incident cells on real PostgreSQL and Kafka: live fault and incident events queue
// their day cells like ticket events do, and the live updates and period closes of an ASSET_CATEGORY or
// INCIDENT_SEVERITY cut carry the `operations` figures. The jobs are off: the test drives the publisher's clock.
import { ASSET_CATEGORIES, INCIDENT_SEVERITIES, type EventEnvelope } from '@opsgraph/contracts-events';
import { Role } from '@opsgraph/domain';
import { eventsOf } from '@opsgraph/testing';
import { dayOf } from '../engine/period.rules';
import { faultEvents, incidentEvents } from '../testing/ops-events';
import { startKpiHarness, type KpiHarness } from '../testing/harness';
import { SnapshotPublisher } from './snapshot.publisher';
import { snapshotIdOf } from './snapshot.rules';

type SnapshotEvent = EventEnvelope<
  string,
  { dimensionKind: string; figures: Record<string, unknown>; operations?: Record<string, unknown> | null }
>;

describe('KPI snapshots of asset and incident cells (real PostgreSQL and Kafka)', () => {
  let harness: KpiHarness;
  const start = Date.now();
  const day = dayOf(new Date(start - 60_000), 'UTC');
  const category = { kind: 'ASSET_CATEGORY' as const, value: ASSET_CATEGORIES[0] };
  const severity = { kind: 'INCIDENT_SEVERITY' as const, value: INCIDENT_SEVERITIES[0] };
  const publisherAt = (offsetMs: number) =>
    new SnapshotPublisher(harness.app.dataSource, {
      namespace: harness.kafka.namespace,
      timeZone: 'UTC',
      clock: () => new Date(start + offsetMs),
    });
  const snapshotEvents = (dimension: typeof category | typeof severity, count: number) =>
    eventsOf(harness.kafka, 'kpi-snapshot', snapshotIdOf('DAY', day, dimension), count) as Promise<
      SnapshotEvent[]
    >;

  beforeAll(async () => {
    harness = await startKpiHarness('kpi-ops-snapshots', Role.ADMIN, { RUN_JOBS: 'false' });
  });
  afterAll(() => harness?.close());

  it('publishes fault and incident cells live, then closes their day with the operations figures', async () => {
    const minuteAgo = new Date(start - 60_000).toISOString();
    const now = new Date(start - 1_000).toISOString();
    await harness.publishOps(faultEvents(category.value, minuteAgo, now), 'asset');
    await harness.publishOps(incidentEvents(severity.value, minuteAgo, now), 'incident');
    const [{ n }] = await harness.app.dataSource.query(
      `select count(*)::int as n from kpi_snapshot_pending where dimension_kind in ('ASSET_CATEGORY', 'INCIDENT_SEVERITY')`,
    );
    expect(n).toBe(2);
    expect((await publisherAt(0).runOnce()).liveUpdates).toBe(3); // the two cuts and OVERALL

    const [fault] = await snapshotEvents(category, 1);
    expect(fault).toMatchObject({
      type: 'kpi-snapshot.live_updated',
      data: { dimensionKind: 'ASSET_CATEGORY', figures: { tickets: 0 } },
    });
    expect(fault.data.operations).toMatchObject({ assetFaults: 1, assetRepairs: 1, incidents: 0 });

    const closed = await publisherAt(24 * 3600_000).closeEndedPeriods();
    expect(closed.closeSnapshots).toBeGreaterThanOrEqual(3);
    const events = await snapshotEvents(severity, 2);
    expect(events.map((event) => event.type)).toEqual([
      'kpi-snapshot.live_updated',
      'kpi-snapshot.period_closed',
    ]);
    expect(events[1].data.operations).toMatchObject({ incidents: 1, incidentsResolved: 1, assetFaults: 0 });
    expect(events[1].data.operations?.incidentResolveAverageSeconds).toBeCloseTo(59, 0);
  });
});
