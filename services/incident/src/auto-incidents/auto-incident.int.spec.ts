import { createEvent, KpiAlertFired, SYSTEM_ACTOR, topicFor, topicName } from '@opsgraph/contracts-events';
import { createServiceHarness } from '@opsgraph/service-kit/testing';
import { createEventPublisher, waitFor, waitForGroupCaughtUp, eventsOf } from '@opsgraph/testing';
import { randomUUID } from 'node:crypto';
import { kpiAlertIncidents } from './kpi-alerts.projection';
import { subgraph } from '../subgraph';
import { kpiAlert } from '../test-support/incident-fixtures';

describe('auto-incidents from KPI alerts (real PostgreSQL and Kafka)', () => {
  const start = () => createServiceHarness(subgraph, 'incident-auto');
  let harness: Awaited<ReturnType<typeof start>>;

  const incidentsOf = async (alertId: string) =>
    (
      await harness.app.dataSource.query(
        'select count(*)::int as n from incidents where source_alert_id = $1',
        [alertId],
      )
    )[0].n;

  beforeAll(async () => {
    harness = await start();
  });
  afterAll(() => harness?.stop());

  it('opens one incident per alert, whatever is delivered twice or at once, reported by the system', async () => {
    const fired = kpiAlert();
    const service = harness.app.services.incidents;
    const [first, second] = await Promise.all([
      service.openFromAlert(fired, randomUUID()),
      service.openFromAlert(fired, randomUUID()),
    ]);
    const again = await service.openFromAlert(fired, randomUUID());
    expect(first).toMatchObject({ status: 'REPORTED', severity: 'SEV2', category: 'TECHNICAL_FAILURE' });
    expect(second!.id).toBe(first!.id);
    expect(again!.id).toBe(first!.id);
    expect(await incidentsOf(fired.alertId)).toBe(1);
    const [reported] = await eventsOf(harness.kafka, 'incident', first!.id, 1);
    expect(reported).toMatchObject({ type: 'incident.reported', actor: { id: null, role: 'system' } });
  });

  it('opens none for an INFO alert', async () => {
    const info = kpiAlert({ severity: 'INFO' });
    expect(await harness.app.services.incidents.openFromAlert(info, randomUUID())).toBeNull();
    expect(await incidentsOf(info.alertId)).toBe(0);
  });

  it('consumes kpi.alert_fired from the alerts topic: exactly one incident, also for a redelivered or re-issued event', async () => {
    const { kafka, namespace } = harness.kafka;
    const topic = topicName(topicFor('kpi'), namespace);
    expect(topic).toBe(`${namespace}.opsgraph.kpi.alerts.v1`);
    const data = { ...kpiAlert(), ruleId: randomUUID() };
    const fired = createEvent(KpiAlertFired, {
      aggregateId: data.alertId,
      aggregateVersion: 1,
      producer: 'kpi',
      actor: SYSTEM_ACTOR,
      data,
    });
    const publisher = createEventPublisher(kafka);
    try {
      await publisher.publish(topic, [fired, fired, { ...fired, eventId: randomUUID() }]);
    } finally {
      await publisher.close();
    }
    await waitFor(
      () => incidentsOf(data.alertId),
      (n) => n === 1,
      { what: 'the alert’s incident' },
    );
    await waitForGroupCaughtUp(
      kafka,
      kpiAlertIncidents(harness.app.config).groupId('incident', namespace),
      topic,
    );
    expect(await incidentsOf(data.alertId)).toBe(1);
  });
});
