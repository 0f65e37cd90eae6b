import { createServiceHarness } from '@opsgraph/service-kit/testing';
import { randomUUID } from 'node:crypto';
import { subgraph } from '../subgraph';
import { kpiAlert } from '../test-support/incident-fixtures';
import { eventsOf } from '../test-support/topic-events';

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
});
