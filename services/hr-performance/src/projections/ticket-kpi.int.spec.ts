// The KPI read model end to end: ticket events (built with the contracts' createEvent) are published to the ticket
// topic of this suite's namespace; the service's consumer turns them into figures that the graph serves. Every
// expected figure below is computed by hand in the comments.
import { randomUUID } from 'node:crypto';
import type { TicketEvent } from '@opsgraph/contracts-events';
import { Role } from '@opsgraph/graphql-kit';
import { waitFor } from '@opsgraph/testing';
import { monthOf } from '../kpi/kpi.period';
import { startHarness, type Harness } from '../testing/harness';
import { ticketKpiProjection } from './ticket-kpi.projection';
import { shuffled, TicketStory } from '@opsgraph/contracts-events/testing';

interface Cast {
  ana: string; // CS specialist, handles most tickets
  bo: string; // technician in TECH
  mei: string; // CS manager, handles the complaint
  cs: string;
  tech: string;
}

/**
 * March 2025 (UTC). Ana's tickets, all with lead department CS (frs = first-response seconds):
 *
 * | T  | opened | frs  | resolved            | within SLA | survey                        |
 * | 1  | 03-03  | 120  | 03-03               | yes        | 5                             |
 * | 2  | 03-05  | 600  | 03-06               | no         | 3                             |
 * | 3  | 03-10  | 300  | 03-12               | yes        | 4, arrives late on 04-02      |
 * | 4  | 03-15  | 60   | still open          |            |                               |
 * | 5  | 03-20  | 1800 | 04-02 (April)       | no         |                               |
 * | 6  | 03-25  | 240  | 03-26               | no policy  |                               |
 * | 9  | 03-11  | 90   | 03-11               | yes        |                               |
 * | 10 | 03-12  | 3600 | 03-13               | yes        |                               |
 * | 11 | 03-13  | 180  | 03-14               | yes        | 2                             |
 * | 12 | 03-14  | 450  | 03-15, reopened 03-16 (so: unresolved)                            |
 * T7: opened 03-28 (frs 900), assigned to Ana, then reassigned to Bo in TECH; resolved 03-29 within SLA.
 * T8: COMPLAINT opened 03-18 (frs 100), handled by Mei in CS; the investigation (04-01) holds Ana and TECH
 *     responsible; resolved 04-03 within SLA.
 */
function scenario(cast: Cast): TicketEvent[][] {
  const { ana, bo, mei, cs, tech } = cast;
  const at = (day: string, time = '09:00:00') => `2025-${day}T${time}Z`;
  const simple = (opened: string, frs: number) =>
    new TicketStory({ openedAt: at(opened) })
      .acknowledge(at(opened, `${String(9 + Math.floor(frs / 3600)).padStart(2, '0')}:00:00`), frs)
      .assign(at(opened, '11:00:00'), ana, cs);
  const stories = [
    simple('03-03', 120).resolve(at('03-03', '15:00:00'), { withinSla: true }).survey(at('03-04'), 5),
    simple('03-05', 600).resolve(at('03-06'), { withinSla: false }).survey(at('03-07'), 3),
    simple('03-10', 300).resolve(at('03-12'), { withinSla: true }).survey(at('04-02'), 4),
    simple('03-15', 60),
    simple('03-20', 1800).resolve(at('04-02'), { withinSla: false }),
    simple('03-25', 240).resolve(at('03-26'), { withinSla: null }),
    simple('03-28', 900).assign(at('03-28', '12:00:00'), bo, tech).resolve(at('03-29'), { withinSla: true }),
    new TicketStory({ openedAt: at('03-18'), kind: 'COMPLAINT' })
      .acknowledge(at('03-18', '09:01:40'), 100)
      .assign(at('03-18', '10:00:00'), mei, cs)
      .investigate(at('04-01'), tech, ana)
      .resolve(at('04-03'), { withinSla: true }),
    simple('03-11', 90).resolve(at('03-11', '16:00:00'), { withinSla: true }),
    simple('03-12', 3600).resolve(at('03-13'), { withinSla: true }),
    simple('03-13', 180).resolve(at('03-14'), { withinSla: true }).survey(at('03-15'), 2),
    simple('03-14', 450).resolve(at('03-15'), { withinSla: true }).reopen(at('03-16')),
  ];
  return stories.map((story) => story.events);
}

