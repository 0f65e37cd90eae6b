// Every kind of argument this subgraph takes, probed with bad input: an id that is not a UUID, text with U+0000,
// and bad cursors. Each answers BAD_USER_INPUT naming the field, before anything is written.
import { randomUUID } from 'node:crypto';
import { startHarness, type Harness } from './testing/harness';

const BAD_ID = 'not-a-uuid';
const NUL = 'a\u0000b';
const base64url = (value: string) => Buffer.from(value, 'utf8').toString('base64url');

describe('hr-performance input hygiene', () => {
  let svc: Harness;
  let departmentId: string;
  let employeeId: string;

  const writes = async (): Promise<number> =>
    (
      await svc.app.dataSource.query(
        `select (select count(*) from audit_log) + (select count(*) from outbox)
              + (select count(*) from departments) + (select count(*) from employees) as n`,
      )
    )[0].n;

  const expectBadInput = async (query: string, variables: Record<string, unknown>, field: RegExp) => {
    const before = await writes();
    const result = await svc.gql(query, variables);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(String(result.errors?.[0]?.extensions?.field)).toMatch(field);
    expect(await writes()).toBe(before);
  };

  beforeAll(async () => {
    svc = await startHarness('hr-input-hygiene');
    departmentId = (
      await svc.ok<{ createDepartment: { id: string } }>(
        'mutation ($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }',
        { input: { code: 'CS', name: 'Customer service' } },
      )
    ).createDepartment.id;
    employeeId = (
      await svc.ok<{ hireEmployee: { id: string } }>(
        'mutation ($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }',
        { input: { name: 'Ana', position: 'CS_SPECIALIST', departmentId, hireDate: '2025-01-06' } },
      )
    ).hireEmployee.id;
  });

  afterAll(async () => {
    await svc?.close();
  });

  it.each([
    ['department(id)', 'query ($id: ID!) { department(id: $id) { id } }', { id: BAD_ID }, /^id$/],
    ['employee(id)', 'query ($id: ID!) { employee(id: $id) { id } }', { id: BAD_ID }, /^id$/],
    [
      'employees(filter.departmentId)',
      'query ($f: EmployeeFilter) { employees(filter: $f) { totalCount } }',
      { f: { departmentId: BAD_ID } },
      /filter\.departmentId$/,
    ],
  ])('answers BAD_USER_INPUT for a bad id in %s', async (_, query, variables, field) => {
    await expectBadInput(query, variables, field);
  });

  it.each([
    ['"!!!"', '!!!'],
    ['base64 of garbage', base64url('{{{not json')],
    ['a cursor of the wrong shape', base64url(JSON.stringify([1, 2, 3]))],
    ['a cursor whose id is not a UUID', base64url(JSON.stringify(['EMP-000001', BAD_ID]))],
    ['a cursor with NUL in it', base64url(JSON.stringify(['EMP\u0000', randomUUID()]))],
  ])('answers BAD_USER_INPUT for the cursor %s', async (_, after) => {
    await expectBadInput(
      'query ($after: String) { employees(after: $after) { totalCount } }',
      { after },
      /^after$/,
    );
  });

  it.each([
    [
      'createDepartment',
      'CreateDepartmentInput',
      { code: 'QA', name: 'Quality', parentId: BAD_ID },
      /parentId$/,
    ],
    ['createDepartment', 'CreateDepartmentInput', { code: 'QA', name: NUL }, /name$/],
    [
      'createDepartment',
      'CreateDepartmentInput',
      { code: 'QA', name: 'Quality', managerId: BAD_ID },
      /managerId$/,
    ],
    ['updateDepartment', 'UpdateDepartmentInput', { id: BAD_ID, expectedVersion: 1, name: 'x' }, /\.id$/],
    [
      'hireEmployee',
      'HireEmployeeInput',
      { name: 'Bo', position: 'TECHNICIAN', departmentId: BAD_ID, hireDate: '2025-01-06' },
      /departmentId$/,
    ],
    [
      'hireEmployee',
      'HireEmployeeInput',
      { name: NUL, position: 'TECHNICIAN', departmentId: 'DEPT', hireDate: '2025-01-06' },
      /name$/,
    ],
    [
      'hireEmployee',
      'HireEmployeeInput',
      {
        employeeNumber: `E${NUL}`,
        name: 'Bo',
        position: 'TECHNICIAN',
        departmentId: 'DEPT',
        hireDate: '2025-01-06',
      },
      /employeeNumber$/,
    ],
    [
      'transferEmployee',
      'TransferEmployeeInput',
      { employeeId: 'EMP', expectedVersion: 1, toDepartmentId: BAD_ID, effectiveDate: '2025-02-01' },
      /toDepartmentId$/,
    ],
    ['updateEmployee', 'UpdateEmployeeInput', { employeeId: 'EMP', expectedVersion: 1, name: NUL }, /name$/],
    [
      'updateEmployee',
      'UpdateEmployeeInput',
      { employeeId: BAD_ID, expectedVersion: 1, name: 'x' },
      /employeeId$/,
    ],
    [
      'updateEmployee',
      'UpdateEmployeeInput',
      { employeeId: 'EMP', expectedVersion: 1, managerId: BAD_ID },
      /managerId$/,
    ],
    [
      'recordEmployeeLeft',
      'RecordEmployeeLeftInput',
      { employeeId: BAD_ID, expectedVersion: 1, leftDate: '2025-03-01' },
      /employeeId$/,
    ],
  ])('answers BAD_USER_INPUT for %s(%s) with bad input', async (mutation, type, input, field) => {
    const real = JSON.parse(
      JSON.stringify(input)
        .replace(/"DEPT"/g, JSON.stringify(departmentId))
        .replace(/"EMP"/g, JSON.stringify(employeeId)),
    );
    await expectBadInput(
      `mutation ($input: ${type}!) { ${mutation}(input: $input) { id } }`,
      { input: real },
      field,
    );
  });

  it('answers BAD_USER_INPUT for a period with NUL', async () => {
    await expectBadInput(
      'query ($p: String) { appraisalCycles(period: $p) { id } }',
      { p: `2025-03${NUL}` },
      /period$/,
    );
  });

  it('resolves an _entities reference with a bad id to null, without an error', async () => {
    const result = await svc.gql<{ _entities: unknown[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { id } ... on Department { id } } }`,
      {
        r: [
          { __typename: 'Employee', id: BAD_ID },
          { __typename: 'Department', id: BAD_ID },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([null, null]);
  });
});
