import { Role } from '@opsgraph/domain';
import { createServiceHarness, testCaller } from '@opsgraph/service-kit/testing';
import { randomUUID } from 'node:crypto';
import { subgraph } from '../subgraph';
import {
  ACTIVATE,
  CREATE_PLAN,
  planInput,
  REPORT,
  reportInput,
  REVISE_PLAN,
  type IncidentView,
  type PlanView,
} from '../test-support/incident-fixtures';

describe('contingency plans (real PostgreSQL)', () => {
  const start = () => createServiceHarness(subgraph, 'incident-plans');
  let harness: Awaited<ReturnType<typeof start>>;
  const versionRows = async () =>
    (await harness.app.dataSource.query('select count(*)::int as n from contingency_plan_versions'))[0].n;

  beforeAll(async () => {
    harness = await start();
  });
  afterAll(() => harness?.stop());

  it('revises by adding a version; incidents keep the version they ran; versions never change', async () => {
    const created = (
      await harness.ok<{ createContingencyPlan: PlanView }>(CREATE_PLAN, { input: planInput() })
    ).createContingencyPlan;
    expect(created).toMatchObject({ currentVersion: 1, version: 1, current: { planVersion: 1 } });

    const reported = (await harness.ok<{ reportIncident: IncidentView }>(REPORT, { input: reportInput() }))
      .reportIncident;
    await harness.ok(ACTIVATE, {
      input: { incidentId: reported.id, expectedVersion: 1, planId: created.id, commanderId: randomUUID() },
    });

    const { title, commandRoles, steps } = planInput({ title: 'Power loss, revised after the March drill' });
    const revised = (
      await harness.ok<{ reviseContingencyPlan: PlanView }>(REVISE_PLAN, {
        input: {
          planId: created.id,
          expectedVersion: 1,
          title,
          commandRoles,
          steps,
          changeNote: 'Drill findings',
        },
      })
    ).reviseContingencyPlan;
    expect(revised).toMatchObject({
      currentVersion: 2,
      current: {
        planVersion: 2,
        title: 'Power loss, revised after the March drill',
        changeNote: 'Drill findings',
      },
    });

    const read = await harness.ok<{
      contingencyPlan: { versions: { planVersion: number; title: string }[] };
      incident: { planVersion: number; planRun: { planVersion: number; title: string } };
    }>(
      `query($plan: ID!, $incident: ID!) {
        contingencyPlan(id: $plan) { versions { planVersion title } }
        incident(id: $incident) { planVersion planRun { planVersion title } } }`,
      { plan: created.id, incident: reported.id },
    );
    expect(read.contingencyPlan.versions).toEqual([
      { planVersion: 1, title: 'Power loss at a station' },
      { planVersion: 2, title: 'Power loss, revised after the March drill' },
    ]);
    expect(read.incident.planRun).toEqual({ planVersion: 1, title: 'Power loss at a station' });

    await expect(
      harness.app.dataSource.query(
        `update contingency_plan_versions set title = 'edited' where plan_id = $1`,
        [created.id],
      ),
    ).rejects.toThrow(/immutable/);
  });

  it('refuses a second plan for one category and severity, a stale revision and bad steps, writing nothing', async () => {
    const input = planInput({ category: 'NATURAL_DISASTER', severity: 'SEV1' });
    const plan = (await harness.ok<{ createContingencyPlan: PlanView }>(CREATE_PLAN, { input }))
      .createContingencyPlan;
    const before = await versionRows();

    const twice = await harness.gql(CREATE_PLAN, { input });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.category' });

    const { title, commandRoles, steps } = input;
    const stale = await harness.gql(REVISE_PLAN, {
      input: { planId: plan.id, expectedVersion: 5, title, commandRoles, steps, changeNote: 'x' },
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });

    const stray = await harness.gql(REVISE_PLAN, {
      input: {
        planId: plan.id,
        expectedVersion: 1,
        title,
        commandRoles,
        steps: [{ action: 'Call the fire brigade', ownerRole: 'Nobody', targetMinutes: 5 }],
        changeNote: 'x',
      },
    });
    expect(stray.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.steps.0.ownerRole',
    });

    const byAgent = await harness.gql(
      CREATE_PLAN,
      { input: planInput({ severity: 'SEV4' }) },
      testCaller(Role.AGENT),
    );
    expect(byAgent.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await versionRows()).toBe(before);
  });
});
