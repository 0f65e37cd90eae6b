// Training against the real service: a plan, a session with capacity, attendance, assessment and certificates, and
// the measured effect from the KPI service's month closes (published to the snapshot topic).
import { validateEvent, type KpiSnapshotEvent } from '@opsgraph/contracts-events';
import { Role } from '@opsgraph/graphql-kit';
import { waitFor } from '@opsgraph/testing';
import { startHarness, type Harness } from '../testing/harness';
import { snapshotFactory } from '../testing/kpi-snapshots';

type Caller = { role: Role; employeeId?: string };
const HR: Caller = { role: Role.HR };

/**
 * Ana's month closes around a session on 2025-04-14/15 (windows of 3 months: Jan–Mar before, May–Jul after):
 * before: January 2 tickets, 1 resolved within SLA; March 1 ticket resolved late → handled 3, resolved 2 (66.67 %),
 *   within SLA 1 of 2 → quality mean(66.67, 100) = 83.33, efficiency 50 → (83.33·25 + 50·20)/45 = 68.52
 * after: May and June one ticket each, resolved within SLA → quality 100, efficiency 100 → 100; change +31.48.
 * April (the session's month) counts in neither window.
 */
function closes(ana: string): KpiSnapshotEvent[] {
  const snapshot = snapshotFactory();
  const close = (month: string, tickets: number, resolved: number, breached: number) =>
    snapshot('CLOSED', {
      employeeId: ana,
      month,
      asOf: `${month}-28T23:00:00.000Z`,
      figures: {
        tickets,
        ticketsResolved: resolved,
        resolutionRate: resolved / tickets,
        slaBreachRate: breached / resolved,
        surveyCount: 0,
        csatAverage: null,
      },
    });
  return [
    close('2025-01', 2, 1, 0),
    close('2025-03', 1, 1, 1),
    close('2025-04', 1, 1, 1),
    close('2025-05', 1, 1, 0),
    close('2025-06', 1, 1, 0),
  ];
}

