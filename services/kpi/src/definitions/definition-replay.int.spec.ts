// KPI definitions end to end on real PostgreSQL and Kafka: a build under v1, a published v2, the definition replay
// — and the hash of every fact and ticket cell equals that of a fresh build under v2, on a fresh database, from
// the same events. Duplicates and out-of-order events arriving during the replay change nothing.
import { randomUUID } from 'node:crypto';
import type { TicketEvent } from '@opsgraph/contracts-events';
import { shuffled, TicketStory } from '@opsgraph/contracts-events/testing';
import { Role } from '@opsgraph/domain';
import { testCaller } from '@opsgraph/service-kit/testing';
import { startKpiHarness, type KpiHarness } from '../testing/harness';
import { replayDefinition, summaryLine } from './definition-replay';

const at = (day: string, time = '09:00:00') => `2026-03-${day}T${time}Z`;

/** The story's events with a resolution deadline (the stories leave it null). */
const due = (story: TicketStory, resolutionDueAt: string): TicketEvent[] =>
  story.events.map((event) => ({ ...event, data: { ...event.data, resolutionDueAt } }) as TicketEvent);

/**
 * Department D, March 2026 (UTC):
 * | T | first response | resolved          | deadline     | ticket's SLA verdict     |
 * | 1 | 120 (ack)      | 03-03 15:00       | 03-03 16:00  | met                      |
 * | 2 | 600 (ack)      | 03-04 18:30       | 03-04 18:00  | missed by 30 min         |
 * | 3 | 300 (ack)      | 03-06 09:00       | 03-05 17:00  | missed by 16 h           |
 * | 4 | never acked    | 03-06 11:00 (2 h) | 03-06 17:00  | met                      |
 */
function scenario(department: string): TicketEvent[] {
  const story = (day: string) =>
    new TicketStory({ openedAt: at(day) }).assign(at(day, '09:30:00'), randomUUID(), department);
  return [
    due(
      story('03').acknowledge(at('03', '10:00:00'), 120).resolve(at('03', '15:00:00')),
      at('03', '16:00:00'),
    ),
    due(
      story('04').acknowledge(at('04', '10:00:00'), 600).resolve(at('04', '18:30:00'), { withinSla: false }),
      at('04', '18:00:00'),
    ),
    due(
      story('05').acknowledge(at('05', '10:00:00'), 300).resolve(at('06'), { withinSla: false }),
      at('05', '17:00:00'),
    ),
    due(story('06').resolve(at('06', '11:00:00'), { resolutionSeconds: 7200 }), at('06', '17:00:00')),
  ].flat();
}

const V2 = {
  slaGraceSeconds: 3600,
  firstResponse: 'ACKNOWLEDGEMENT_OR_RESOLUTION',
  note: 'one hour of grace',
};
const PUBLISH = `mutation($input: PublishKpiFormulaDefinitionInput!) {
  publishKpiFormulaDefinition(input: $input) { version slaGraceSeconds firstResponse note publishedBy latest applied } }`;
const FIGURES = `query($d: KpiDimensionInput) {
  kpi(period: { kind: MONTH, date: "2026-03-15" }, dimension: $d) {
    definitionVersion slaBreachRate firstResponseCount firstResponseAverageSeconds } }`;

