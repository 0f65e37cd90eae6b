// Monitoring end to end on real PostgreSQL and Kafka: rules created through the graph are evaluated as ticket
// events arrive; a burst of SLA breaches fires one alert (visible in the graph and on opsgraph.kpi.alerts.v1),
// and it resolves when the window clears.
import { randomUUID } from 'node:crypto';
import type { TicketEvent } from '@opsgraph/contracts-events';
import { TicketStory } from '@opsgraph/contracts-events/testing';
import { Role } from '@opsgraph/domain';
import { testCaller } from '@opsgraph/service-kit/testing';
import { eventsOf } from '@opsgraph/testing';
import { TicketKpiProjection } from '../engine/ticket-kpi.projection';
import { startKpiHarness, type KpiHarness } from '../testing/harness';
import { Monitor } from './monitor';

const RULE = `mutation($input: CreateMonitoringRuleInput!) { createMonitoringRule(input: $input) { id dimensionValue } }`;
const ALERTS = `query { kpiAlerts { id ruleId dimension status value threshold version } }`;

describe('monitoring rules and alerts (real PostgreSQL and Kafka)', () => {
  let harness: KpiHarness;
  const publish = (events: readonly TicketEvent[]) => harness.publish(events);
  const rule = async (department: string, minimumSamples: number) =>
    (
      await harness.ok<{ createMonitoringRule: { id: string } }>(RULE, {
        input: {
          name: 'SLA breach rate over the last hour',
          kpi: 'SLA_BREACH_RATE',
          comparator: 'ABOVE',
          threshold: 0.1,
          windowMinutes: 60,
          minimumSamples,
          dimensionKind: 'DEPARTMENT',
          dimensionValue: department,
          severity: 'CRITICAL',
        },
      })
    ).createMonitoringRule.id;
  const alertsOf = async (ruleId: string) =>
    (await harness.ok<{ kpiAlerts: Array<Record<string, unknown>> }>(ALERTS)).kpiAlerts.filter(
      (alert) => alert.ruleId === ruleId,
    );
  /** A ticket of the department resolved `minutesAgo`, within its SLA or not. */
  const resolved = (department: string, minutesAgo: number, withinSla: boolean) => {
    const at = (offset: number) => new Date(Date.now() - (minutesAgo + offset) * 60_000).toISOString();
    return new TicketStory({ openedAt: at(30) })
      .acknowledge(at(20), 600)
      .assign(at(15), randomUUID(), department)
      .resolve(at(0), { withinSla }).events;
  };

  beforeAll(async () => {
    harness = await startKpiHarness('kpi-monitoring', Role.ADMIN);
  });
  afterAll(() => harness?.close());

  it('fires one alert for a burst of breaches, on the graph and the alerts topic, and resolves it when it clears', async () => {
    const department = randomUUID();
    const ruleId = await rule(department, 3);
    // 3 breaches in the last hour: 3 of 3 = 100 % > 10 %, and 3 samples meet the minimum
    await publish([...resolved(department, 10, false), ...resolved(department, 8, false)]);
    expect(await alertsOf(ruleId)).toEqual([]); // two samples: not judged yet
    await publish(resolved(department, 5, false));
    await publish(resolved(department, 4, false)); // still holding: no second alert
    const [alert, ...others] = await alertsOf(ruleId);
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      status: 'FIRING',
      dimension: `DEPARTMENT:${department}`,
      value: 1,
      threshold: 0.1,
    });
    const [fired] = await eventsOf(harness.kafka, 'kpi', alert.id as string, 1);
    expect(fired).toMatchObject({
      type: 'kpi.alert_fired',
      aggregateId: alert.id,
      data: { ruleId, kpi: 'SLA_BREACH_RATE', severity: 'CRITICAL', value: 1, threshold: 0.1 },
    });

    const ack = await harness.ok<{ acknowledgeKpiAlert: { status: string; version: number } }>(
      `mutation($input: AcknowledgeKpiAlertInput!) { acknowledgeKpiAlert(input: $input) { status version } }`,
      { input: { id: alert.id, expectedVersion: alert.version } },
    );
    expect(ack.acknowledgeKpiAlert.status).toBe('ACKNOWLEDGED');

    // 40 resolutions within SLA: 4 of 44 = 9.1 % ≤ 10 % → the condition clears and the alert resolves itself
    await publish(Array.from({ length: 40 }, () => resolved(department, 2, true)).flat());
    expect(await alertsOf(ruleId)).toEqual([expect.objectContaining({ id: alert.id, status: 'RESOLVED' })]);
    // the reader's group has read the fired event already: the next one is the resolution
    const [resolution] = await eventsOf(harness.kafka, 'kpi', alert.id as string, 1);
    // the value when the condition cleared: the consumer may fold the 40 in several batches, so any rate ≤ 10 %
    expect(resolution).toMatchObject({ type: 'kpi.alert_resolved', data: { ruleId } });
    expect(resolution.data).toHaveProperty('value', expect.any(Number));
    expect((resolution.data as { value: number }).value).toBeLessThanOrEqual(0.1);
  });

  it('raises one alert per condition when two replicas evaluate the same rule and dimension at once', async () => {
    const department = randomUUID();
    const ruleId = await rule(department, 1);
    const replica = () =>
      new TicketKpiProjection(
        'UTC',
        new Monitor({ namespace: harness.kafka.namespace, clock: () => new Date() }),
      );
    const [a, b] = [resolved(department, 3, false), resolved(department, 2, false)];
    await Promise.all([
      harness.app.dataSource.transaction((manager) => replica().handleBatch(a, manager)),
      harness.app.dataSource.transaction((manager) => replica().handleBatch(b, manager)),
    ]);
    const alerts = await alertsOf(ruleId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ status: 'FIRING' });
  });

  it('fires a target-miss rule against each dimension’s own target, and never where no target is set', async () => {
    const [measured, untargeted] = [randomUUID(), randomUUID()];
    await harness.ok(`mutation($input: SetKpiTargetInput!) { setKpiTarget(input: $input) { id } }`, {
      input: {
        kpi: 'slaBreachRate',
        dimensionKind: 'DEPARTMENT',
        dimensionValue: measured,
        comparator: 'AT_MOST',
        target: 0.25,
      },
    });
    const ruleId = (
      await harness.ok<{ createMonitoringRule: { id: string } }>(RULE, {
        input: {
          name: 'Departments missing their SLA target',
          kpi: 'SLA_BREACH_RATE',
          comparator: 'MISSES_TARGET',
          windowMinutes: 60,
          minimumSamples: 2,
          dimensionKind: 'DEPARTMENT',
          severity: 'WARNING',
        },
      })
    ).createMonitoringRule.id;
    // measured: 1 breach of 2 = 50 % > the 25 % target; untargeted: 2 of 2, but it has no target to miss
    await publish([
      ...resolved(measured, 6, false),
      ...resolved(measured, 5, true),
      ...resolved(untargeted, 6, false),
      ...resolved(untargeted, 5, false),
    ]);
    expect(await alertsOf(ruleId)).toEqual([
      expect.objectContaining({
        status: 'FIRING',
        dimension: `DEPARTMENT:${measured}`,
        value: 0.5,
        threshold: 0.25,
      }),
    ]);
  });

  it('resolves an alert on the periodic recheck once its window slides past the breaches, with no new event', async () => {
    const department = randomUUID();
    const ruleId = await rule(department, 1);
    await publish(resolved(department, 5, false));
    const [alert] = await alertsOf(ruleId);
    expect(alert).toMatchObject({ status: 'FIRING' });
    await eventsOf(harness.kafka, 'kpi', alert.id as string, 1); // the fired event

    // now: the breach is still inside the hour → the recheck keeps the alert
    await harness.app.services.monitoring.recheckOpenAlerts();
    expect(await alertsOf(ruleId)).toEqual([expect.objectContaining({ id: alert.id, status: 'FIRING' })]);

    // an hour later the window holds nothing: the recheck resolves it (once, however often it runs)
    const later = new Monitor({
      namespace: harness.kafka.namespace,
      clock: () => new Date(Date.now() + 61 * 60_000),
    });
    const recheck = () => harness.app.dataSource.transaction((manager) => later.recheck(manager));
    expect(await recheck()).toBeGreaterThanOrEqual(1);
    expect(await alertsOf(ruleId)).toEqual([expect.objectContaining({ id: alert.id, status: 'RESOLVED' })]);
    expect(await recheck()).toBe(0);
    const [resolution] = await eventsOf(harness.kafka, 'kpi', alert.id as string, 1);
    expect(resolution).toMatchObject({ type: 'kpi.alert_resolved', data: { ruleId, value: null } });
  });

  it('refuses a bad rule with BAD_USER_INPUT naming the field and writes nothing', async () => {
    const result = await harness.gql(RULE, {
      input: {
        name: 'x',
        kpi: 'TICKETS',
        comparator: 'ABOVE',
        threshold: -1,
        windowMinutes: 60,
        dimensionKind: 'OVERALL',
        severity: 'INFO',
      },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.threshold',
    });
    const [{ n }] = await harness.app.dataSource.query(
      `select count(*)::int as n from kpi_rules where name = 'x'`,
    );
    expect(n).toBe(0);
    const viewer = await harness.gql(RULE, { input: {} }, testCaller(Role.AGENT));
    expect(viewer.errors).toBeDefined();
  });
});
