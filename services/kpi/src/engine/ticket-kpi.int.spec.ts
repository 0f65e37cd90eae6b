// The KPI engine end to end on real PostgreSQL and Kafka: ticket events published to this suite's ticket topic are
// folded by the consumer into day cells that the graph serves. Expected figures are computed by hand below.
import { randomUUID } from 'node:crypto';
import type { TicketEvent } from '@opsgraph/contracts-events';
import { shuffled, TicketStory } from '@opsgraph/contracts-events/testing';
import { Role } from '@opsgraph/domain';
import { testCaller } from '@opsgraph/service-kit/testing';
import { waitFor } from '@opsgraph/testing';
import { startKpiHarness, type KpiHarness } from '../testing/harness';

const FIGURES = `tickets ticketsResolved resolutionRate complaintRate reopenRate slaBreachRate csatAverage
  csatDistribution firstResponseCount firstResponseAverageSeconds firstResponseP90Seconds backlogAtEnd
  period { start end }`;

/**
 * Department D, March 2025 (UTC):
 * | T | opened | first response | resolved | SLA    | survey |
 * | 1 | 03-03  | 120            | 03-03    | met    | 5      |
 * | 2 | 03-04  | 600            | 03-10    | missed | 3      |
 * | 3 | 03-05  | 300            | open     |        |        |   (COMPLAINT)
 * | 4 | 03-06  | 60             | 03-06, reopened 03-07 (so: open)  |
 */
function scenario(department: string): TicketEvent[] {
  const at = (day: string, time = '09:00:00') => `2025-${day}T${time}Z`;
  const base = (opened: string, frs: number, kind?: 'COMPLAINT') =>
    new TicketStory({ openedAt: at(opened), ...(kind ? { kind } : {}) })
      .acknowledge(at(opened, '10:00:00'), frs)
      .assign(at(opened, '11:00:00'), randomUUID(), department);
  return [
    base('03-03', 120).resolve(at('03-03', '15:00:00'), { withinSla: true }).survey(at('03-04'), 5),
    base('03-04', 600).resolve(at('03-10'), { withinSla: false }).survey(at('03-11'), 3),
    base('03-05', 300, 'COMPLAINT'),
    base('03-06', 60).resolve(at('03-06', '15:00:00'), { withinSla: true }).reopen(at('03-07')),
  ].flatMap((story) => story.events);
}

// Intake 4; resolved now: T1, T2 → 2/4; complaints 1/4; reopened T4 → 1/4. Resolved in March: T1, T2 (T4's
// resolution was undone by the reopen) → SLA missed 1 of 2; CSAT (5 + 3) / 2 = 4, distribution [0,0,1,0,1].
// First responses 120, 600, 300, 60 → mean 270; p90 = ⌈3.6⌉ = 4th smallest = 600 (± 1 %). Backlog at 03-31: T3, T4.
const MARCH = {
  tickets: 4,
  ticketsResolved: 2,
  resolutionRate: 0.5,
  complaintRate: 0.25,
  reopenRate: 0.25,
  slaBreachRate: 0.5,
  csatAverage: 4,
  csatDistribution: [0, 0, 1, 0, 1],
  firstResponseCount: 4,
  firstResponseAverageSeconds: 270,
  firstResponseP90Seconds: expect.any(Number),
  backlogAtEnd: 2,
  period: { start: '2025-03-01', end: '2025-03-31' },
};