describe('hr-performance training', () => {
  let svc: Harness;
  let cs: string;
  let mei: string;
  let ana: string;
  let bo: string;
  let chen: string;
  let planId: string;
  let session: { id: string; version: number };

  const writes = async (): Promise<number> =>
    (
      await svc.app.dataSource.query(
        'select (select count(*) from audit_log) + (select count(*) from outbox) + (select count(*) from training_sessions) as n',
      )
    )[0].n;
  const mutate = (name: string, inputType: string, input: Record<string, unknown>, caller: Caller = HR) =>
    svc.gql<Record<string, { id: string; version: number; enrolled: number }>>(
      `mutation ($input: ${inputType}!) { ${name}(input: $input) { id version enrolled } }`,
      { input },
      caller,
    );
  const trainee = async (
    name: string,
    inputType: string,
    employeeId: string,
    extra: Record<string, unknown> = {},
  ) => {
    const result = await mutate(name, inputType, {
      trainingId: session.id,
      expectedVersion: session.version,
      employeeId,
      ...extra,
    });
    if (!result.errors) session = result.data?.[name] as { id: string; version: number };
    return result;
  };

  beforeAll(async () => {
    svc = await startHarness('hr-training');
    cs = (
      await svc.ok<{ createDepartment: { id: string } }>(
        `mutation { createDepartment(input: { code: "CS", name: "Customer Service" }) { id } }`,
      )
    ).createDepartment.id;
    const hire = async (name: string, position: string, managerId: string | null) =>
      (
        await svc.ok<{ hireEmployee: { id: string } }>(
          `mutation ($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }`,
          { input: { name, position, departmentId: cs, hireDate: '2024-01-01', managerId } },
        )
      ).hireEmployee.id;
    mei = await hire('Mei', 'OPS_MANAGER', null);
    ana = await hire('Ana', 'CS_SPECIALIST', mei);
    bo = await hire('Bo', 'CS_SPECIALIST', mei);
    chen = await hire('Chen', 'CS_SPECIALIST', mei);
    const events = closes(ana);
    await svc.publishSnapshotEvents(events);
    await waitFor(
      async () =>
        (
          await svc.app.dataSource.query(
            "select count(*)::int as n from processed_events where consumer = 'hr-performance-kpi-snapshots'",
          )
        )[0].n,
      (n) => n === events.length,
      { timeoutMs: 45_000, what: 'the month closes' },
    );
  });

  afterAll(async () => {
    await svc?.close();
  });

  it('creates one annual plan per department and year', async () => {
    const create = (year: number, caller: Caller = HR) =>
      svc.gql<{ createTrainingPlan: { id: string } }>(
        `mutation ($input: CreateTrainingPlanInput!) { createTrainingPlan(input: $input) { id } }`,
        {
          input: {
            departmentId: cs,
            year,
            title: 'CS 2025',
            goals: ['Complaint handling', 'New ticket tool'],
          },
        },
        caller,
      );
    expect((await create(1999)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await create(2025, { role: Role.AGENT, employeeId: ana })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const created = await create(2025);
    expect(created.errors).toBeUndefined();
    planId = created.data?.createTrainingPlan.id as string;
    expect((await create(2025)).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.year',
    });
  });

  it('schedules a session within the plan’s year; refused input writes nothing', async () => {
    const input = {
      planId,
      title: 'Handling complaints on the hotline',
      kind: 'INTERNAL',
      startsOn: '2025-04-14',
      endsOn: '2025-04-15',
      trainer: 'Mei',
      capacity: 3,
    };
    const before = await writes();
    const backwards = await mutate('scheduleTrainingSession', 'ScheduleTrainingSessionInput', {
      ...input,
      endsOn: '2025-04-13',
    });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsOn' });
    const otherYear = await mutate('scheduleTrainingSession', 'ScheduleTrainingSessionInput', {
      ...input,
      startsOn: '2026-04-14',
      endsOn: '2026-04-15',
    });
    expect(otherYear.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.startsOn',
    });
    expect(await writes()).toBe(before);
    const scheduled = await mutate('scheduleTrainingSession', 'ScheduleTrainingSessionInput', input);
    expect(scheduled.errors).toBeUndefined();
    session = scheduled.data?.scheduleTrainingSession as { id: string; version: number };
  });

  it('enrols within capacity, records attendance and assessments, certifies those who passed', async () => {
    for (const employeeId of [ana, bo, chen])
      expect((await trainee('enrolInTraining', 'TraineeInput', employeeId)).errors).toBeUndefined();
    const full = await trainee('enrolInTraining', 'TraineeInput', mei);
    expect(full.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(full.errors?.[0].message).toMatch(/full/);

    await trainee('recordTrainingAttendance', 'RecordTrainingAttendanceInput', ana, { attended: true });
    await trainee('recordTrainingAttendance', 'RecordTrainingAttendanceInput', bo, { attended: true });
    await trainee('recordTrainingAttendance', 'RecordTrainingAttendanceInput', chen, { attended: false });
    const absent = await trainee('assessTrainee', 'AssessTraineeInput', chen, { examScore: 90 });
    expect(absent.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    const outOfRange = await trainee('assessTrainee', 'AssessTraineeInput', ana, { examScore: 101 });
    expect(outOfRange.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.examScore',
    });
    expect(
      (await trainee('assessTrainee', 'AssessTraineeInput', ana, { examScore: 86, feedback: 'Clear cases' }))
        .errors,
    ).toBeUndefined();
    expect(
      (await trainee('assessTrainee', 'AssessTraineeInput', bo, { examScore: 40, practicalResult: 'FAILED' }))
        .errors,
    ).toBeUndefined();

    const failed = await trainee('issueTrainingCertificate', 'IssueTrainingCertificateInput', bo, {
      issuedOn: '2025-04-16',
    });
    expect(failed.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    expect(
      (
        await trainee('issueTrainingCertificate', 'IssueTrainingCertificateInput', ana, {
          issuedOn: '2025-04-16',
        })
      ).errors,
    ).toBeUndefined();
    const again = await trainee('issueTrainingCertificate', 'IssueTrainingCertificateInput', ana, {
      issuedOn: '2025-04-17',
    });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('measures the effect: attendees’ KPI score over equal windows before and after', async () => {
    const { trainingSession } = await svc.ok<{ trainingSession: Record<string, unknown> }>(
      `query ($id: ID!) { trainingSession(id: $id) { enrolled effect { beforeMonths afterMonths complete measured
         averageBefore averageAfter averageChange attendees { employeeId before after change } } } }`,
      { id: session.id },
      HR,
    );
    expect(trainingSession).toEqual({
      enrolled: 3,
      effect: {
        beforeMonths: ['2025-01', '2025-02', '2025-03'],
        afterMonths: ['2025-05', '2025-06', '2025-07'],
        complete: true,
        measured: 1,
        averageBefore: 68.52,
        averageAfter: 100,
        averageChange: 31.48,
        // Chen did not attend; Bo attended but handled no tickets
        attendees: expect.arrayContaining([
          { employeeId: ana, before: 68.52, after: 100, change: 31.48 },
          { employeeId: bo, before: null, after: null, change: null },
        ]),
      },
    });
    const { trainingPlans } = await svc.ok<{
      trainingPlans: { effect: unknown; sessions: { id: string }[] }[];
    }>(
      `query ($id: ID!) { trainingPlans(departmentId: $id, year: 2025) { sessions { id } effect { measured averageChange } } }`,
      { id: cs },
      HR,
    );
    expect(trainingPlans).toEqual([
      { sessions: [{ id: session.id }], effect: { measured: 1, averageChange: 31.48 } },
    ]);
    const asAgent = await svc.gql(
      `query ($id: ID!) { trainingSession(id: $id) { effect { measured } } }`,
      { id: session.id },
      {
        role: Role.AGENT,
        employeeId: ana,
      },
    );
    expect(asAgent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badWindow = await svc.gql(
      `query ($id: ID!) { trainingSession(id: $id) { effect(windowMonths: 0) { measured } } }`,
      {
        id: session.id,
      },
    );
    expect(badWindow.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'windowMonths' });
  });

  it('shows an employee’s trainings to them, their manager and HR only', async () => {
    const query = `query ($id: ID!) { employee(id: $id) { trainings { attended examScore certificateNumber session { title } } } }`;
    const own = await svc.gql<{ employee: { trainings: Record<string, unknown>[] } }>(
      query,
      { id: ana },
      { role: Role.AGENT, employeeId: ana },
    );
    expect(own.data?.employee.trainings).toEqual([
      {
        attended: true,
        examScore: 86,
        certificateNumber: expect.stringMatching(/^TRN-2025-[0-9A-F]{8}-001$/),
        session: { title: 'Handling complaints on the hotline' },
      },
    ]);
    expect(
      (await svc.gql(query, { id: ana }, { role: Role.OPS_MANAGER, employeeId: mei })).errors,
    ).toBeUndefined();
    const peer = await svc.gql(query, { id: ana }, { role: Role.AGENT, employeeId: bo });
    expect(peer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('publishes valid training events in version order', async () => {
    const rows: { payload: unknown; event_type: string }[] = await svc.app.dataSource.query(
      'select payload, event_type from outbox where aggregate_id = $1 order by id',
      [session.id],
    );
    for (const row of rows) expect(validateEvent(row.payload)).toMatchObject({ ok: true });
    expect(rows.map((row) => row.event_type)).toEqual([
      'training.scheduled',
      'training.enrolled',
      'training.enrolled',
      'training.enrolled',
      'training.attendance_recorded',
      'training.attendance_recorded',
      'training.attendance_recorded',
      'training.assessed',
      'training.assessed',
      'training.certificate_issued',
    ]);
  });
});