describe('KPI definitions and the definition replay (real PostgreSQL and Kafka)', () => {
  const department = randomUUID();
  const events = scenario(department);
  const admin = testCaller(Role.ADMIN);
  let harness: KpiHarness;
  const hash = () => harness.hashTables('kpi_ticket_facts', 'ticket_id', 'kpi_day_cells');
  const figures = async () =>
    (
      await harness.ok<{ kpi: Record<string, unknown> }>(FIGURES, {
        d: { kind: 'DEPARTMENT', value: department },
      })
    ).kpi;
  const replay = () => replayDefinition(harness.app.dataSource, { timeZone: harness.app.config.kpiTimeZone });

  afterEach(() => harness?.close());

  it('v1 → publish v2 → replay equals a fresh build under v2 from the same events', async () => {
    harness = await startKpiHarness('kpi-definition-replay', Role.ANALYST);
    await harness.publish(events);
    // v1: acknowledgements only (120, 600, 300); the ticket service's verdicts (T2 and T3 missed)
    expect(await figures()).toEqual({
      definitionVersion: 1,
      slaBreachRate: 0.5,
      firstResponseCount: 3,
      firstResponseAverageSeconds: 340,
    });

    const refused = [
      await harness.gql(PUBLISH, { input: V2 }), // an ANALYST may not
      await harness.gql(PUBLISH, { input: { ...V2, slaGraceSeconds: 86_401 } }, admin),
    ];
    expect(refused.map((result) => result.errors?.[0]?.extensions?.code)).toEqual([
      'FORBIDDEN',
      'BAD_USER_INPUT',
    ]);
    expect(refused[1].errors?.[0]?.extensions?.field).toBe('input.slaGraceSeconds');
    const published = await harness.gql<{ publishKpiFormulaDefinition: unknown }>(
      PUBLISH,
      { input: V2 },
      admin,
    );
    expect(published.data?.publishKpiFormulaDefinition).toEqual({
      version: 2,
      slaGraceSeconds: 3600,
      firstResponse: 'ACKNOWLEDGEMENT_OR_RESOLUTION',
      note: 'one hour of grace',
      publishedBy: admin?.userId,
      latest: true,
      applied: false,
    });
    const [audit] = await harness.app.dataSource.query(
      `select action, aggregate_version as version, changes from audit_log where aggregate_type = 'kpi-definition'`,
    );
    expect(audit).toMatchObject({
      action: 'PUBLISHED',
      version: 2,
      changes: { parameters: { slaGraceSeconds: { from: 0, to: 3600 } } },
    });
    // Published, not applied: the figures keep v1 until the replay.
    expect((await figures()).definitionVersion).toBe(1);

    // The replay runs while duplicates (re-issued ids) and shuffled copies of the same events arrive.
    const processed = await harness.processed('kpi-ticket-kpi');
    const duplicates = shuffled(
      events.map((event) => ({ ...event, eventId: randomUUID() })),
      20260306,
    );
    const [summary] = await Promise.all([replay(), harness.publish(duplicates)]);
    expect(await harness.processed('kpi-ticket-kpi')).toBe(processed + duplicates.length);
    expect(summary).toMatchObject({ version: 2, previousVersion: 1, facts: 4 });
    expect(summaryLine(summary)).toMatch(/^kpi definition replay: v1 → v2, 4 facts, \d+ cells rebuilt in /);
    // v2: T4's resolution is its first response (7200); T2 is within the hour of grace, T3 is not.
    expect(await figures()).toEqual({
      definitionVersion: 2,
      slaBreachRate: 0.25,
      firstResponseCount: 4,
      firstResponseAverageSeconds: (120 + 600 + 300 + 7200) / 4,
    });
    const [versions] = await harness.app.dataSource.query(
      'select array_agg(distinct definition_version) as versions from kpi_day_cells',
    );
    expect(versions.versions).toEqual([2]);
    const { kpiFormulaDefinitions } = await harness.ok<{ kpiFormulaDefinitions: unknown[] }>(
      '{ kpiFormulaDefinitions { version latest applied } }',
    );
    expect(kpiFormulaDefinitions).toEqual([
      { version: 2, latest: true, applied: true },
      { version: 1, latest: false, applied: false },
    ]);
    const replayed = await hash();
    await harness.close();

    // A fresh database: v2 published and applied before any event, then the same events.
    harness = await startKpiHarness('kpi-definition-fresh', Role.ANALYST);
    await harness.gql(PUBLISH, { input: V2 }, admin);
    expect(await replay()).toMatchObject({ version: 2, facts: 0, cells: 0 });
    await harness.publish(events);
    expect(await hash()).toBe(replayed);
  });
});
