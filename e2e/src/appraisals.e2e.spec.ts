import { waitFor } from '@opsgraph/testing';
import { GraphError, type GraphClient } from './support/graph-client';
import { change, type Step } from './support/mutations';
import { startStack, type Stack } from './support/stack';
import { buildWorld, type World } from './support/world';

// An employee's appraisal through the gateway (docs/product.md §HR-2): the customer's survey on a ticket the agent
// resolved becomes the appraisal's customer score, the ticket KPI figures its KPI score — hr-performance reads them
// from the KPI service's month snapshots (kpi-snapshot.month_updated for the running month); the result is
// published and frozen; only the employee, their managers, HR and the director see it.
let stack: Stack;
let world: World;

beforeAll(async () => {
  stack = await startStack('e2e-appraisals');
  world = await buildWorld(stack);
}, 180_000);

afterAll(() => stack?.stop());

const APPRAISALS =
  'query ($id: ID!) { employee(id: $id) { appraisals { id version status kpiScore customerScore totalScore grade scoresFrozen } } }';

interface AppraisalView extends Step {
  kpiScore: number | null;
  customerScore: number | null;
  totalScore: number | null;
  grade: string | null;
  scoresFrozen: boolean;
}

const appraisalsOf = async (client: GraphClient, employeeId: string): Promise<AppraisalView[]> =>
  (await client.data<{ employee: { appraisals: AppraisalView[] } }>(APPRAISALS, { id: employeeId })).employee
    .appraisals;

describe('an employee’s appraisal fed by their tickets', () => {
  let appraisal: Step;
  let withinSla: number | null;
  const month = new Date().toISOString().slice(0, 7);

  it('resolves a ticket the customer rates 4 of 5', async () => {
    const opened = await world.openTicket(world.ids.customerA);
    let ticket: Step = { ...opened, status: 'NEW' };
    const next = async (mutation: string, input: Record<string, unknown> = {}) => {
      ticket = await change(world.agent, mutation, {
        ticketId: ticket.id,
        expectedVersion: ticket.version,
        ...input,
      });
    };
    await next('acknowledgeTicket');
    await next('assignTicket', { assigneeId: world.ids.agent, departmentId: world.ids.csDepartment });
    await next('startTicketWork');
    await next('resolveTicket', { resolutionSummary: 'Renewed the expired certificate.' });
    await change(world.customerA, 'submitTicketSurvey', {
      ticketId: ticket.id,
      expectedVersion: ticket.version,
      overall: 4,
      quality: 4,
      efficiency: 4,
      communication: 4,
    });
    const kpi = await waitFor(
      async () =>
        (
          await world.manager.data<{
            employee: { kpi: { surveyCount: number; resolvedWithinSlaShare: number | null } };
          }>('query ($id: ID!) { employee(id: $id) { kpi { surveyCount resolvedWithinSlaShare } } }', {
            id: world.ids.agent,
          })
        ).employee.kpi,
      (value) => value.surveyCount === 1,
      { timeoutMs: 30_000, intervalMs: 250, what: 'the survey in the KPI figures' },
    );
    withinSla = kpi.resolvedWithinSlaShare;
  });

  it('opens the month’s cycle; the appraisal reflects the tickets’ survey score and KPI figures', async () => {
    await world.admin.data(
      'mutation ($input: OpenAppraisalCycleInput!) { openAppraisalCycle(input: $input) { id } }',
      {
        input: {
          kind: 'MONTHLY',
          period: month,
          departmentId: world.ids.csDepartment,
          calendar: {
            selfReviewDue: `${month}-25`,
            managerReviewDue: `${month}-27`,
            calibrationDue: `${month}-28`,
            publicationDate: `${month}-28`,
          },
        },
      },
    );
    // The KPI service publishes the running month's figures (at most once a minute per employee): wait for them.
    const [own] = await waitFor(
      () => appraisalsOf(world.agent, world.ids.agent),
      ([appraisal]) => appraisal?.customerScore !== null && appraisal?.customerScore !== undefined,
      { timeoutMs: 100_000, intervalMs: 1_000, what: 'the month snapshot in the appraisal' },
    );
    // one ticket handled and resolved, no complaint: quality 100; efficiency 100 (within SLA) or unmeasured → 100;
    // the customer's 4 of 5 → (4 − 1)/4 = 75
    expect(own).toMatchObject({
      status: 'OPEN',
      kpiScore: withinSla === 0 ? 55.56 : 100,
      customerScore: 75,
      grade: null,
      scoresFrozen: false,
    });
    appraisal = own;
  });

  it('is reviewed, calibrated and published through the gateway, and then frozen', async () => {
    const step = async (
      client: GraphClient,
      mutation: string,
      extra: Record<string, unknown> = {},
      inputType?: string,
    ) => {
      appraisal = await change(
        client,
        mutation,
        { appraisalId: appraisal.id, expectedVersion: appraisal.version, ...extra },
        { inputType },
      );
    };
    const scores = { ability: 4, teamwork: 4, attitude: 4 };
    await step(world.agent, 'startSelfReview', {}, 'AppraisalStepInput');
    await step(world.agent, 'submitSelfReview', { scores }, 'SubmitReviewInput');
    await step(world.manager, 'submitManagerReview', { scores }, 'SubmitReviewInput');
    expect(appraisal.status).toBe('CALIBRATION');
    const [{ cycle }] = [
      (
        await world.admin.data<{ appraisal: { cycle: { id: string } } }>(
          'query ($id: ID!) { appraisal(id: $id) { cycle { id } } }',
          {
            id: appraisal.id,
          },
        )
      ).appraisal,
    ];
    await world.admin.data(
      'mutation ($input: CalibrateAppraisalCycleInput!) { calibrateAppraisalCycle(input: $input) { id } }',
      {
        input: { cycleId: cycle.id },
      },
    );
    appraisal = (await appraisalsOf(world.admin, world.ids.agent))[0];
    await step(world.admin, 'publishAppraisal', {}, 'AppraisalStepInput');
    const [published] = await appraisalsOf(world.agent, world.ids.agent);
    // reviews all 4 → 75 each; (100·25 + 100·20 + 75·35 + 75·10 + 75·10)/100 = 86.25 → 0.8·86.25 + 0.2·75 = 84
    // (without an SLA measure: 82.81 → 81.25); A either way
    expect(published).toMatchObject({
      status: 'PUBLISHED',
      customerScore: 75,
      grade: 'A',
      scoresFrozen: true,
    });
    expect(published.totalScore).toBe(withinSla === null ? 81.25 : 84);
  });

  it('shows the appraisals to the employee, their manager and the director; to no one else', async () => {
    expect(await appraisalsOf(world.manager, world.ids.agent)).toHaveLength(1);
    const director = await world.as({ role: 'OPS_DIRECTOR', employeeId: world.ids.director });
    expect(await appraisalsOf(director, world.ids.agent)).toHaveLength(1);
    const hr = await world.as({ role: 'HR', sub: 'e2e-hr' });
    expect(await appraisalsOf(hr, world.ids.agent)).toHaveLength(1);
    for (const client of [world.analyst, world.customerA]) {
      const error = await appraisalsOf(client, world.ids.agent).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphError);
      expect((error as GraphError).codes).toContain('FORBIDDEN');
    }
  });
});
