// Asset-fault and incident KPIs end to end on real PostgreSQL and Kafka: events on this suite's asset and incident
// topics are folded by the ops-kpi consumer into day cells the graph serves. Expected figures are by hand.
import { randomUUID } from 'node:crypto';
import { Role } from '@opsgraph/domain';
import { waitFor } from '@opsgraph/testing';
import { faultEvents, incidentEvents } from '../testing/ops-events';
import { startKpiHarness, type KpiHarness } from '../testing/harness';

const OPS = `assetFaults assetRepairs assetMttrSeconds assetDowntimeSeconds assetAvailability incidents incidentsResolved
  incidentResolveAverageSeconds`;

// April 2025 (UTC). PRINTER faults: 1 h and 3 h repairs, one open → MTTR 2 h, downtime 4 h. SEV3 incidents:
// 30 min and 90 min to resolve, one open → mean 1 h. (Other suites' cells don't share this namespace's database.)
const faults = [
  faultEvents('PRINTER', '2025-04-02T08:00:00.000Z', '2025-04-02T09:00:00.000Z'),
  faultEvents('PRINTER', '2025-04-03T08:00:00.000Z', '2025-04-03T11:00:00.000Z'),
  faultEvents('PRINTER', '2025-04-04T08:00:00.000Z', null),
].flat();
const incidents = [
  incidentEvents('SEV3', '2025-04-02T01:00:00.000Z', '2025-04-02T01:30:00.000Z'),
  incidentEvents('SEV3', '2025-04-03T01:00:00.000Z', '2025-04-03T02:30:00.000Z'),
  incidentEvents('SEV3', '2025-04-04T01:00:00.000Z', null),
].flat();

describe('asset and incident KPIs (real PostgreSQL and Kafka)', () => {
  let harness: KpiHarness;
  const figures = async (dimension: object) =>
    (
      await harness.ok<{ kpi: Record<string, unknown> }>(
        `query($p: KpiPeriodInput!, $d: KpiDimensionInput) { kpi(period: $p, dimension: $d) { ${OPS} } }`,
        { p: { kind: 'MONTH', date: '2025-04-15' }, d: dimension },
      )
    ).kpi;
  const hashTables = (): Promise<string> =>
    harness.hashTables('kpi_ops_facts', 'fact_key', 'kpi_ops_day_cells');
  const processed = (): Promise<number> => harness.processed('kpi-ops-kpi');

  beforeAll(async () => {
    harness = await startKpiHarness('kpi-ops', Role.ANALYST);
  });
  afterAll(() => harness?.close());

  it('serves MTTR and downtime per asset category and incident time-to-resolve per severity', async () => {
    await harness.publishOps(faults, 'asset');
    await harness.publishOps(incidents, 'incident');
    expect(await figures({ kind: 'ASSET_CATEGORY', value: 'PRINTER' })).toMatchObject({
      assetFaults: 3,
      assetRepairs: 2,
      assetMttrSeconds: 7200,
      assetDowntimeSeconds: 14400,
      // three printers (one asset per fault) over April's 30 days: 1 − 14 400 ÷ (3 × 30 × 86 400)
      assetAvailability: 1 - 14400 / (3 * 30 * 86400),
      incidents: 0,
    });
    expect(await figures({ kind: 'INCIDENT_SEVERITY', value: 'SEV3' })).toMatchObject({
      assetFaults: 0,
      incidents: 3,
      incidentsResolved: 2,
      incidentResolveAverageSeconds: 3600,
      assetAvailability: null,
    });
    expect(await figures({ kind: 'OVERALL' })).toMatchObject({ assetFaults: 3, incidents: 3 });
  });

  it('is unchanged by redelivered, re-issued and reversed duplicate events', async () => {
    const before = await hashTables();
    const processedBefore = await processed();
    const reissue = <E extends { eventId: string }>(events: E[]) =>
      [...events].reverse().map((event) => ({ ...event, eventId: randomUUID() }));
    await harness.publishOps([...faults, ...reissue(faults)], 'asset');
    await harness.publishOps([...incidents, ...reissue(incidents)], 'incident');
    await waitFor(processed, (n) => n === processedBefore + faults.length + incidents.length, {
      timeoutMs: 45_000,
      what: 'reissued',
    });
    expect(await hashTables()).toBe(before);
  });

  it('refuses an unknown asset category or severity with BAD_USER_INPUT naming the field', async () => {
    const bad = await harness.gql(
      `query($p: KpiPeriodInput!, $d: KpiDimensionInput) { kpi(period: $p, dimension: $d) { incidents } }`,
      { p: { kind: 'MONTH', date: '2025-04-15' }, d: { kind: 'INCIDENT_SEVERITY', value: 'SEV9' } },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dimension.value' });
  });
});