describe('KPI engine (real PostgreSQL and Kafka)', () => {
  let harness: KpiHarness;
  const publish = (events: readonly TicketEvent[]) => harness.publish(events);
  const processed = (): Promise<number> => harness.processed('kpi-ticket-kpi');
  const hashTables = (): Promise<string> =>
    harness.hashTables('kpi_ticket_facts', 'ticket_id', 'kpi_day_cells');
  const figures = async (department: string, kind = 'MONTH', date = '2025-03-15') =>
    (
      await harness.ok<{ kpi: Record<string, unknown> }>(
        `query($p: KpiPeriodInput!, $d: KpiDimensionInput) { kpi(period: $p, dimension: $d) { ${FIGURES} } }`,
        { p: { kind, date }, d: { kind: 'DEPARTMENT', value: department } },
      )
    ).kpi;

  beforeAll(async () => {
    harness = await startKpiHarness('kpi-engine', Role.ANALYST);
  });
  afterAll(() => harness?.close());

  const ordered = scenario(randomUUID());
  const department = ordered.find((event) => event.data.departmentId !== null)?.data.departmentId as string;

  it('serves the hand-computed figures of a month, merged from day cells', async () => {
    await publish(ordered);
    const march = await figures(department);
    expect(march).toEqual(MARCH);
    expect(Math.abs((march.firstResponseP90Seconds as number) - 600)).toBeLessThanOrEqual(6);
    // The week of 03-03..03-09 holds T1..T4's intake; T2's resolution (03-10) falls in the next week.
    expect(await figures(department, 'WEEK', '2025-03-05')).toMatchObject({
      tickets: 4,
      ticketsResolved: 1,
      backlogAtEnd: 3,
      period: { start: '2025-03-03', end: '2025-03-09' },
    });
  });

  it('shows the attainment of the targets set for the dimension; a refused target writes nothing', async () => {
    const SET = `mutation($input: SetKpiTargetInput!) { setKpiTarget(input: $input) { id version target } }`;
    const admin = testCaller(Role.ADMIN);
    const set = (kpi: string, comparator: string, target: number) =>
      harness.gql<{ setKpiTarget: { id: string; version: number } }>(
        SET,
        { input: { kpi, dimensionKind: 'DEPARTMENT', dimensionValue: department, comparator, target } },
        admin,
      );
    const first = (await set('csatAverage', 'AT_LEAST', 4.2)).data?.setKpiTarget;
    // setting it again replaces the value of the same target
    expect((await set('csatAverage', 'AT_LEAST', 4.5)).data?.setKpiTarget).toMatchObject({
      id: first?.id,
      version: 2,
    });
    await set('slaBreachRate', 'AT_MOST', 0.5);
    const refused = await set('resolutionRate', 'AT_LEAST', -1);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.target' });
    expect((await harness.gql(SET, { input: {} })).errors).toBeDefined(); // an ANALYST may not
    const { kpi } = await harness.ok<{ kpi: { targets: unknown[] } }>(
      `query($p: KpiPeriodInput!, $d: KpiDimensionInput) {
        kpi(period: $p, dimension: $d) { targets { kpi comparator target actual attained } } }`,
      { p: { kind: 'MONTH', date: '2025-03-15' }, d: { kind: 'DEPARTMENT', value: department } },
    );
    // CSAT 4 < 4.5: missed; SLA breach rate 0.5 ≤ 0.5: attained; no resolutionRate target was written
    expect(kpi.targets).toEqual([
      { kpi: 'csatAverage', comparator: 'AT_LEAST', target: 4.5, actual: 4, attained: false },
      { kpi: 'slaBreachRate', comparator: 'AT_MOST', target: 0.5, actual: 0.5, attained: true },
    ]);
  });

  it('is unchanged by redelivered and re-issued duplicate events', async () => {
    const before = await hashTables();
    const processedBefore = await processed();
    const reissued = ordered.map((event) => ({ ...event, eventId: randomUUID() }));
    await publish([...ordered, ...reissued]);
    await waitFor(processed, (n) => n === processedBefore + reissued.length, {
      timeoutMs: 45_000,
      what: 'reissued',
    });
    expect(await hashTables()).toBe(before);
  });

  it('gives the same figures when the events of another department arrive out of order', async () => {
    const twin = randomUUID();
    const events = shuffled(scenario(twin), 20250331);
    const versionsOf = (id: string) =>
      events.filter((e) => e.aggregateId === id).map((e) => e.aggregateVersion);
    const reordered = [...new Set(events.map((e) => e.aggregateId))].filter((id) => {
      const versions = versionsOf(id);
      return versions.some((version, index) => index > 0 && version < versions[index - 1]);
    });
    expect(reordered.length).toBeGreaterThan(0);
    // One event at a time, so that every out-of-order event is its own transaction.
    for (const event of events) await publish([event]);
    expect(await figures(twin)).toEqual(await figures(department));
  });

  it('counts a merged duplicate (ticket.merged) nowhere: the month keeps its hand-computed figures', async () => {
    const merged = randomUUID();
    const events = scenario(merged);
    const survivorId = events[0]!.aggregateId;
    const survivor = new TicketStory({ ticketId: survivorId });
    const duplicate = new TicketStory({ openedAt: '2025-03-08T09:00:00Z' })
      .acknowledge('2025-03-08T09:30:00Z', 1800)
      .assign('2025-03-08T10:00:00Z', randomUUID(), merged)
      .mergeInto(survivor, '2025-03-08T11:00:00Z');
    const before = await processed();
    const all = [...events, ...[...duplicate.events].reverse()];
    await publish(all);
    await waitFor(processed, (n) => n >= before + all.length, { what: 'the merged scenario consumed' });
    await harness.caughtUp();
    expect(await figures(merged)).toEqual(MARCH);
  });

  it('rebuilds identical tables on replay (reset group, truncate, re-consume)', async () => {
    const before = await hashTables();
    const total = await processed();
    await harness.app.replay('ticket-kpi');
    await waitFor(processed, (n) => n === total, { timeoutMs: 60_000, what: 'the replay to re-consume' });
    await harness.caughtUp();
    expect(await hashTables()).toBe(before);
  });

  it('refuses a bad dimension or date with BAD_USER_INPUT naming the field', async () => {
    const ask = (p: object, d: object) =>
      harness.gql(
        `query($p: KpiPeriodInput!, $d: KpiDimensionInput) { kpi(period: $p, dimension: $d) { tickets } }`,
        {
          p,
          d,
        },
      );
    const bad = [
      await ask({ kind: 'MONTH', date: '2025-03-15' }, { kind: 'DEPARTMENT', value: 'sales' }),
      await ask({ kind: 'MONTH', date: '2025-03-15' }, { kind: 'CHANNEL', value: 'PIGEON' }),
      await ask({ kind: 'MONTH', date: '2025-02-30' }, { kind: 'OVERALL' }),
    ];
    expect(bad.map((r) => [r.errors?.[0]?.extensions?.code, r.errors?.[0]?.extensions?.field])).toEqual([
      ['BAD_USER_INPUT', 'dimension.value'],
      ['BAD_USER_INPUT', 'dimension.value'],
      ['BAD_USER_INPUT', 'period.date'],
    ]);
  });
});