const KPI = `period live ticketsHandled ticketsResolved resolutionRate resolvedWithinSlaShare surveyCount
  averageSatisfaction complaintsAgainst firstResponse { count averageSeconds p90Seconds }`;

interface Figures {
  period: string;
  live: boolean;
  ticketsHandled: number;
  ticketsResolved: number;
  resolutionRate: number | null;
  resolvedWithinSlaShare: number | null;
  surveyCount: number;
  averageSatisfaction: number | null;
  complaintsAgainst: number;
  firstResponse: { count: number; averageSeconds: number | null; p90Seconds: number | null };
}

// Ana, March: intake = T1–6, 9–12 (T7 moved to Bo) = 10; resolved now: all but T4 (open) and T12 (reopened) = 8.
// Resolved in March: T1, 2, 3, 6, 9, 10, 11 = 7; SLA known for 6 of them (T6 has no policy), within: T1, 3, 9, 10,
// 11 = 5. Surveys on March resolutions: T1 5, T2 3, T3 4 (late, still March), T11 2 → 14 / 4 = 3.5.
// First responses in March: 120, 600, 300, 60, 1800, 240, 90, 3600, 180, 450 → sum 7440, n 10, mean 744;
// sorted 60 90 120 180 240 300 450 600 1800 3600, p90 = ⌈0.9·10⌉ = 9th = 1800 (linear interpolation would give
// 1980, the mean 744). Complaints against Ana: T8, lodged in March → 1.
const ANA_MARCH: Figures = {
  period: '2025-03',
  live: false,
  ticketsHandled: 10,
  ticketsResolved: 7,
  resolutionRate: 0.8,
  resolvedWithinSlaShare: 5 / 6,
  surveyCount: 4,
  averageSatisfaction: 3.5,
  complaintsAgainst: 1,
  firstResponse: { count: 10, averageSeconds: 744, p90Seconds: 1800 },
};

// Ana, April: no intake; T5 resolved on 04-02, late, no survey → resolved 1, within SLA 0 of 1.
const ANA_APRIL: Figures = {
  period: '2025-04',
  live: false,
  ticketsHandled: 0,
  ticketsResolved: 1,
  resolutionRate: null,
  resolvedWithinSlaShare: 0,
  surveyCount: 0,
  averageSatisfaction: null,
  complaintsAgainst: 0,
  firstResponse: { count: 0, averageSeconds: null, p90Seconds: null },
};

// Bo, March: T7 only (it followed the reassignment): 1 handled, resolved within SLA, first response 900.
const BO_MARCH: Figures = {
  period: '2025-03',
  live: false,
  ticketsHandled: 1,
  ticketsResolved: 1,
  resolutionRate: 1,
  resolvedWithinSlaShare: 1,
  surveyCount: 0,
  averageSatisfaction: null,
  complaintsAgainst: 0,
  firstResponse: { count: 1, averageSeconds: 900, p90Seconds: 900 },
};

// CS, March: Ana's 10 + T8 = 11 handled, 8 + 1 = 9 resolved now (T8 in April) → 9/11. Resolved in March: Ana's 7.
// First responses: Ana's 10 + 100 → sum 7540, n 11, mean 685.45…; sorted 60 90 100 120 180 240 300 450 600 1800
// 3600 → p90 = ⌈9.9⌉ = 10th = 1800. The complaint blames TECH, not CS.
const CS_MARCH: Figures = {
  period: '2025-03',
  live: false,
  ticketsHandled: 11,
  ticketsResolved: 7,
  resolutionRate: 9 / 11,
  resolvedWithinSlaShare: 5 / 6,
  surveyCount: 4,
  averageSatisfaction: 3.5,
  complaintsAgainst: 0,
  firstResponse: { count: 11, averageSeconds: 7540 / 11, p90Seconds: 1800 },
};

// TECH, March: T7 (handled, resolved, 900) and the complaint T8 against it.
const TECH_MARCH: Figures = { ...BO_MARCH, complaintsAgainst: 1 };

// The centre with its sub-departments, March: CS + TECH = 12 handled, 10 resolved now → 10/12; resolved in March
// 8, SLA known 7, within 6; first responses n 12, sum 8440, sorted …600 900 1800 3600 → p90 = ⌈10.8⌉ = 11th = 1800.
const CENTRE_MARCH: Figures = {
  period: '2025-03',
  live: false,
  ticketsHandled: 12,
  ticketsResolved: 8,
  resolutionRate: 10 / 12,
  resolvedWithinSlaShare: 6 / 7,
  surveyCount: 4,
  averageSatisfaction: 3.5,
  complaintsAgainst: 1,
  firstResponse: { count: 12, averageSeconds: 8440 / 12, p90Seconds: 1800 },
};

