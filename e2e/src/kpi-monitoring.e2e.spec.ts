import { eventsOf, waitFor } from '@opsgraph/testing';
import { startStack, type Stack } from './support/stack';
import { buildWorld, type World } from './support/world';

// Monitoring through the whole stack (docs/product.md §KPI): a rule created through the graph, a burst of tickets
// of VIP customers opened through the graph, and the alert it fires, visible through the graph and on
// opsgraph.kpi.alerts.v1; the KPI figures of the customer-tier cut count the burst.
let stack: Stack;
let world: World;

beforeAll(async () => {
  stack = await startStack('e2e-kpi-monitoring');
  world = await buildWorld(stack);
}, 180_000);

afterAll(() => stack?.stop());

type Alert = {
  id: string;
  ruleId: string;
  dimension: string;
  status: string;
  value: number;
  threshold: number;
};

it('a burst of VIP tickets fires the rule; the alert is in the graph and on the alerts topic', async () => {
  const { createMonitoringRule: rule } = await world.manager.data<{ createMonitoringRule: { id: string } }>(
    'mutation ($input: CreateMonitoringRuleInput!) { createMonitoringRule(input: $input) { id } }',
    {
      input: {
        name: 'More than 4 VIP tickets in the last hour',
        kpi: 'TICKETS',
        comparator: 'ABOVE',
        threshold: 4,
        windowMinutes: 60,
        minimumSamples: 1,
        dimensionKind: 'CUSTOMER_TIER',
        dimensionValue: 'VIP',
        severity: 'WARNING',
      },
    },
  );
  // The KPI service must know customer A's tier before the burst (the customer topic, read by its own consumer).
  const today = new Date().toISOString().slice(0, 10);
  const vipTickets = async () =>
    (
      await world.analyst.data<{ kpi: { tickets: number } }>(
        'query ($p: KpiPeriodInput!, $d: KpiDimensionInput) { kpi(period: $p, dimension: $d) { tickets } }',
        { p: { kind: 'DAY', date: today }, d: { kind: 'CUSTOMER_TIER', value: 'VIP' } },
      )
    ).kpi.tickets;
  await world.openTicket(world.ids.customerA);
  await waitFor(vipTickets, (n) => n === 1, {
    timeoutMs: 60_000,
    what: 'the first VIP ticket in the tier cut',
  });

  for (let i = 0; i < 5; i++) await world.openTicket(world.ids.customerA);
  // the STANDARD customer's ticket is in another cut and changes nothing here
  await world.openTicket(world.ids.customerB);

  const alerts = await waitFor(
    async () =>
      (
        await world.analyst.data<{ kpiAlerts: Alert[] }>(
          '{ kpiAlerts(status: FIRING) { id ruleId dimension status value threshold } }',
        )
      ).kpiAlerts.filter((alert) => alert.ruleId === rule.id),
    (found) => found.length > 0,
    { timeoutMs: 60_000, what: 'the FIRING alert in the graph' },
  );
  expect(alerts).toEqual([
    expect.objectContaining({ dimension: 'CUSTOMER_TIER:VIP', status: 'FIRING', threshold: 4 }),
  ]);
  expect(alerts[0].value).toBeGreaterThan(4);
  // the whole burst lands in the tier cut (the alert may have fired before the last ticket was folded)
  await waitFor(vipTickets, (n) => n === 6, { timeoutMs: 60_000, what: 'six VIP tickets in the tier cut' });

  const [fired] = await eventsOf(stack.kafka, 'kpi', alerts[0].id, 1);
  expect(fired).toMatchObject({
    type: 'kpi.alert_fired',
    aggregateId: alerts[0].id,
    data: {
      ruleId: rule.id,
      kpi: 'TICKETS',
      dimension: 'CUSTOMER_TIER:VIP',
      severity: 'WARNING',
      threshold: 4,
    },
  });
}, 240_000);
