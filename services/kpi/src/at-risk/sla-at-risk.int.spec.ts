// At-risk SLA warnings on real PostgreSQL and Kafka: ticket events with due times feed the facts; the graph lists
// the department's at-risk tickets and the scanner warns once per ticket and deadline, even when two run at once.
import { randomUUID } from 'node:crypto';
import type { TicketEvent } from '@opsgraph/contracts-events';
import { TicketStory } from '@opsgraph/contracts-events/testing';
import { Role } from '@opsgraph/domain';
import { eventsOf } from '@opsgraph/testing';
import { startKpiHarness, type KpiHarness } from '../testing/harness';

const MINUTE = 60_000;

describe('at-risk SLA warnings (real PostgreSQL and Kafka)', () => {
  let harness: KpiHarness;
  beforeAll(async () => {
    harness = await startKpiHarness('kpi-at-risk', Role.OPS_MANAGER);
  });
  afterAll(() => harness?.close());

  /** A ticket of the department opened 50 minutes ago whose first response is due in `dueInMinutes`. */
  const ticket = (department: string, dueInMinutes: number): TicketEvent[] => {
    const now = Date.now();
    const story = new TicketStory({ openedAt: new Date(now - 50 * MINUTE).toISOString() }).assign(
      new Date(now - 40 * MINUTE).toISOString(),
      randomUUID(),
      department,
    );
    const responseDueAt = new Date(now + dueInMinutes * MINUTE).toISOString();
    return story.events.map((event) => ({ ...event, data: { ...event.data, responseDueAt } }) as TicketEvent);
  };

  it('lists the department’s at-risk tickets and warns of each deadline exactly once', async () => {
    const department = randomUUID();
    const near = ticket(department, 5); // 5 of 55 minutes left: 9 % < 20 %
    const far = ticket(department, 50); // 50 of 100 minutes left: 50 %
    await harness.publish([...near, ...far]);

    const { atRiskTickets } = await harness.ok<{ atRiskTickets: Array<Record<string, unknown>> }>(
      `query($d: ID!) { atRiskTickets(departmentId: $d) { ticketId deadline remainingSeconds windowSeconds } }`,
      { d: department },
    );
    expect(atRiskTickets).toEqual([
      {
        ticketId: near[0].aggregateId,
        deadline: 'RESPONSE',
        remainingSeconds: expect.any(Number),
        windowSeconds: 3300,
      },
    ]);
    expect(atRiskTickets[0].remainingSeconds as number).toBeLessThanOrEqual(300);

    // two replicas at once, then a later scan: one warning
    await Promise.all([harness.app.services.atRisk.scanOnce(), harness.app.services.atRisk.scanOnce()]);
    await harness.app.services.atRisk.scanOnce();
    const warnings: Array<{ id: string }> = await harness.app.dataSource.query(
      'select id from kpi_sla_warnings where ticket_id = $1',
      [near[0].aggregateId],
    );
    expect(warnings).toHaveLength(1);
    const [warned] = await eventsOf(harness.kafka, 'kpi', warnings[0].id, 1);
    expect(warned).toMatchObject({
      type: 'kpi.sla_at_risk',
      data: {
        ticketId: near[0].aggregateId,
        departmentId: department,
        deadline: 'RESPONSE',
        windowSeconds: 3300,
      },
    });
    const [{ n }] = await harness.app.dataSource.query(
      'select count(*)::int as n from kpi_sla_warnings where ticket_id = $1',
      [far[0].aggregateId],
    );
    expect(n).toBe(0);
  });

  it('refuses a department id that is not a UUID', async () => {
    const result = await harness.gql(`query { atRiskTickets(departmentId: "sales") { ticketId } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
