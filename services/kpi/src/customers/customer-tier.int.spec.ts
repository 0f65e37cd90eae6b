// The customer-tier dimension on real PostgreSQL and Kafka: a ticket counts under its customer's current tier,
// whether the customer's event or the ticket's came first; a tier change moves the customer's tickets; an older or
// repeated customer event changes nothing.
import { randomUUID } from 'node:crypto';
import type { CustomerTier } from '@opsgraph/contracts-events';
import { TicketStory } from '@opsgraph/contracts-events/testing';
import { Role } from '@opsgraph/domain';
import { customerEvent } from '../testing/ops-events';
import { startKpiHarness, type KpiHarness } from '../testing/harness';

describe('customer-tier KPIs (real PostgreSQL and Kafka)', () => {
  let harness: KpiHarness;
  const ticketsOf = (customerId: string, count: number) =>
    Array.from({ length: count }, () =>
      new TicketStory({ openedAt: '2025-06-02T09:00:00.000Z', customerId }).resolve(
        '2025-06-02T11:00:00.000Z',
        {
          withinSla: false,
        },
      ),
    ).flatMap((story) => story.events);
  const figures = async (tier: CustomerTier) =>
    (
      await harness.ok<{ kpi: { tickets: number; slaBreachRate: number | null } }>(
        `query($p: KpiPeriodInput!, $d: KpiDimensionInput) { kpi(period: $p, dimension: $d) { tickets slaBreachRate } }`,
        { p: { kind: 'MONTH', date: '2025-06-15' }, d: { kind: 'CUSTOMER_TIER', value: tier } },
      )
    ).kpi;
  const tickets = async () => ({
    STANDARD: (await figures('STANDARD')).tickets,
    KEY_ACCOUNT: (await figures('KEY_ACCOUNT')).tickets,
    VIP: (await figures('VIP')).tickets,
  });

  beforeAll(async () => {
    harness = await startKpiHarness('kpi-customer-tier', Role.ANALYST);
  });
  afterAll(() => harness?.close());

  it('counts tickets under the customer’s current tier, whichever topic came first, and moves them on a change', async () => {
    const [late, early] = [randomUUID(), randomUUID()];
    // late: its tickets arrive before the customer is known — no tier yet
    await harness.publish(ticketsOf(late, 2));
    expect(await tickets()).toEqual({ STANDARD: 0, KEY_ACCOUNT: 0, VIP: 0 });
    await harness.publishOps([customerEvent(late, 'VIP')], 'customer');
    expect(await tickets()).toEqual({ STANDARD: 0, KEY_ACCOUNT: 0, VIP: 2 });
    expect(await figures('VIP')).toEqual({ tickets: 2, slaBreachRate: 1 });
    // early: the customer is known before its ticket arrives
    await harness.publishOps([customerEvent(early, 'STANDARD')], 'customer');
    await harness.publish(ticketsOf(early, 1));
    expect(await tickets()).toEqual({ STANDARD: 1, KEY_ACCOUNT: 0, VIP: 2 });

    // a tier change moves late's tickets; the older registration redelivered afterwards changes nothing
    await harness.publishOps([customerEvent(late, 'KEY_ACCOUNT', 2)], 'customer');
    await harness.publishOps([customerEvent(late, 'VIP', 1)], 'customer');
    expect(await tickets()).toEqual({ STANDARD: 1, KEY_ACCOUNT: 2, VIP: 0 });
    // a new ticket of late counts under its tier now
    await harness.publish(ticketsOf(late, 1));
    expect(await tickets()).toEqual({ STANDARD: 1, KEY_ACCOUNT: 3, VIP: 0 });
  });

  it('refuses a tier that does not exist, naming the field', async () => {
    const result = await harness.gql(
      `query($p: KpiPeriodInput!, $d: KpiDimensionInput) { kpi(period: $p, dimension: $d) { tickets } }`,
      { p: { kind: 'MONTH', date: '2025-06-15' }, d: { kind: 'CUSTOMER_TIER', value: 'GOLD' } },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'dimension.value',
    });
  });
});
