import { waitFor } from '@opsgraph/testing';
import { seed } from './seed/seed';
import { graphClient } from './support/graph-client';
import { startStack, type Stack } from './support/stack';
import { signToken } from './support/tokens';

// `npm run seed` against the whole stack, small: every lifecycle goes through, and a second run adds nothing.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack('e2e-seed');
}, 180_000);
afterAll(() => stack?.stop());

const quiet = () => undefined;
/** FAULT tickets the asset seed opened (beyond the 60 demo tickets). */
let assetTickets = 0;
/** The ticket opened at risk of its SLA (0 or 1). */
let atRiskTickets = 0;
const DAY = 86_400_000;

it('builds the demo centre through the graph, then finds it there and adds nothing', async () => {
  const now = new Date();
  const first = await seed({
    gatewayUrl: stack.gatewayUrl,
    tickets: 60,
    customers: 20,
    assets: 60,
    now,
    log: quiet,
  });
  expect(first).toMatchObject({
    departments: 6,
    employees: 32,
    customers: 20,
    ticketsCreated: 60,
    ticketsFailed: 0,
    skipped: false,
  });
  assetTickets = first.assetTickets;
  atRiskTickets = first.atRiskTickets;
  expect(assetTickets).toBeGreaterThan(0);

  const admin = graphClient(stack.gatewayUrl, await signToken({ role: 'ADMIN' }));
  const { tickets, surveyed } = await admin.data<{
    tickets: { totalCount: number };
    surveyed: { totalCount: number };
  }>(
    '{ tickets(first: 1) { totalCount } surveyed: tickets(first: 1, filter: { status: [CLOSED] }) { totalCount } }',
  );
  expect(atRiskTickets).toBeLessThanOrEqual(1);
  expect(tickets.totalCount).toBe(60 + assetTickets + atRiskTickets);
  expect(surveyed.totalCount).toBeGreaterThan(10);

  const second = await seed({
    gatewayUrl: stack.gatewayUrl,
    tickets: 60,
    customers: 20,
    assets: 60,
    log: quiet,
  });
  expect(second).toMatchObject({
    departments: 6,
    employees: 32,
    customers: 20,
    ticketsCreated: 0,
    skipped: true,
  });
}, 180_000);

