// Incentives against the real service: award nominations and decisions; promotions, demotions, rotations and
// pay-grade changes as audited employee events.
import { validateEvent } from '@opsgraph/contracts-events';
import { Role } from '@opsgraph/graphql-kit';
import { startHarness, type Harness } from '../testing/harness';

type Caller = { role: Role; employeeId?: string };
const HR: Caller = { role: Role.HR };

describe('hr-performance incentives', () => {
  let svc: Harness;
  let cs: string;
  let tech: string;
  let mei: string;
  let ana: string;
  let bo: string;
  const version = async (id: string): Promise<number> =>
    (await svc.app.dataSource.query('select version from employees where id = $1', [id]))[0].version;
  const writes = async (): Promise<number> =>
    (
      await svc.app.dataSource.query(
        'select (select count(*) from audit_log) + (select count(*) from outbox) as n',
      )
    )[0].n;
  const move = async (employeeId: string, input: Record<string, unknown>, caller: Caller = HR) =>
    svc.gql<{
      recordCareerMove: { position: string; payGrade: number | null; department: { code: string } };
    }>(
      `mutation ($input: RecordCareerMoveInput!) { recordCareerMove(input: $input) { position payGrade department { code } } }`,
      {
        input: {
          employeeId,
          expectedVersion: await version(employeeId),
          effectiveDate: '2025-07-01',
          reason: 'Review',
          ...input,
        },
      },
      caller,
    );

  beforeAll(async () => {
    svc = await startHarness('hr-incentives');
    const department = async (code: string) =>
      (
        await svc.ok<{ createDepartment: { id: string } }>(
          `mutation ($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }`,
          { input: { code, name: code } },
        )
      ).createDepartment.id;
    const hire = async (name: string, position: string, departmentId: string, managerId: string | null) =>
      (
        await svc.ok<{ hireEmployee: { id: string } }>(
          `mutation ($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }`,
          { input: { name, position, departmentId, hireDate: '2024-01-01', managerId } },
        )
      ).hireEmployee.id;
    cs = await department('CS');
    tech = await department('TECH');
    mei = await hire('Mei', 'OPS_MANAGER', cs, null);
    ana = await hire('Ana', 'CS_SPECIALIST', cs, mei);
    bo = await hire('Bo', 'CS_SPECIALIST', cs, mei);
  });

  afterAll(async () => {
    await svc?.close();
  });

  it('records pay-grade changes, promotions, demotions and rotations; refuses inconsistent moves', async () => {
    expect((await move(ana, { move: 'PAY_GRADE_CHANGE', payGrade: 5 })).data?.recordCareerMove.payGrade).toBe(
      5,
    );
    const before = await writes();
    const notUp = await move(ana, { move: 'PROMOTION', payGrade: 4 });
    expect(notUp.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.payGrade' });
    const sameDept = await move(ana, { move: 'ROTATION', departmentId: cs });
    expect(sameDept.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.departmentId',
    });
    const byAgent = await move(
      ana,
      { move: 'PROMOTION', payGrade: 9 },
      { role: Role.AGENT, employeeId: ana },
    );
    expect(byAgent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await writes()).toBe(before);

    const promoted = await move(ana, { move: 'PROMOTION', payGrade: 7, position: 'OPS_MANAGER' });
    expect(promoted.data?.recordCareerMove).toMatchObject({ position: 'OPS_MANAGER', payGrade: 7 });
    expect((await move(ana, { move: 'DEMOTION', payGrade: 6 })).data?.recordCareerMove.payGrade).toBe(6);
    const rotated = await move(ana, { move: 'ROTATION', departmentId: tech, position: 'TECHNICIAN' });
    expect(rotated.data?.recordCareerMove).toMatchObject({
      position: 'TECHNICIAN',
      payGrade: 6,
      department: { code: 'TECH' },
    });

    const rows: { payload: { type: string; data: Record<string, unknown> } }[] =
      await svc.app.dataSource.query(
        "select payload from outbox where aggregate_id = $1 and event_type = 'employee.career_moved' order by id",
        [ana],
      );
    for (const row of rows) expect(validateEvent(row.payload)).toMatchObject({ ok: true });
    expect(
      rows.map((row) => [row.payload.data.move, row.payload.data.fromPayGrade, row.payload.data.toPayGrade]),
    ).toEqual([
      ['PAY_GRADE_CHANGE', null, 5],
      ['PROMOTION', 5, 7],
      ['DEMOTION', 7, 6],
      ['ROTATION', 6, 6],
    ]);
    const history = await svc.ok<{ employee: { history: { action: string }[] } }>(
      `query ($id: ID!) { employee(id: $id) { history { action } } }`,
      { id: ana },
    );
    expect(history.employee.history.map((entry) => entry.action)).toEqual([
      'HIRED',
      'PAY_GRADE_CHANGE',
      'PROMOTION',
      'DEMOTION',
      'ROTATION',
    ]);
    // the pay grade is the employee's and HR's business
    const asBo = await svc.gql(
      `query ($id: ID!) { employee(id: $id) { payGrade } }`,
      { id: ana },
      { role: Role.AGENT, employeeId: bo },
    );
    expect(asBo.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('takes nominations from managers and HR, and decisions from HR once', async () => {
    const nominate = (input: Record<string, unknown>, caller: Caller) =>
      svc.gql<{ nominateForAward: { id: string; version: number; status: string } }>(
        `mutation ($input: NominateForAwardInput!) { nominateForAward(input: $input) { id version status } }`,
        {
          input: {
            employeeId: bo,
            kind: 'EXCELLENT_EMPLOYEE',
            period: '2025',
            reason: 'Top survey scores',
            ...input,
          },
        },
        caller,
      );
    expect((await nominate({}, { role: Role.AGENT, employeeId: ana })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await nominate({ period: '2025-13' }, HR)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.period',
    });
    const nominated = await nominate({}, { role: Role.OPS_MANAGER, employeeId: mei });
    expect(nominated.data?.nominateForAward.status).toBe('NOMINATED');
    expect((await nominate({}, HR)).errors?.[0].extensions?.code).toBe('CONFLICT');

    const decide = (approve: boolean, caller: Caller, expectedVersion: number) =>
      svc.gql<{ decideAward: { status: string } }>(
        `mutation ($input: DecideAwardInput!) { decideAward(input: $input) { status } }`,
        {
          input: {
            awardId: nominated.data?.nominateForAward.id,
            expectedVersion,
            approve,
            note: 'Well earned',
          },
        },
        caller,
      );
    expect(
      (await decide(true, { role: Role.OPS_MANAGER, employeeId: mei }, 1)).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await decide(true, HR, 1)).data?.decideAward.status).toBe('APPROVED');
    expect((await decide(false, HR, 2)).errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');

    const events: { payload: { type: string; data: { status: string } } }[] = await svc.app.dataSource.query(
      'select payload from outbox where aggregate_id = $1 order by id',
      [nominated.data?.nominateForAward.id],
    );
    for (const { payload } of events) expect(validateEvent(payload)).toMatchObject({ ok: true });
    expect(events.map(({ payload }) => `${payload.type}:${payload.data.status}`)).toEqual([
      'award.nominated:NOMINATED',
      'award.approved:APPROVED',
    ]);

    const own = await svc.gql<{ employee: { awards: { kind: string; status: string }[] } }>(
      `query ($id: ID!) { employee(id: $id) { awards { kind status } } }`,
      { id: bo },
      { role: Role.AGENT, employeeId: bo },
    );
    expect(own.data?.employee.awards).toEqual([{ kind: 'EXCELLENT_EMPLOYEE', status: 'APPROVED' }]);
    const other = await svc.gql(
      `query ($id: ID!) { employee(id: $id) { awards { kind } } }`,
      { id: bo },
      {
        role: Role.AGENT,
        employeeId: ana,
      },
    );
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
