import { eventsOf } from '@opsgraph/testing';
import { validateEvent } from '@opsgraph/contracts-events';
import { Role } from '@opsgraph/domain';
import { createServiceHarness, testCaller } from '@opsgraph/service-kit/testing';
import { randomUUID } from 'node:crypto';
import { subgraph } from '../subgraph';
import {
  ACTIVATE,
  COMPLETE_REVIEW,
  CREATE_PLAN,
  planInput,
  RECORD_REVIEW,
  REPORT,
  reportInput,
  STEP,
  type IncidentView,
  type PlanView,
} from '../test-support/incident-fixtures';

const COMMANDER = randomUUID();
const COMMS = randomUUID();
const commander = testCaller(Role.TECHNICIAN, { employeeId: COMMANDER });
const bystander = testCaller(Role.TECHNICIAN, { employeeId: randomUUID() });

describe('incident subgraph: incidents (real PostgreSQL and Kafka)', () => {
  const start = () => createServiceHarness(subgraph, 'incident-incidents');
  let harness: Awaited<ReturnType<typeof start>>;
  let plan: PlanView;
  const counts = () =>
    Promise.all(
      ['incidents', 'incident_timeline', 'incident_action_items', 'outbox', 'audit_log'].map(
        async (table) => (await harness.app.dataSource.query(`select count(*)::int as n from ${table}`))[0].n,
      ),
    );
  const report = async (overrides = {}) =>
    (await harness.ok<{ reportIncident: IncidentView }>(REPORT, { input: reportInput(overrides) }))
      .reportIncident;
  const activate = async (incident: IncidentView) =>
    (
      await harness.ok<{ activateIncident: IncidentView }>(ACTIVATE, {
        input: {
          incidentId: incident.id,
          expectedVersion: incident.version,
          planId: plan.id,
          commanderId: COMMANDER,
          roles: [{ role: 'Communications', employeeId: COMMS }],
          note: 'Plan activated',
        },
      })
    ).activateIncident;
  const step = async (field: string, incident: IncidentView, caller = commander) =>
    (
      await harness.ok<Record<string, IncidentView>>(
        STEP(field),
        { input: { incidentId: incident.id, expectedVersion: incident.version } },
        caller,
      )
    )[field];

  beforeAll(async () => {
    harness = await start();
    plan = (await harness.ok<{ createContingencyPlan: PlanView }>(CREATE_PLAN, { input: planInput() }))
      .createContingencyPlan;
  });
  afterAll(() => harness?.stop());

  it('runs the whole lifecycle, recording every action on the timeline and publishing valid events', async () => {
    const reported = await report();
    expect(reported).toMatchObject({
      status: 'REPORTED',
      version: 1,
      number: expect.stringMatching(/^INC-\d{6}$/),
    });
    expect(reported.affectedCustomers[0]!.id).toBe(
      reportInput().keyAccountIds.length && reported.affectedCustomers[0]!.id,
    );

    const activated = await activate(reported);
    expect(activated).toMatchObject({
      status: 'ACTIVATED',
      planVersion: 1,
      commander: { id: COMMANDER },
      roles: [{ role: 'Communications', employee: { id: COMMS } }],
    });
    const contained = await step('containIncident', activated);
    const recovering = await step(
      'startIncidentRecovery',
      contained,
      testCaller(Role.AGENT, { employeeId: COMMS }),
    );
    const resolved = await step('resolveIncident', recovering);
    expect(resolved.status).toBe('RESOLVED');

    const early = await harness.gql(
      COMPLETE_REVIEW,
      { input: { incidentId: resolved.id, expectedVersion: resolved.version } },
      commander,
    );
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      currentState: 'RESOLVED',
    });

    const recorded = (
      await harness.ok<{ recordIncidentReview: IncidentView }>(
        RECORD_REVIEW,
        {
          input: {
            incidentId: resolved.id,
            expectedVersion: resolved.version,
            rootCause: 'No redundant power supply',
            lessons: 'Test the generator monthly',
            actionItems: [
              { description: 'Install a second supply', ownerId: COMMANDER, dueOn: '2026-01-01' },
            ],
          },
        },
        commander,
      )
    ).recordIncidentReview;
    expect(recorded.review).toMatchObject({
      rootCause: 'No redundant power supply',
      actionItems: [{ status: 'OPEN', overdue: true }],
    });
    const reviewed = (
      await harness.ok<{ completeIncidentReview: IncidentView }>(
        COMPLETE_REVIEW,
        { input: { incidentId: recorded.id, expectedVersion: recorded.version } },
        commander,
      )
    ).completeIncidentReview;
    expect(reviewed.status).toBe('REVIEWED');
    expect(reviewed.timeline.map((entry) => entry.kind)).toEqual([
      'REPORTED',
      'ACTIVATED',
      'CONTAINED',
      'RECOVERY_STARTED',
      'RESOLVED',
      'REVIEW_RECORDED',
      'REVIEWED',
    ]);
    expect(reviewed.timeline[1]).toMatchObject({ note: 'Plan activated', actorRole: 'ADMIN' });

    const events = await eventsOf(harness.kafka, 'incident', reported.id, 6);
    expect(events.map((event) => [event.type, event.aggregateVersion])).toEqual([
      ['incident.reported', 1],
      ['incident.activated', 2],
      ['incident.contained', 3],
      ['incident.recovery_started', 4],
      ['incident.resolved', 5],
      ['incident.reviewed', 7],
    ]);
    for (const event of events) expect(validateEvent(event)).toMatchObject({ ok: true });
    expect(events[1]!.data).toMatchObject({ planId: plan.id, planVersion: 1, commanderId: COMMANDER });
  });

  it('lets only managers activate and only the incident’s people act on it; CUSTOMER sees nothing', async () => {
    const reported = await report();
    const byTechnician = await harness.gql(
      ACTIVATE,
      { input: { incidentId: reported.id, expectedVersion: 1, planId: plan.id, commanderId: COMMANDER } },
      commander,
    );
    expect(byTechnician.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const activated = await activate(reported);
    const byBystander = await harness.gql(
      STEP('containIncident'),
      { input: { incidentId: activated.id, expectedVersion: activated.version } },
      bystander,
    );
    expect(byBystander.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const read = await harness.ok<{ incident: { id: string } }>(
      `query($id: ID!) { incident(id: $id) { id } }`,
      { id: activated.id },
      bystander,
    );
    expect(read.incident.id).toBe(activated.id);
    const customer = await harness.gql(
      `query($id: ID!) { incident(id: $id) { id } }`,
      { id: activated.id },
      {
        role: 'CUSTOMER',
        customerId: randomUUID(),
      },
    );
    expect(customer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each([
    ['a blank title', { title: '  ' }, 'input.title'],
    ['an id that is no UUID', { affectedAssetIds: ['asset-1'] }, 'input.affectedAssetIds.0'],
    ['detection before occurrence', { detectedAt: '2026-01-01T00:00:00.000Z' }, 'input.detectedAt'],
    ['a key account not affected', { keyAccountIds: [randomUUID()] }, 'input.keyAccountIds.0'],
  ])(
    'answers %s with BAD_USER_INPUT naming the field, and writes nothing',
    async (_what, overrides, field) => {
      const before = await counts();
      const result = await harness.gql(REPORT, { input: reportInput(overrides) });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await counts()).toEqual(before);
    },
  );

  it('refuses an activation with a stale version, a plan of another category or a role the plan lacks, writing nothing', async () => {
    const reported = await report();
    const other = (
      await harness.ok<{ createContingencyPlan: PlanView }>(CREATE_PLAN, {
        input: planInput({ category: 'DATA_BREACH', severity: 'SEV1' }),
      })
    ).createContingencyPlan;
    const base = { incidentId: reported.id, expectedVersion: 1, planId: plan.id, commanderId: COMMANDER };
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ expectedVersion: 2 }, 'CONFLICT', undefined],
      [{ planId: other.id }, 'BAD_USER_INPUT', 'input.planId'],
      [{ planVersion: 9 }, 'BAD_USER_INPUT', 'input.planVersion'],
      [{ roles: [{ role: 'Chef', employeeId: COMMS }] }, 'BAD_USER_INPUT', 'input.roles.0.role'],
      [{ planId: randomUUID() }, 'NOT_FOUND', undefined],
    ];
    for (const [change, code, field] of cases) {
      const before = await counts();
      const result = await harness.gql(ACTIVATE, { input: { ...base, ...change } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
      expect(await counts()).toEqual(before);
    }
  });

  it('contributes Asset.incidents, Customer.incidents and Employee.incidentRoles', async () => {
    const input = reportInput();
    const reported = (await harness.ok<{ reportIncident: IncidentView }>(REPORT, { input })).reportIncident;
    await activate(reported);
    const result = await harness.ok<{
      _entities: { incidents?: { id: string }[]; incidentRoles?: { role: string }[] }[];
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Asset { incidents { id } } ... on Customer { incidents { id } }
        ... on Employee { incidentRoles { role incident { id } } } } }`,
      {
        r: [
          { __typename: 'Asset', id: input.affectedAssetIds[0] },
          { __typename: 'Customer', id: input.keyAccountIds[0] },
          { __typename: 'Employee', id: COMMS },
        ],
      },
    );
    expect(result._entities[0]!.incidents).toEqual([{ id: reported.id }]);
    expect(result._entities[1]!.incidents).toEqual([{ id: reported.id }]);
    expect(result._entities[2]!.incidentRoles).toEqual(
      expect.arrayContaining([{ role: 'Communications', incident: { id: reported.id } }]),
    );
  });
});