describe('the demo history', () => {
  let admin: ReturnType<typeof graphClient>;
  type Listed = { createdAt: string; department: { id: string } | null; sla: { breached: boolean } };
  let listed: Listed[];

  beforeAll(async () => {
    admin = graphClient(stack.gatewayUrl, await signToken({ role: 'ADMIN' }));
    const { tickets } = await admin.data<{ tickets: { edges: { node: Listed }[] } }>(
      '{ tickets(first: 100) { edges { node { createdAt department { id } sla { breached } } } } }',
    );
    listed = tickets.edges.map((edge) => edge.node);
  });

  /** The months (UTC, the KPI default) the last 90 days touch, oldest first. */
  const months = (): string[] => {
    const found = new Set<string>();
    for (let ago = 91; ago >= 0; ago--) found.add(new Date(Date.now() - ago * DAY).toISOString().slice(0, 7));
    return [...found];
  };

  it('spans the last 90 days, with some tickets late on their SLA', () => {
    const opened = listed.map((ticket) => Date.parse(ticket.createdAt));
    expect(Math.min(...opened)).toBeGreaterThan(Date.now() - 91 * DAY);
    expect(Math.max(...opened) - Math.min(...opened)).toBeGreaterThan(45 * DAY);
    expect(new Set(listed.map((ticket) => ticket.createdAt.slice(0, 7))).size).toBeGreaterThanOrEqual(3);
    expect(listed.some((ticket) => ticket.sla.breached)).toBe(true);
  });

  it('gives the HR KPIs figures in several months, not all in the current one', async () => {
    const periods = months();
    const query = `{ departments { code ${periods
      .map(
        (period, i) =>
          `m${i}: kpi(period: "${period}", includeSubdepartments: true) { ticketsHandled ticketsResolved surveyCount }`,
      )
      .join(' ')} } }`;
    type Figures = { ticketsHandled: number; ticketsResolved: number; surveyCount: number };
    const routed = listed.filter((ticket) => ticket.department !== null).length;
    const perMonth = await waitFor(
      async () => {
        const { departments } = await admin.data<{
          departments: (Record<string, Figures> & { code: string })[];
        }>(query);
        const ops = departments.find((department) => department.code === 'OPS')!;
        return periods.map((_, i) => ops[`m${i}`]);
      },
      (figures) => figures.reduce((sum, month) => sum + month.ticketsHandled, 0) === routed,
      { timeoutMs: 60_000, intervalMs: 500, what: 'the KPI read model to count every routed ticket' },
    );
    const handled = perMonth.map((month) => month.ticketsHandled);
    expect(handled.filter((count) => count > 0).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...handled)).toBeLessThan(routed * 0.7);
    expect(perMonth.filter((month) => month.surveyCount > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('gives customers service histories of their own, last in touch on different days', async () => {
    type History = { ticketsTotal: number; lastContactAt: string | null; surveysAnswered: number };
    const histories = await waitFor(
      async () => {
        const { customers } = await admin.data<{
          customers: { edges: { node: { serviceHistory: History } }[] };
        }>(
          '{ customers(first: 100, filter: { text: "C-DEMO-" }) { edges { node { serviceHistory { ticketsTotal lastContactAt surveysAnswered } } } } }',
        );
        return customers.edges.map((edge) => edge.node.serviceHistory);
      },
      (found) =>
        found.reduce((sum, history) => sum + history.ticketsTotal, 0) === 60 + assetTickets + atRiskTickets,
      { timeoutMs: 60_000, intervalMs: 500, what: 'the service history to count every ticket' },
    );
    const contacts = histories.flatMap((history) =>
      history.lastContactAt ? [Date.parse(history.lastContactAt)] : [],
    );
    expect(
      new Set(contacts.map((at) => new Date(at).toISOString().slice(0, 10))).size,
    ).toBeGreaterThanOrEqual(5);
    expect(Math.max(...contacts) - Math.min(...contacts)).toBeGreaterThan(14 * DAY);
    expect(histories.some((history) => history.surveysAnswered > 0)).toBe(true);
  });
});

describe('the demo asset ledger', () => {
  it('has assets across categories with overdue plans, MTBF figures, advice and plan suggestions', async () => {
    const admin = graphClient(stack.gatewayUrl, await signToken({ role: 'ADMIN' }));
    type Node = {
      category: string;
      faults: { ticketId: string | null }[];
      maintenancePlans: { overdue: boolean }[];
      reliability: { mtbfHours: number | null };
      advice: { recommendation: string };
    };
    const from = new Date(Date.now() - 365 * DAY).toISOString();
    const to = new Date().toISOString();
    const read = async () =>
      (
        await admin.data<{ assets: { totalCount: number; edges: { node: Node }[] } }>(
          `query ($from: DateTime!, $to: DateTime!) { assets(first: 100) { totalCount edges { node {
             category faults { ticketId } maintenancePlans { overdue } reliability(from: $from, to: $to) { mtbfHours }
             advice { recommendation } } } } }`,
          { from, to },
        )
      ).assets;
    // FAULT tickets reach the asset subgraph through the ticket topic.
    const assets = await waitFor(
      read,
      (found) => found.edges.some(({ node }) => node.faults.some((f) => f.ticketId !== null)),
      {
        timeoutMs: 60_000,
        intervalMs: 500,
        what: 'faults reported by FAULT tickets',
      },
    );
    const nodes = assets.edges.map((edge) => edge.node);
    expect(assets.totalCount).toBeGreaterThanOrEqual(55);
    expect(new Set(nodes.map((node) => node.category)).size).toBeGreaterThanOrEqual(6);
    expect(nodes.some((node) => node.maintenancePlans.some((plan) => plan.overdue))).toBe(true);
    expect(nodes.filter((node) => node.reliability.mtbfHours !== null).length).toBeGreaterThan(10);
    expect(new Set(nodes.map((node) => node.advice.recommendation)).size).toBeGreaterThanOrEqual(2);
    const { maintenancePlanSuggestions } = await admin.data<{
      maintenancePlanSuggestions: { model: string }[];
    }>('{ maintenancePlanSuggestions { model } }');
    expect(maintenancePlanSuggestions.map((suggestion) => suggestion.model)).toContain('LaserJet Pro M404dn');
  });
});

it('leaves a FIRING monitoring alert from the seeded rules (docs/product.md §KPI)', async () => {
  const admin = graphClient(stack.gatewayUrl, await signToken({ role: 'ADMIN' }));
  const { monitoringRules } = await admin.data<{ monitoringRules: { id: string }[] }>(
    '{ monitoringRules { id } }',
  );
  expect(monitoringRules).toHaveLength(5);
  // the seeded targets show their attainment in the centre's figures
  const { kpi } = await admin.data<{ kpi: { targets: { kpi: string; target: number }[] } }>(
    'query($p: KpiPeriodInput!) { kpi(period: $p) { targets { kpi target } } }',
    { p: { kind: 'MONTH', date: new Date().toISOString().slice(0, 10) } },
  );
  expect(kpi.targets).toEqual(
    expect.arrayContaining([
      { kpi: 'csatAverage', target: 4.5 },
      { kpi: 'slaBreachRate', target: 0.1 },
    ]),
  );
  const firing = await waitFor(
    async () =>
      (
        await admin.data<{ kpiAlerts: { ruleId: string; status: string }[] }>(
          '{ kpiAlerts(status: FIRING) { ruleId status } }',
        )
      ).kpiAlerts,
    (alerts) => alerts.length > 0,
    { timeoutMs: 60_000, what: 'a FIRING alert' },
  );
  expect(monitoringRules.map((rule) => rule.id)).toEqual(expect.arrayContaining([firing[0].ruleId]));
}, 90_000);

it('leaves at-risk tickets in Customer Service (docs/product.md §KPI "At-risk")', async () => {
  const admin = graphClient(stack.gatewayUrl, await signToken({ role: 'ADMIN' }));
  // `departments` lists the roots; Customer Service may sit below one
  type Department = { id: string; code: string; children?: Department[] };
  const { departments } = await admin.data<{ departments: Department[] }>(
    '{ departments { id code children { id code children { id code } } } }',
  );
  const flat = (list: Department[]): Department[] => list.flatMap((d) => [d, ...flat(d.children ?? [])]);
  const cs = flat(departments).find((department) => department.code === 'CS');
  expect(cs).toBeDefined();
  const atRisk = await waitFor(
    async () =>
      (
        await admin.data<{
          atRiskTickets: { deadline: string; remainingSeconds: number; windowSeconds: number }[];
        }>('query($d: ID!) { atRiskTickets(departmentId: $d) { deadline remainingSeconds windowSeconds } }', {
          d: cs?.id,
        })
      ).atRiskTickets,
    (tickets) => tickets.length > 0,
    { timeoutMs: 60_000, what: 'an at-risk ticket' },
  );
  // at risk: less than 20 % of the deadline's window left
  for (const ticket of atRisk) expect(ticket.remainingSeconds).toBeLessThan(0.2 * ticket.windowSeconds);
}, 90_000);
