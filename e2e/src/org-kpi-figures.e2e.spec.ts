import { waitFor } from '@opsgraph/testing';
import fs from 'node:fs';
import path from 'node:path';
import { graphClient, type GraphReply } from './support/graph-client';
import { change } from './support/mutations';
import { startStack, type Stack } from './support/stack';
import { signToken, type TokenClaims } from './support/tokens';
import { buildWorld, type World } from './support/world';

// Employee.kpi and Department.kpi through the committed graph (the KPI subgraph alone answers them since
// hr-performance's copy was removed, docs/architecture.md §Moving a field): for tickets driven through the graph —
// responses, resolutions, surveys, a merged duplicate, a complaint held against the agent — each caller gets the
// absolute figures the tickets make, or the refusals the access rules give (director, the department's manager,
// the agent, an analyst).

/** What a walk sends back to the next mutation: the ticket's id and version. */
type TicketRef = { id: string; version: number };

let stack: Stack;
let world: World;

const PERFORMANCE = `query Performance($employee: ID!, $department: ID!, $period: String) {
  employee(id: $employee) {
    id name
    kpi(period: $period) { ...Figures }
    current: kpi { ...Figures }
    previous: kpi(period: "2020-01") { ...Figures }
  }
  department(id: $department) {
    id name
    kpi(period: $period) { ...Figures }
    subtree: kpi(period: $period, includeSubdepartments: true) { ...Figures }
  }
}
fragment Figures on KpiFigures {
  period live ticketsHandled ticketsResolved resolutionRate
  firstResponse { count averageSeconds p90Seconds }
  resolvedWithinSlaShare surveyCount averageSatisfaction complaintsAgainst lastEventAt
}`;

interface Figures {
  ticketsHandled: number;
  ticketsResolved: number;
  surveyCount: number;
  complaintsAgainst: number;
  firstResponse: { count: number };
}
interface Performance {
  employee: { kpi: Figures | null } | null;
  department: { kpi: Figures | null } | null;
}

/** What a client sees: the data and each error's path, code and message. */
const seen = (reply: GraphReply<Performance>) => ({
  data: reply.data,
  errors: (reply.errors ?? [])
    .map((error) => ({ path: error.path, code: error.extensions?.code, message: error.message }))
    .sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path))),
});

const period = new Date().toISOString().slice(0, 7);

beforeAll(async () => {
  stack = await startStack('e2e-org-kpi-figures');
  world = await buildWorld(stack);
}, 240_000);

afterAll(() => stack?.stop());

it('composes both fields from kpi alone: no override left, no copy in hr-performance', () => {
  const supergraph = fs.readFileSync(
    path.join(__dirname, '..', '..', 'gateway', 'supergraph.graphql'),
    'utf8',
  );
  expect(supergraph.match(/\): KpiFigures @join__field\(graph: KPI\)/g)).toHaveLength(2);
  expect(supergraph).not.toContain('override: "hr-performance"');
  const figures = supergraph.slice(
    supergraph.indexOf('type KpiFigures'),
    supergraph.indexOf('{', supergraph.indexOf('type KpiFigures')),
  );
  expect(figures).not.toContain('HR_PERFORMANCE');
});

