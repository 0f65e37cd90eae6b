// The organisation directory end to end: the service on a real PostgreSQL and Kafka, called over HTTP like the
// gateway calls it. One app for the whole file; the tests build on each other's organisation.
import {
  EMPLOYEE_POSITIONS,
  topicFor,
  topicName,
  validateEvent,
  type DomainEvent,
  type EmployeeEvent,
} from '@opsgraph/contracts-events';
import { Role } from '@opsgraph/graphql-kit';
import { waitFor } from '@opsgraph/testing';
import type { Consumer } from 'kafkajs';
import { startHarness, type Harness } from './testing/harness';

const DEPARTMENT = 'id code name version parent { code } children { code } manager { id name }';
const EMPLOYEE =
  'id employeeNumber name position status hireDate leftDate version department { id code } manager { id name }';

interface DepartmentView {
  id: string;
  code: string;
  name: string;
  version: number;
  parent: { code: string } | null;
  children: { code: string }[];
  manager: { id: string; name: string } | null;
}

interface EmployeeView {
  id: string;
  employeeNumber: string;
  name: string;
  position: string;
  status: string;
  hireDate: string;
  leftDate: string | null;
  version: number;
  department: { id: string; code: string };
  manager: { id: string; name: string } | null;
}

describe('hr-performance organisation', () => {
  let svc: Harness;
  let consumer: Consumer;
  const published: DomainEvent[] = [];
  const org: Record<string, DepartmentView> = {};
  const people: Record<string, EmployeeView> = {};

  const createDepartment = async (input: Record<string, unknown>) => {
    const data = await svc.ok<{ createDepartment: DepartmentView }>(
      `mutation ($input: CreateDepartmentInput!) { createDepartment(input: $input) { ${DEPARTMENT} } }`,
      { input },
    );
    return data.createDepartment;
  };
  const updateDepartment = (input: Record<string, unknown>, role: Role = Role.HR) =>
    svc.gql<{ updateDepartment: DepartmentView }>(
      `mutation ($input: UpdateDepartmentInput!) { updateDepartment(input: $input) { ${DEPARTMENT} } }`,
      { input },
      { role },
    );
  const hire = (input: Record<string, unknown>) =>
    svc.gql<{ hireEmployee: EmployeeView }>(
      `mutation ($input: HireEmployeeInput!) { hireEmployee(input: $input) { ${EMPLOYEE} } }`,
      { input },
      { role: Role.HR },
    );
  const hired = async (input: Record<string, unknown>) => {
    const result = await hire(input);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return (result.data as { hireEmployee: EmployeeView }).hireEmployee;
  };
  const employee = async (id: string) =>
    (
      await svc.ok<{ employee: EmployeeView }>(`query ($id: ID!) { employee(id: $id) { ${EMPLOYEE} } }`, {
        id,
      })
    ).employee;
  const outboxCount = async (): Promise<number> =>
    (await svc.app.dataSource.query('select count(*)::int as n from outbox'))[0].n;
  const errorOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    result.errors?.[0]?.extensions;

  beforeAll(async () => {
    svc = await startHarness('hr-organisation');
    consumer = svc.kafka.kafka.consumer({ groupId: `${svc.namespace}.test-reader` });
    await consumer.connect();
    await consumer.subscribe({
      topics: [
        topicName(topicFor('employee'), svc.namespace),
        topicName(topicFor('department'), svc.namespace),
      ],
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ message }) => {
        published.push(JSON.parse((message.value as Buffer).toString('utf8')) as DomainEvent);
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await svc?.close();
  });

  it('builds the operations centre: departments under the centre, each with a manager', async () => {
    org.centre = await createDepartment({ code: 'ops-centre', name: '運營中心 Operations centre' });
    expect(org.centre).toMatchObject({ code: 'OPS-CENTRE', version: 1, parent: null, manager: null });
    people.director = await hired({
      name: 'Lin Hua',
      position: 'OPS_DIRECTOR',
      departmentId: org.centre.id,
      hireDate: '2019-04-01',
    });
    expect(people.director).toMatchObject({ employeeNumber: 'EMP-000001', status: 'ACTIVE', manager: null });

    const appointed = await updateDepartment({
      id: org.centre.id,
      expectedVersion: 1,
      managerId: people.director.id,
    });
    expect(appointed.data?.updateDepartment).toMatchObject({ version: 2, manager: { name: 'Lin Hua' } });

    org.cs = await createDepartment({ code: 'CS', name: '客戶服務部', parentId: org.centre.id });
    org.tech = await createDepartment({ code: 'TECH', name: '技術支持部', parentId: org.centre.id });
    org.hotline = await createDepartment({ code: 'CS-HOTLINE', name: 'Hotline', parentId: org.cs.id });

    people.mei = await hired({
      name: 'Mei Chen',
      position: 'OPS_MANAGER',
      departmentId: org.cs.id,
      hireDate: '2021-02-01',
    });
    // CS had no manager yet, so Mei gets none by default
    expect(people.mei.manager).toBeNull();
    const csManaged = await updateDepartment({ id: org.cs.id, expectedVersion: 1, managerId: people.mei.id });
    expect(csManaged.errors).toBeUndefined();
    people.ana = await hired({
      employeeNumber: 'cs-0042',
      name: 'Ana Wu',
      position: 'CS_SPECIALIST',
      departmentId: org.cs.id,
      hireDate: '2023-07-15',
    });
    // an explicit number is kept (upper-cased); the manager defaults to the department's
    expect(people.ana).toMatchObject({
      employeeNumber: 'CS-0042',
      manager: { name: 'Mei Chen' },
      department: { code: 'CS' },
    });
    people.bo = await hired({
      name: 'Bo Zhang',
      position: 'TECHNICIAN',
      departmentId: org.tech.id,
      hireDate: '2022-01-10',
    });

    const tree = await svc.ok<{
      departments: (DepartmentView & { children: (DepartmentView & { children: DepartmentView[] })[] })[];
    }>(
      `{ departments { code manager { name } children { code manager { name } children { code } } } }`,
      {},
      { role: Role.AGENT },
    );
    expect(tree.departments).toEqual([
      {
        code: 'OPS-CENTRE',
        manager: { name: 'Lin Hua' },
        children: [
          { code: 'CS', manager: { name: 'Mei Chen' }, children: [{ code: 'CS-HOTLINE' }] },
          { code: 'TECH', manager: null, children: [] },
        ],
      },
    ]);
    const one = await svc.ok<{ department: DepartmentView }>(
      `query ($id: ID!) { department(id: $id) { ${DEPARTMENT} } }`,
      {
        id: org.hotline.id,
      },
    );
    expect(one.department).toMatchObject({ code: 'CS-HOTLINE', parent: { code: 'CS' }, children: [] });
  });

  it('refuses to move a department under itself or its own descendant (BAD_USER_INPUT on parentId), writing nothing', async () => {
    const before = await outboxCount();
    for (const parentId of [org.hotline.id, org.cs.id]) {
      const result = await updateDepartment({ id: org.cs.id, expectedVersion: 2, parentId });
      expect(result.data).toBeNull();
      expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    }
    const deep = await updateDepartment({ id: org.centre.id, expectedVersion: 2, parentId: org.hotline.id });
    expect(errorOf(deep)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    expect(await outboxCount()).toBe(before);

    // moving a sub-department to another branch is fine
    const moved = await updateDepartment({ id: org.hotline.id, expectedVersion: 1, parentId: org.tech.id });
    expect(moved.data?.updateDepartment).toMatchObject({ version: 2, parent: { code: 'TECH' } });
  });

  it('validates managers: they must be ACTIVE employees of the organisation and not close a reporting cycle', async () => {
    const unknown = await updateDepartment({
      id: org.tech.id,
      expectedVersion: 1,
      managerId: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
    });
    expect(errorOf(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.managerId' });

    const onLeave = await svc.ok<{ updateEmployee: EmployeeView }>(
      `mutation ($input: UpdateEmployeeInput!) { updateEmployee(input: $input) { ${EMPLOYEE} } }`,
      { input: { employeeId: people.bo.id, expectedVersion: 1, status: 'ON_LEAVE' } },
    );
    expect(onLeave.updateEmployee).toMatchObject({ status: 'ON_LEAVE', version: 2 });
    const appointOnLeave = await updateDepartment({
      id: org.tech.id,
      expectedVersion: 1,
      managerId: people.bo.id,
    });
    expect(errorOf(appointOnLeave)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.managerId' });
    const hireUnderOnLeave = await hire({
      name: 'Tao Li',
      position: 'TECHNICIAN',
      departmentId: org.tech.id,
      managerId: people.bo.id,
      hireDate: '2024-01-02',
    });
    expect(errorOf(hireUnderOnLeave)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.managerId' });

    // Ana reports to Mei: Mei cannot report to Ana
    const cycle = await svc.gql(
      `mutation ($input: UpdateEmployeeInput!) { updateEmployee(input: $input) { id } }`,
      { input: { employeeId: people.mei.id, expectedVersion: 1, managerId: people.ana.id } },
    );
    expect(errorOf(cycle)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.managerId' });
    const self = await svc.gql(
      `mutation ($input: UpdateEmployeeInput!) { updateEmployee(input: $input) { id } }`,
      {
        input: { employeeId: people.mei.id, expectedVersion: 1, managerId: people.mei.id },
      },
    );
    expect(errorOf(self)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.managerId' });

    const back = await svc.ok<{ updateEmployee: EmployeeView }>(
      `mutation ($input: UpdateEmployeeInput!) { updateEmployee(input: $input) { ${EMPLOYEE} } }`,
      { input: { employeeId: people.bo.id, expectedVersion: 2, status: 'ACTIVE' } },
    );
    people.bo = back.updateEmployee;
  });

  it('rejects unknown positions, duplicate codes and numbers, bad dates and stale versions', async () => {
    const position = await hire({
      name: 'X',
      position: 'JANITOR',
      departmentId: org.cs.id,
      hireDate: '2024-01-01',
    });
    expect(position.data).toBeUndefined();
    expect(errorOf(position)?.code).toBe('BAD_USER_INPUT');
    expect(position.errors?.[0].message).toMatch(/EmployeePosition/);

    const code = await svc.gql(
      `mutation ($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }`,
      {
        input: { code: 'cs', name: 'again' },
      },
    );
    expect(errorOf(code)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });

    const number = await hire({
      employeeNumber: 'CS-0042',
      name: 'Y',
      position: 'CS_SPECIALIST',
      departmentId: org.cs.id,
      hireDate: '2024-01-01',
    });
    expect(errorOf(number)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.employeeNumber' });

    const date = await hire({
      name: 'Z',
      position: 'CS_SPECIALIST',
      departmentId: org.cs.id,
      hireDate: '2024-02-30',
    });
    expect(errorOf(date)?.code).toBe('BAD_USER_INPUT');

    const short = await svc.gql(
      `mutation ($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }`,
      {
        input: { code: 'X', name: 'too short a code' },
      },
    );
    expect(errorOf(short)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });

    const stale = await updateDepartment({ id: org.cs.id, expectedVersion: 1, name: 'Customer service' });
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, actualVersion: 2 });
  });

  it('lets HR, OPS_DIRECTOR and ADMIN maintain the organisation; everyone authenticated reads the directory', async () => {
    const forbidden = await svc.gql(
      `mutation ($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }`,
      { input: { code: 'DATA', name: '數據分析部' } },
      { role: Role.OPS_MANAGER },
    );
    expect(errorOf(forbidden)?.code).toBe('FORBIDDEN');
    const anonymous = await svc.gql(`{ departments { id } }`, {}, null);
    expect(errorOf(anonymous)?.code).toBe('UNAUTHENTICATED');
    const director = await svc.gql(
      `mutation ($input: CreateDepartmentInput!) { createDepartment(input: $input) { code } }`,
      { input: { code: 'DATA', name: '數據分析部', parentId: org.centre.id } },
      { role: Role.OPS_DIRECTOR },
    );
    expect(director.data).toEqual({ createDepartment: { code: 'DATA' } });
    const read = await svc.gql(`{ employees(first: 1) { totalCount } }`, {}, { role: Role.TECHNICIAN });
    expect(read.data).toEqual({ employees: { totalCount: 4 } });
  });

  it('pages the directory by employee number with typed filters', async () => {
    const query = `query ($first: Int!, $after: String, $filter: EmployeeFilter) {
      employees(first: $first, after: $after, filter: $filter) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { employeeNumber name } }
      } }`;
    type Page = {
      employees: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { employeeNumber: string } }[];
      };
    };
    const first = await svc.ok<Page>(query, { first: 2 });
    expect(first.employees.totalCount).toBe(4);
    expect(first.employees.pageInfo.hasNextPage).toBe(true);
    const second = await svc.ok<Page>(query, { first: 2, after: first.employees.pageInfo.endCursor });
    const numbers = [...first.employees.edges, ...second.employees.edges].map(
      (edge) => edge.node.employeeNumber,
    );
    expect(numbers).toEqual(['CS-0042', 'EMP-000001', 'EMP-000002', 'EMP-000003']);
    expect(second.employees.pageInfo.hasNextPage).toBe(false);

    const cs = await svc.ok<Page>(query, { first: 10, filter: { departmentId: org.cs.id } });
    expect(cs.employees.edges.map((edge) => edge.node.employeeNumber)).toEqual(['CS-0042', 'EMP-000002']);
    const technicians = await svc.ok<Page>(query, {
      first: 10,
      filter: { position: 'TECHNICIAN', status: 'ACTIVE' },
    });
    expect(technicians.employees.totalCount).toBe(1);

    const tooMany = await svc.gql(query, { first: 101 });
    expect(errorOf(tooMany)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badCursor = await svc.gql(query, { first: 1, after: 'not-a-cursor!' });
    expect(errorOf(badCursor)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('transfers an employee, keeps the history, and refuses a departure while they still manage people', async () => {
    const transferred = await svc.ok<{ transferEmployee: EmployeeView }>(
      `mutation ($input: TransferEmployeeInput!) { transferEmployee(input: $input) { ${EMPLOYEE} } }`,
      {
        input: {
          employeeId: people.ana.id,
          expectedVersion: 1,
          toDepartmentId: org.tech.id,
          effectiveDate: '2025-01-01',
        },
      },
    );
    // TECH has no manager: Ana has none after the move
    expect(transferred.transferEmployee).toMatchObject({
      department: { code: 'TECH' },
      manager: null,
      version: 2,
    });
    people.ana = transferred.transferEmployee;

    const same = await svc.gql(
      `mutation ($input: TransferEmployeeInput!) { transferEmployee(input: $input) { id } }`,
      {
        input: {
          employeeId: people.ana.id,
          expectedVersion: 2,
          toDepartmentId: org.tech.id,
          effectiveDate: '2025-01-02',
        },
      },
    );
    expect(errorOf(same)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.toDepartmentId' });

    const history = await svc.gql<{
      employee: { history: { action: string; version: number; effectiveDate: string | null }[] };
    }>(
      `query ($id: ID!) { employee(id: $id) { history { action version effectiveDate } } }`,
      { id: people.ana.id },
      { role: Role.AGENT, employeeId: people.ana.id },
    );
    expect(history.data?.employee.history).toEqual([
      { action: 'HIRED', version: 1, effectiveDate: null },
      { action: 'TRANSFERRED', version: 2, effectiveDate: '2025-01-01' },
    ]);
    const colleague = await svc.gql(
      `query ($id: ID!) { employee(id: $id) { history { action } } }`,
      { id: people.ana.id },
      {
        role: Role.AGENT,
        employeeId: people.bo.id,
      },
    );
    expect(errorOf(colleague)?.code).toBe('FORBIDDEN');

    const leave = (employeeId: string, expectedVersion: number) =>
      svc.gql<{ recordEmployeeLeft: EmployeeView }>(
        `mutation ($input: RecordEmployeeLeftInput!) { recordEmployeeLeft(input: $input) { ${EMPLOYEE} } }`,
        { input: { employeeId, expectedVersion, leftDate: '2025-06-30' } },
      );
    const manager = await leave(people.mei.id, 1);
    expect(errorOf(manager)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.employeeId' });
    const left = await leave(people.bo.id, people.bo.version);
    expect(left.data?.recordEmployeeLeft).toMatchObject({ status: 'LEFT', leftDate: '2025-06-30' });
    const again = await leave(people.bo.id, people.bo.version + 1);
    expect(errorOf(again)).toMatchObject({ code: 'INVALID_TRANSITION', currentState: 'LEFT' });
    const appointLeft = await updateDepartment({
      id: org.tech.id,
      expectedVersion: 1,
      managerId: people.bo.id,
    });
    expect(errorOf(appointLeft)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.managerId' });
    expect((await employee(people.bo.id)).status).toBe('LEFT');
  });

  it('answers _entities for Employee and Department, batched', async () => {
    const result = await svc.ok<{ _entities: unknown[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
         ... on Employee { id name position department { code manager { name } } manager { name } }
         ... on Department { id code parent { code } manager { name } }
       } }`,
      {
        representations: [
          { __typename: 'Employee', id: people.mei.id },
          { __typename: 'Department', id: org.cs.id },
          { __typename: 'Employee', id: people.ana.id },
          { __typename: 'Department', id: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' },
        ],
      },
      { role: Role.AGENT },
    );
    expect(result._entities).toEqual([
      {
        id: people.mei.id,
        name: 'Mei Chen',
        position: 'OPS_MANAGER',
        department: { code: 'CS', manager: { name: 'Mei Chen' } },
        manager: null,
      },
      { id: org.cs.id, code: 'CS', parent: { code: 'OPS-CENTRE' }, manager: { name: 'Mei Chen' } },
      {
        id: people.ana.id,
        name: 'Ana Wu',
        position: 'CS_SPECIALIST',
        department: { code: 'TECH', manager: null },
        manager: null,
      },
      null,
    ]);
    const anonymous = await svc.gql(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { name } } }`,
      { r: [{ __typename: 'Employee', id: people.mei.id }] },
      null,
    );
    expect(errorOf(anonymous)?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps seeded KPI weights per position and lets HR change them (total 100, validated)', async () => {
    const all = await svc.ok<{
      kpiDefinitions: {
        position: string;
        version: number;
        weights: { dimension: string; weight: number }[];
      }[];
    }>(`{ kpiDefinitions { position version weights { dimension weight } } }`, {}, { role: Role.AGENT });
    expect(all.kpiDefinitions.map((d) => d.position)).toEqual([...EMPLOYEE_POSITIONS]);
    for (const definition of all.kpiDefinitions) {
      expect(definition.weights.reduce((sum, w) => sum + w.weight, 0)).toBe(100);
    }
    const cs = all.kpiDefinitions.find((d) => d.position === 'CS_SPECIALIST');
    expect(cs?.weights).toEqual([
      { dimension: 'SERVICE_QUALITY', weight: 25 },
      { dimension: 'EFFICIENCY', weight: 20 },
      { dimension: 'CUSTOMER_SATISFACTION', weight: 35 },
      { dimension: 'TEAMWORK', weight: 10 },
      { dimension: 'ATTITUDE', weight: 10 },
    ]);

    const set = (weights: number[], expectedVersion: number, role: Role = Role.HR) =>
      svc.gql<{ setKpiWeights: { version: number; weights: { weight: number }[] } }>(
        `mutation ($input: SetKpiWeightsInput!) { setKpiWeights(input: $input) { version weights { weight } } }`,
        {
          input: {
            position: 'CS_SPECIALIST',
            expectedVersion,
            weights: ['SERVICE_QUALITY', 'EFFICIENCY', 'CUSTOMER_SATISFACTION', 'TEAMWORK', 'ATTITUDE'].map(
              (dimension, i) => ({
                dimension,
                weight: weights[i],
              }),
            ),
          },
        },
        { role },
      );
    expect(errorOf(await set([30, 20, 30, 10, 5], 1))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.weights',
    });
    expect(errorOf(await set([30, 20, 30, 10, 10], 1, Role.AGENT))?.code).toBe('FORBIDDEN');
    const changed = await set([30, 20, 30, 10, 10], 1);
    expect(changed.data?.setKpiWeights).toEqual({
      version: 2,
      weights: [30, 20, 30, 10, 10].map((weight) => ({ weight })),
    });
    expect(errorOf(await set([25, 25, 30, 10, 10], 1))).toMatchObject({ code: 'CONFLICT' });
  });

  it('publishes department and employee events through the outbox, in version order, valid against the contracts', async () => {
    const outboxRows: { n: number }[] = await svc.app.dataSource.query(
      'select count(*)::int as n from outbox',
    );
    const expected = outboxRows[0].n;
    await waitFor(
      async () => published.length,
      (n) => n >= expected,
      { timeoutMs: 30_000, what: 'the relay to publish every outbox row' },
    );
    expect(published).toHaveLength(expected);
    for (const event of published) expect(validateEvent(event)).toMatchObject({ ok: true });
    const types = (aggregateId: string) =>
      published
        .filter((event) => event.aggregateId === aggregateId)
        .map((event) => `${event.type}@${event.aggregateVersion}`);
    expect(types(org.centre.id)).toEqual(['department.created@1', 'department.updated@2']);
    expect(types(org.hotline.id)).toEqual(['department.created@1', 'department.updated@2']);
    expect(types(people.ana.id)).toEqual(['employee.hired@1', 'employee.transferred@2']);
    // ACTIVE → ON_LEAVE → ACTIVE are employee.updated (versions 2 and 3), then leaving
    expect(types(people.bo.id)).toEqual([
      'employee.hired@1',
      'employee.updated@2',
      'employee.updated@3',
      'employee.left@4',
    ]);
    const onLeave = published.find((e) => e.aggregateId === people.bo.id && e.type === 'employee.updated');
    expect(onLeave?.data).toMatchObject({ status: 'ON_LEAVE', changedFields: ['status'] });
    const transfer = published.find((e) => e.type === 'employee.transferred') as Extract<
      EmployeeEvent,
      { type: 'employee.transferred' }
    >;
    expect(transfer.data).toMatchObject({
      fromDepartmentId: org.cs.id,
      toDepartmentId: org.tech.id,
      effectiveDate: '2025-01-01',
    });
    expect(transfer.actor).toEqual({ id: 'user-ADMIN', role: 'ADMIN' });
    const updated = published.find(
      (e) => e.aggregateId === org.hotline.id && e.type === 'department.updated',
    );
    expect(updated?.data).toMatchObject({ changedFields: ['parentId'], parentId: org.tech.id });
  });
});
