import { Role } from '@opsgraph/domain';
import { createServiceHarness, testCaller } from '@opsgraph/service-kit/testing';
import { randomUUID } from 'node:crypto';
import { subgraph } from '../subgraph';
import { CREATE_PLAN, planInput, REVISE_PLAN, type PlanView } from '../test-support/incident-fixtures';

const OWNER = randomUUID();
const RECORD = `mutation($input: RecordDrillInput!) { recordDrill(input: $input) {
  id version planVersion timeline { note } participants { id }
  followUps { id status overdue owner { id } } plan { id } } }`;

interface DrillView {
  id: string;
  version: number;
  planVersion: number;
  timeline: { note: string }[];
  followUps: { id: string; status: string; overdue: boolean }[];
}

describe('drills (real PostgreSQL)', () => {
  const start = () => createServiceHarness(subgraph, 'incident-drills');
  let harness: Awaited<ReturnType<typeof start>>;
  let plan: PlanView;
  const drillInput = (overrides: Record<string, unknown> = {}) => ({
    title: 'Power loss drill',
    scenario: 'Mains fail at the north station at 09:00',
    planId: plan.id,
    heldAt: '2026-01-15T09:00:00.000Z',
    participantIds: [OWNER, randomUUID()],
    timeline: [
      { at: '2026-01-15T09:20:00.000Z', note: 'Customers told' },
      { at: '2026-01-15T09:05:00.000Z', note: 'Generator started' },
    ],
    findings: 'The generator took five minutes to start',
    followUps: [{ description: 'Service the generator', ownerId: OWNER, dueOn: '2026-01-31' }],
    ...overrides,
  });

  beforeAll(async () => {
    harness = await start();
    plan = (await harness.ok<{ createContingencyPlan: PlanView }>(CREATE_PLAN, { input: planInput() }))
      .createContingencyPlan;
  });
  afterAll(() => harness?.stop());

  it('records a drill of the current plan version, lists its overdue follow-ups, and its owner closes one', async () => {
    const { recordDrill: drill } = await harness.ok<{ recordDrill: DrillView }>(RECORD, {
      input: drillInput(),
    });
    expect(drill).toMatchObject({
      planVersion: 1,
      timeline: [{ note: 'Generator started' }, { note: 'Customers told' }],
      followUps: [{ status: 'OPEN', overdue: true }],
    });
    const listed = await harness.ok<{ drillsWithOverdueFollowUps: { id: string }[] }>(
      '{ drillsWithOverdueFollowUps { id } }',
    );
    expect(listed.drillsWithOverdueFollowUps).toContainEqual({ id: drill.id });

    const update = `mutation($input: UpdateDrillFollowUpInput!) { updateDrillFollowUp(input: $input) {
      followUps { status overdue } } }`;
    const input = { drillId: drill.id, followUpId: drill.followUps[0]!.id, status: 'DONE' };
    const stranger = await harness.gql(
      update,
      { input },
      testCaller(Role.TECHNICIAN, { employeeId: randomUUID() }),
    );
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const done = await harness.ok<{
      updateDrillFollowUp: { followUps: { status: string; overdue: boolean }[] };
    }>(update, { input }, testCaller(Role.TECHNICIAN, { employeeId: OWNER }));
    expect(done.updateDrillFollowUp.followUps).toEqual([{ status: 'DONE', overdue: false }]);
  });

  it('opens a plan revision from a drill, and refuses a drill of another plan', async () => {
    const { recordDrill: drill } = await harness.ok<{ recordDrill: DrillView }>(RECORD, {
      input: drillInput(),
    });
    const { title, commandRoles, steps } = planInput();
    const revise = (planId: string, expectedVersion: number) =>
      harness.gql<{ reviseContingencyPlan: { currentVersion: number } }>(REVISE_PLAN, {
        input: {
          planId,
          expectedVersion,
          title,
          commandRoles,
          steps,
          changeNote: 'Drill findings',
          drillId: drill.id,
        },
      });
    const other = (
      await harness.ok<{ createContingencyPlan: PlanView }>(CREATE_PLAN, {
        input: planInput({ category: 'OTHER', severity: 'SEV3' }),
      })
    ).createContingencyPlan;
    const refused = await revise(other.id, 1);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.drillId' });

    const current = await harness.ok<{ contingencyPlan: { version: number } }>(
      `query($id: ID!) { contingencyPlan(id: $id) { version } }`,
      { id: plan.id },
    );
    expect((await revise(plan.id, current.contingencyPlan.version)).errors).toBeUndefined();
    const read = await harness.ok<{
      contingencyPlan: { current: { sourceDrill: { id: string } | null }; drills: { id: string }[] };
    }>(`query($id: ID!) { contingencyPlan(id: $id) { current { sourceDrill { id } } drills { id } } }`, {
      id: plan.id,
    });
    expect(read.contingencyPlan.current.sourceDrill).toEqual({ id: drill.id });
    expect(read.contingencyPlan.drills).toContainEqual({ id: drill.id });
  });

  it.each([
    ['held in the future', { heldAt: '2099-01-01T00:00:00.000Z' }, 'input.heldAt'],
    ['without participants', { participantIds: [] }, 'input.participantIds'],
    ['of a plan version that does not exist', { planVersion: 7 }, 'input.planVersion'],
  ])('refuses a drill %s, writing nothing', async (_what, overrides, field) => {
    const count = async () =>
      (await harness.app.dataSource.query('select count(*)::int as n from drills'))[0].n;
    const before = await count();
    const result = await harness.gql(RECORD, { input: drillInput(overrides) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count()).toBe(before);
  });
});
