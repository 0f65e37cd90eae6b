// Employee.kpi and Department.kpi on real PostgreSQL and Kafka: the figures from the ticket topic, the access rules
// from the directory the employee and department topics keep (asked as the gateway asks: `_entities` by key).
import { randomUUID } from 'node:crypto';
import { TicketStory } from '@opsgraph/contracts-events/testing';
import { Role } from '@opsgraph/domain';
import { testCaller } from '@opsgraph/service-kit/testing';
import { departmentEvent, employeeEvent } from '../testing/ops-events';
import { startKpiHarness, type KpiHarness } from '../testing/harness';

const FIGURES = `period live ticketsHandled ticketsResolved resolutionRate
  firstResponse { count averageSeconds p90Seconds } resolvedWithinSlaShare surveyCount averageSatisfaction
  complaintsAgainst lastEventAt`;

describe('Employee.kpi and Department.kpi (real PostgreSQL and Kafka)', () => {
  let harness: KpiHarness;
  // ops (managed by the director) ── cs (managed by the lead); ana works in cs under the lead, bo elsewhere.
  const [ops, cs, other] = [randomUUID(), randomUUID(), randomUUID()];
  const [director, lead, ana, bo] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  const employeeKpi = (employeeId: string, period: string | null, caller = testCaller(Role.ADMIN)) =>
    harness.gql<{ _entities: Array<{ kpi: Record<string, unknown> | null }> }>(
      `query($r: [_Any!]!, $p: String) { _entities(representations: $r) { ... on Employee { kpi(period: $p) { ${FIGURES} } } } }`,
      { r: [{ __typename: 'Employee', id: employeeId }], p: period },
      caller,
    );
  const departmentKpi = (departmentId: string, sub: boolean, caller = testCaller(Role.ADMIN)) =>
    harness.gql<{ _entities: Array<{ kpi: Record<string, unknown> | null }> }>(
      `query($r: [_Any!]!, $s: Boolean!) { _entities(representations: $r) {
        ... on Department { kpi(period: "2025-05", includeSubdepartments: $s) { ${FIGURES} } } } }`,
      { r: [{ __typename: 'Department', id: departmentId }], s: sub },
      caller,
    );

  beforeAll(async () => {
    harness = await startKpiHarness('kpi-org-figures', Role.ADMIN);
    await harness.publishOps(
      [
        departmentEvent(ops, null, 1, director),
        departmentEvent(cs, ops, 1, lead),
        departmentEvent(other, null),
      ],
      'department',
    );
    await harness.publishOps(
      [
        employeeEvent(director, ops, null),
        employeeEvent(lead, cs, director),
        employeeEvent(ana, cs, lead),
        employeeEvent(bo, other, null),
      ],
      'employee',
    );
    const handled = (openedAt: string) => new TicketStory({ openedAt }).assign(undefined, ana, cs);
    await harness.publish([
      ...handled('2025-05-05T09:00:00.000Z')
        .acknowledge('2025-05-05T09:10:00.000Z', 600)
        .resolve('2025-05-05T11:00:00.000Z', { withinSla: true })
        .survey('2025-05-06T09:00:00.000Z', 4).events,
      ...handled('2025-05-06T09:00:00.000Z')
        .acknowledge('2025-05-06T10:00:00.000Z', 3600)
        .resolve('2025-05-07T09:00:00.000Z', { withinSla: false }).events,
      ...handled('2025-05-07T09:00:00.000Z').acknowledge('2025-05-07T09:01:00.000Z', 60).events,
      // A complaint bo handled, whose investigation held ana (and cs) responsible.
      ...new TicketStory({ openedAt: '2025-05-20T09:00:00.000Z', kind: 'COMPLAINT' })
        .assign(undefined, bo, other)
        .investigate('2025-05-22T09:00:00.000Z', cs, ana).events,
    ]);
  });
  afterAll(() => harness?.close());

  it('merges the month’s day cells of an employee, complaints against them included', async () => {
    const { data, errors } = await employeeKpi(ana, '2025-05');
    expect(errors).toBeUndefined();
    const kpi = data?._entities[0].kpi as { firstResponse: { p90Seconds: number } };
    // The exact nearest-rank p90 of 600, 3600, 60 is 3600; the sketch's is within 1 % of it.
    expect(Math.abs(kpi.firstResponse.p90Seconds - 3600)).toBeLessThanOrEqual(36.5);
    expect(kpi).toEqual({
      period: '2025-05',
      live: false,
      ticketsHandled: 3,
      ticketsResolved: 2,
      resolutionRate: 2 / 3,
      firstResponse: {
        count: 3,
        averageSeconds: (600 + 3600 + 60) / 3,
        p90Seconds: kpi.firstResponse.p90Seconds,
      },
      resolvedWithinSlaShare: 0.5,
      surveyCount: 1,
      averageSatisfaction: 4,
      complaintsAgainst: 1,
      lastEventAt: '2025-05-22T09:00:00.000Z',
    });
    const april = await employeeKpi(ana, '2025-04');
    expect(april.data?._entities[0].kpi).toMatchObject({ ticketsHandled: 0, lastEventAt: null });
  });

  it('sums a department alone or with its subtree', async () => {
    const alone = await departmentKpi(ops, false);
    expect(alone.data?._entities[0].kpi).toMatchObject({ ticketsHandled: 0, complaintsAgainst: 0 });
    const subtree = await departmentKpi(ops, true);
    expect(subtree.data?._entities[0].kpi).toMatchObject({ ticketsHandled: 3, complaintsAgainst: 1 });
    const handler = await departmentKpi(other, false);
    expect(handler.data?._entities[0].kpi).toMatchObject({ ticketsHandled: 1, complaintsAgainst: 0 });
  });

  it('reads a subtree as the sum of its departments’ cells', async () => {
    const [subtree, ...departments] = await Promise.all(
      [departmentKpi(ops, true), departmentKpi(ops, false), departmentKpi(cs, false)].map(async (reply) => {
        const kpi = (await reply).data?._entities[0].kpi as Record<string, number> & {
          firstResponse: { count: number };
        };
        return kpi;
      }),
    );
    for (const field of ['ticketsHandled', 'ticketsResolved', 'surveyCount', 'complaintsAgainst'] as const) {
      expect(subtree[field]).toBe(departments[0][field] + departments[1][field]);
    }
    expect(subtree.firstResponse.count).toBe(
      departments[0].firstResponse.count + departments[1].firstResponse.count,
    );
    // ops has no tickets of its own: the subtree's figures are cs's.
    expect(subtree).toEqual({ ...departments[1] });
  });

  it('shows a person’s figures to them and their managers (line and department chain) only', async () => {
    const as = (role: Role, employeeId: string) => testCaller(role, { employeeId });
    expect((await employeeKpi(ana, '2025-05', as(Role.AGENT, ana))).errors).toBeUndefined();
    expect((await employeeKpi(ana, '2025-05', as(Role.OPS_MANAGER, lead))).errors).toBeUndefined();
    expect((await employeeKpi(ana, '2025-05', as(Role.OPS_MANAGER, director))).errors).toBeUndefined();
    const colleague = await employeeKpi(ana, '2025-05', as(Role.AGENT, bo));
    expect(colleague.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const analyst = await employeeKpi(ana, '2025-05', testCaller(Role.ANALYST));
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // A department's aggregate: its managers up the tree and analysts, not its members.
    expect((await departmentKpi(cs, false, as(Role.OPS_MANAGER, lead))).errors).toBeUndefined();
    expect((await departmentKpi(cs, false, as(Role.OPS_MANAGER, director))).errors).toBeUndefined();
    expect((await departmentKpi(cs, false, testCaller(Role.ANALYST))).errors).toBeUndefined();
    const member = await departmentKpi(cs, false, as(Role.AGENT, ana));
    expect(member.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a period that is not a month with BAD_USER_INPUT naming it', async () => {
    const refused = await employeeKpi(ana, '2025-5');
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  });
});