describe('Employee.kpi and Department.kpi for each caller', () => {
  it('drives tickets through the graph: responses, resolutions, surveys, a merged duplicate, a complaint held against the agent', async () => {
    const handle = async (survey: number | null, resolve: boolean) => {
      let ticket: TicketRef = await world.openTicket(world.ids.customerA);
      const next = async (mutation: string, input: Record<string, unknown> = {}) => {
        ticket = await change(world.agent, mutation, {
          ticketId: ticket.id,
          expectedVersion: ticket.version,
          ...input,
        });
      };
      await next('acknowledgeTicket');
      await next('assignTicket', { assigneeId: world.ids.agent, departmentId: world.ids.csDepartment });
      if (!resolve) return;
      await next('startTicketWork');
      await next('resolveTicket', { resolutionSummary: 'Renewed the expired certificate.' });
      if (survey === null) return;
      await change(world.customerA, 'submitTicketSurvey', {
        ticketId: ticket.id,
        expectedVersion: ticket.version,
        overall: survey,
        quality: survey,
        efficiency: survey,
        communication: survey,
      });
    };
    await handle(4, true);
    await handle(2, true);
    await handle(null, true);
    await handle(null, false);

    // A duplicate merged into its survivor: the pair counts once, in both subgraphs.
    let survivor: TicketRef = await world.openTicket(world.ids.customerA);
    survivor = await change(world.agent, 'acknowledgeTicket', {
      ticketId: survivor.id,
      expectedVersion: survivor.version,
    });
    survivor = await change(world.agent, 'assignTicket', {
      ticketId: survivor.id,
      expectedVersion: survivor.version,
      assigneeId: world.ids.agent,
      departmentId: world.ids.csDepartment,
    });
    let duplicate: TicketRef = await world.openTicket(world.ids.customerA);
    duplicate = await change(world.agent, 'assignTicket', {
      ticketId: duplicate.id,
      expectedVersion: duplicate.version,
      assigneeId: world.ids.agent,
      departmentId: world.ids.csDepartment,
    });
    await world.agent.data('mutation ($input: MergeTicketsInput!) { mergeTickets(input: $input) { id } }', {
      input: {
        survivor: { ticketId: survivor.id, expectedVersion: survivor.version },
        duplicates: [{ ticketId: duplicate.id, expectedVersion: duplicate.version }],
      },
    });

    const complaint = await world.openTicket(world.ids.customerA, {
      kind: 'COMPLAINT',
      category: null,
      subject: 'Promised callback never came',
      description: 'I was promised a callback on Monday and nobody called.',
    });
    let ticket = await change(world.manager, 'assignTicket', {
      ticketId: complaint.id,
      expectedVersion: complaint.version,
      assigneeId: world.ids.manager,
    });
    ticket = await change(world.manager, 'recordComplaintInvestigation', {
      ticketId: ticket.id,
      expectedVersion: ticket.version,
      findings: 'Call records show the callback was queued but never made.',
      rootCause: 'Callback queue not part of the shift hand-over',
      responsibleDepartmentId: world.ids.csDepartment,
      responsibleEmployeeId: world.ids.agent,
      correctiveAction: 'Put the callback queue on the hand-over checklist',
      correctiveActionDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(ticket.id).toBe(complaint.id);
  });

  // Four tickets and the survivor of the merged pair; three resolved; surveys 4 and 2; the complaint against her.
  const agentFigures = {
    live: true,
    ticketsHandled: 5,
    ticketsResolved: 3,
    resolutionRate: 0.6,
    surveyCount: 2,
    averageSatisfaction: 3,
    complaintsAgainst: 1,
    firstResponse: { count: 5 },
  };
  // The complaint is led by the department (handled by its manager) and held against it.
  const departmentFigures = { live: true, ticketsHandled: 6, ticketsResolved: 3, complaintsAgainst: 1 };
  const empty = { ticketsHandled: 0, ticketsResolved: 0, surveyCount: 0, complaintsAgainst: 0 };
  const EMPLOYEE_FIELDS = [
    ['employee', 'current'],
    ['employee', 'kpi'],
    ['employee', 'previous'],
  ];
  const DEPARTMENT_FIELDS = [
    ['department', 'kpi'],
    ['department', 'subtree'],
  ];

  const callers: Array<[string, () => TokenClaims, { employee: boolean; department: boolean }]> = [
    [
      'the director',
      () => ({ role: 'OPS_DIRECTOR', employeeId: world.ids.director, sub: 'e2e-director' }),
      { employee: true, department: true },
    ],
    [
      'the department’s manager',
      () => ({ role: 'OPS_MANAGER', employeeId: world.ids.manager }),
      { employee: true, department: true },
    ],
    [
      'the agent (own figures; not the department’s)',
      () => ({ role: 'AGENT', employeeId: world.ids.agent }),
      { employee: true, department: false },
    ],
    [
      'an analyst (the department’s, not a person’s)',
      () => ({ role: 'ANALYST', sub: 'e2e-analyst' }),
      { employee: false, department: true },
    ],
  ];

  it.each(callers)('gives %s the figures the tickets make, or FORBIDDEN', async (_who, claims, may) => {
    const client = graphClient(stack.gatewayUrl, await signToken(claims()));
    const variables = { employee: world.ids.agent, department: world.ids.csDepartment, period };
    // The KPI service follows the topics on its own: wait until the figures count every ticket.
    const { data, errors } = await waitFor(
      async () => seen(await client.request<Performance>(PERFORMANCE, variables)),
      (answer) => {
        const figures = answer.data?.employee?.kpi ?? answer.data?.department?.kpi;
        // the complaint's blame arrives with its investigation, after the tickets themselves
        return (
          figures?.ticketsHandled === (answer.data?.employee?.kpi ? 5 : 6) && figures.complaintsAgainst === 1
        );
      },
      {
        timeoutMs: 60_000,
        intervalMs: 500,
        what: 'the KPI figures of every ticket and the complaint held against them',
      },
    );
    const answer = data as unknown as {
      employee: { name: string; kpi: Figures | null; current: Figures | null; previous: Figures | null };
      department: { name: string; kpi: Figures | null; subtree: Figures | null };
    };
    // the rest of the employee and the department always loads
    expect(answer.employee.name).toBe('Huang Wei-lun');
    expect(answer.department.name).toEqual(expect.any(String));
    if (may.employee) {
      expect(answer.employee.kpi).toMatchObject({ period, ...agentFigures });
      expect(answer.employee.current).toEqual(answer.employee.kpi);
      expect(answer.employee.previous).toMatchObject({ period: '2020-01', live: false, ...empty });
    } else {
      expect(answer.employee).toMatchObject({ kpi: null, current: null, previous: null });
    }
    if (may.department) {
      expect(answer.department.kpi).toMatchObject({ period, ...departmentFigures });
      expect(answer.department.subtree).toEqual(answer.department.kpi);
    } else {
      expect(answer.department).toMatchObject({ kpi: null, subtree: null });
    }
    const refused = [...(may.employee ? [] : EMPLOYEE_FIELDS), ...(may.department ? [] : DEPARTMENT_FIELDS)];
    expect(errors.map((error) => ({ path: error.path, code: error.code }))).toEqual(
      refused.map((field) => ({ path: field, code: 'FORBIDDEN' })),
    );
  });

  it('really asks kpi: with kpi down the employee still loads, its figures do not', async () => {
    const token = await signToken({
      role: 'OPS_DIRECTOR',
      employeeId: world.ids.director,
      sub: 'e2e-director',
    });
    const query = 'query ($id: ID!) { employee(id: $id) { name kpi { ticketsHandled } } }';
    await stack.stopService('kpi');
    const reply = await graphClient(stack.gatewayUrl, token).request<Performance>(query, {
      id: world.ids.agent,
    });
    expect(reply.errors?.length).toBeGreaterThan(0);
    expect(reply.data?.employee).toMatchObject({ name: 'Huang Wei-lun' });
    expect(reply.data?.employee?.kpi ?? null).toBeNull();
  });
});