const close = (actual: Figures | null | undefined, expected: Figures) => {
  expect(actual).not.toBeNull();
  const { resolutionRate, resolvedWithinSlaShare, firstResponse, ...exact } = actual as Figures;
  const { resolutionRate: r, resolvedWithinSlaShare: s, firstResponse: f, ...expectedExact } = expected;
  expect(exact).toEqual(expectedExact);
  for (const [a, b] of [
    [resolutionRate, r],
    [resolvedWithinSlaShare, s],
    [firstResponse.averageSeconds, f.averageSeconds],
  ] as const) {
    if (b === null) expect(a).toBeNull();
    else expect(a).toBeCloseTo(b, 9);
  }
  expect([firstResponse.count, firstResponse.p90Seconds]).toEqual([f.count, f.p90Seconds]);
};

describe('hr-performance KPI read model from the ticket topic', () => {
  let svc: Harness;
  let cast: Cast;
  let ordered: TicketEvent[];
  let centreId: string;
  let groupId: string;

  const hashTables = async (): Promise<string> => {
    const [row] = await svc.app.dataSource.query(`select
      (select md5(coalesce(string_agg(t::text, '|' order by t.ticket_id), '')) from kpi_ticket_facts t) as facts,
      (select md5(coalesce(string_agg(t::text, '|' order by t.employee_id, t.month), '')) from kpi_employee_monthly t) as employees,
      (select md5(coalesce(string_agg(t::text, '|' order by t.department_id, t.month), '')) from kpi_department_monthly t) as departments`);
    return `${row.facts}/${row.employees}/${row.departments}`;
  };
  const processed = async (): Promise<number> =>
    (
      await svc.app.dataSource.query(
        "select count(*)::int as n from processed_events where consumer = 'hr-performance-ticket-kpi'",
      )
    )[0].n;

  const employeeKpi = async (
    employeeId: string,
    period: string | null,
    caller: { role: Role; employeeId?: string } = { role: Role.HR },
  ) =>
    svc.gql<{ employee: { kpi: Figures | null } }>(
      `query ($id: ID!, $period: String) { employee(id: $id) { kpi(period: $period) { ${KPI} } } }`,
      { id: employeeId, period },
      caller,
    );
  const departmentKpi = async (
    departmentId: string,
    period: string,
    includeSubdepartments = false,
    caller: { role: Role; employeeId?: string } = { role: Role.ANALYST },
  ) =>
    svc.gql<{ department: { kpi: Figures | null } }>(
      `query ($id: ID!, $period: String, $sub: Boolean!) { department(id: $id) { kpi(period: $period, includeSubdepartments: $sub) { ${KPI} } } }`,
      { id: departmentId, period, sub: includeSubdepartments },
      caller,
    );

  beforeAll(async () => {
    svc = await startHarness('hr-ticket-kpi');
    groupId = ticketKpiProjection('UTC').groupId('hr-performance', svc.namespace);
    // The organisation the figures belong to (the KPI itself needs only the ids on the tickets).
    const department = async (code: string, parentId?: string) =>
      (
        await svc.ok<{ createDepartment: { id: string } }>(
          `mutation ($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }`,
          { input: { code, name: code, parentId } },
        )
      ).createDepartment.id;
    const hire = async (name: string, position: string, departmentId: string) =>
      (
        await svc.ok<{ hireEmployee: { id: string } }>(
          `mutation ($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }`,
          { input: { name, position, departmentId, hireDate: '2024-01-01' } },
        )
      ).hireEmployee.id;
    centreId = await department('CENTRE');
    const cs = await department('CS', centreId);
    const tech = await department('TECH', centreId);
    const mei = await hire('Mei', 'OPS_MANAGER', cs);
    await svc.ok(`mutation ($input: UpdateDepartmentInput!) { updateDepartment(input: $input) { id } }`, {
      input: { id: cs, expectedVersion: 1, managerId: mei },
    });
    cast = {
      ana: await hire('Ana', 'CS_SPECIALIST', cs),
      bo: await hire('Bo', 'TECHNICIAN', tech),
      mei,
      cs,
      tech,
    };
    ordered = scenario(cast).flat();
  });

  afterAll(async () => {
    await svc?.close();
  });

  it('turns a scripted sequence of ticket events into the figures computed by hand', async () => {
    await svc.publishTicketEvents(ordered);
    await waitFor(processed, (n) => n === ordered.length, {
      timeoutMs: 45_000,
      what: 'every ticket event processed',
    });

    close((await employeeKpi(cast.ana, '2025-03')).data?.employee.kpi, ANA_MARCH);
    close((await employeeKpi(cast.ana, '2025-04')).data?.employee.kpi, ANA_APRIL);
    close((await employeeKpi(cast.bo, '2025-03')).data?.employee.kpi, BO_MARCH);
    close((await departmentKpi(cast.cs, '2025-03')).data?.department.kpi, CS_MARCH);
    close((await departmentKpi(cast.tech, '2025-03')).data?.department.kpi, TECH_MARCH);
    close((await departmentKpi(centreId, '2025-03', true)).data?.department.kpi, CENTRE_MARCH);
    // the centre itself leads no ticket
    expect((await departmentKpi(centreId, '2025-03')).data?.department.kpi).toMatchObject({
      ticketsHandled: 0,
      resolutionRate: null,
    });
  });

  it('changes nothing when events are delivered again, or re-sent under new event ids', async () => {
    const before = await hashTables();
    const processedBefore = await processed();
    // exact redeliveries: skipped by processed_events
    await svc.publishTicketEvents(ordered);
    // the same facts under new event ids (a producer retry that re-created its envelopes): the version guards hold
    const reissued = ordered.slice(0, 20).map((event) => ({ ...event, eventId: randomUUID() }));
    await svc.publishTicketEvents(reissued);
    await waitFor(processed, (n) => n === processedBefore + reissued.length, {
      timeoutMs: 45_000,
      what: 'reissued events',
    });
    await svc.ticketTopicConsumed(groupId);
    expect(await hashTables()).toBe(before);
    close((await employeeKpi(cast.ana, '2025-03')).data?.employee.kpi, ANA_MARCH);
  });

  it('rebuilds identical tables on replay (reset group, truncate, re-consume)', async () => {
    const before = await hashTables();
    const total = await processed();
    await svc.app.replay('ticket-kpi');
    await waitFor(processed, (n) => n === total, {
      timeoutMs: 60_000,
      what: 'the replay to re-consume the topic',
    });
    await svc.ticketTopicConsumed(groupId);
    expect(await hashTables()).toBe(before);
  });

  it('computes a true p90 and the same figures when the events arrive shuffled (out of order per ticket)', async () => {
    const twins: Cast = {
      ana: randomUUID(),
      bo: randomUUID(),
      mei: randomUUID(),
      cs: randomUUID(),
      tech: randomUUID(),
    };
    const events = shuffled(scenario(twins).flat(), 20250331);
    // the shuffle really reorders events of one ticket
    const firstTicket = events
      .filter((event) => event.aggregateId === events[0].aggregateId)
      .map((e) => e.aggregateVersion);
    expect(firstTicket).not.toEqual([...firstTicket].sort((a, b) => a - b));
    const before = await processed();
    // one by one, so that the order on the topic is exactly the shuffled one
    for (const event of events) await svc.publishTicketEvents([event]);
    await waitFor(processed, (n) => n === before + events.length, {
      timeoutMs: 45_000,
      what: 'shuffled events',
    });

    // The twins are not in the directory, so read the stored figures directly through the service.
    const [ana] = await svc.app.dataSource.query(
      'select * from kpi_employee_monthly where employee_id = $1 and month = $2',
      [twins.ana, '2025-03'],
    );
    expect(ana).toMatchObject({
      tickets_handled: 10,
      tickets_handled_resolved: 8,
      tickets_resolved: 7,
      resolved_with_sla_known: 6,
      resolved_within_sla: 5,
      first_response_count: 10,
      first_response_total_seconds: '7440',
      first_response_p90_seconds: 1800,
      survey_count: 4,
      survey_score_total: 14,
      complaints_against: 1,
    });
    const rows = async (ids: string[]) =>
      svc.app.dataSource.query(
        `select * from kpi_employee_monthly where employee_id = any($1::uuid[])
         union all select * from kpi_department_monthly where department_id = any($1::uuid[])
         order by 1, 2`,
        [ids],
      );
    // Identical, row for row, to the in-order scenario (ids aside)
    const strip = (list: Record<string, unknown>[]) => list.map(({ employee_id: _e, ...rest }) => rest);
    const inOrder = strip(await rows([cast.ana, cast.bo, cast.mei, cast.cs, cast.tech]));
    const outOfOrder = strip(await rows([twins.ana, twins.bo, twins.mei, twins.cs, twins.tech]));
    expect(outOfOrder.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      inOrder.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
  });

  it('counts a merged pair once in Employee.kpi, live and after a replay', async () => {
    // Bo, May 2025: a ticket and its duplicate, both his; the duplicate is merged into the survivor
    const at = (time: string) => `2025-05-06T${time}Z`;
    const survivor = new TicketStory({ openedAt: at('09:00:00'), assigneeId: cast.bo, departmentId: cast.tech })
      .acknowledge(at('09:05:00'), 300)
      .resolve(at('12:00:00'), { withinSla: true });
    const duplicate = new TicketStory({ openedAt: at('09:20:00'), assigneeId: cast.bo, departmentId: cast.tech })
      .acknowledge(at('09:25:00'), 300)
      .mergeInto(survivor, at('10:00:00'));
    const events = [...survivor.events, ...duplicate.events];
    const before = await processed();
    await svc.publishTicketEvents(events);
    await waitFor(processed, (n) => n === before + events.length, { what: 'the merged pair' });
    const expected = { period: '2025-05', ticketsHandled: 1, ticketsResolved: 1, resolutionRate: 1 };
    expect((await employeeKpi(cast.bo, '2025-05')).data?.employee.kpi).toMatchObject(expected);
    expect((await departmentKpi(cast.tech, '2025-05')).data?.department.kpi).toMatchObject(expected);

    const total = await processed();
    await svc.app.replay('ticket-kpi');
    await waitFor(processed, (n) => n === total, { timeoutMs: 60_000, what: 'the replay' });
    await svc.ticketTopicConsumed(groupId);
    expect((await employeeKpi(cast.bo, '2025-05')).data?.employee.kpi).toMatchObject(expected);
  });

  it('keeps the current month live', async () => {
    const now = new Date();
    const story = new TicketStory({ openedAt: new Date(now.getTime() - 60_000).toISOString() })
      .acknowledge(now.toISOString(), 60)
      .assign(now.toISOString(), cast.ana, cast.cs);
    const before = await processed();
    await svc.publishTicketEvents(story.events);
    await waitFor(processed, (n) => n === before + story.events.length, { what: 'live events' });
    const live = (await employeeKpi(cast.ana, null)).data?.employee.kpi;
    expect(live).toMatchObject({
      period: monthOf(now),
      live: true,
      ticketsHandled: 1,
      resolutionRate: 0,
      firstResponse: { count: 1, averageSeconds: 60, p90Seconds: 60 },
    });
  });

  it('shows a person’s figures to themself, their managers and HR; aggregates to analysts', async () => {
    const self = await employeeKpi(cast.ana, '2025-03', { role: Role.AGENT, employeeId: cast.ana });
    expect(self.data?.employee.kpi?.ticketsHandled).toBe(10);
    // Mei manages CS, Ana's department
    const manager = await employeeKpi(cast.ana, '2025-03', { role: Role.OPS_MANAGER, employeeId: cast.mei });
    expect(manager.data?.employee.kpi?.ticketsHandled).toBe(10);
    const director = await employeeKpi(cast.ana, '2025-03', { role: Role.OPS_DIRECTOR });
    expect(director.errors).toBeUndefined();

    const colleague = await employeeKpi(cast.ana, '2025-03', { role: Role.TECHNICIAN, employeeId: cast.bo });
    expect(colleague.data?.employee.kpi).toBeNull();
    expect(colleague.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const analyst = await employeeKpi(cast.ana, '2025-03', { role: Role.ANALYST });
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // …but analysts and department managers see the department aggregate; a member who does not manage it does not
    expect((await departmentKpi(cast.cs, '2025-03')).data?.department.kpi?.ticketsHandled).toBe(11);
    expect(
      (await departmentKpi(cast.cs, '2025-03', false, { role: Role.OPS_MANAGER, employeeId: cast.mei }))
        .errors,
    ).toBeUndefined();
    const member = await departmentKpi(cast.cs, '2025-03', false, { role: Role.AGENT, employeeId: cast.ana });
    expect(member.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const badPeriod = await employeeKpi(cast.ana, '2025-3');
    expect(badPeriod.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  });
});
