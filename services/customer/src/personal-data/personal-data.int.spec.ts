// Masking per role and the access log of unmasked reads, end to end over HTTP on real PostgreSQL and Kafka.
import { Role } from '@opsgraph/domain';
import { testCaller } from '@opsgraph/service-kit/testing';
import type { TestCaller } from '@opsgraph/testing';
import { AccessLogRepository } from '@opsgraph/personal-data';
import { ADMIN, AGENT, startCustomer, type CustomerHarness } from '../test-support/customer-test';

const REGISTER = `mutation ($input: RegisterCustomerInput!) { registerCustomer(input: $input) { id version } }`;
const READ = `query ($id: ID!) { customer(id: $id) { code contacts { name phone email title masked } } }`;
const LOG = `query ($filter: PersonalDataAccessFilter, $first: Int, $after: String) {
  personalDataAccessLog(filter: $filter, first: $first, after: $after) {
    totalCount edges { node { userId role employeeId customerId fields operation correlationId accessedAt } }
    pageInfo { hasNextPage endCursor } } }`;

interface AccessRow {
  userId: string;
  role: string;
  employeeId: string | null;
  customerId: string;
  fields: string[];
  operation: string;
  correlationId: string;
  accessedAt: string;
}
type LogPage = {
  personalDataAccessLog: {
    totalCount: number;
    edges: { node: AccessRow }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

const CLEAR = [
  {
    name: 'Wang Fang',
    phone: '+8613812345678',
    email: 'wang.fang@example.com',
    title: 'Purchasing',
    masked: false,
  },
  { name: 'Li Lei', phone: '13912345678', email: null, title: null, masked: false },
];
const MASKED = [
  { name: 'W***', phone: '+861******5678', email: 'w***@example.com', title: 'Purchasing', masked: true },
  { name: 'L***', phone: '139****5678', email: null, title: null, masked: true },
];

// Readers the access log is filtered by: user ids are the identity provider's subjects, not UUIDs
// (`filter.userId` is an @OpaqueId()).
const SELECTIVE_READER = 'selective-reader';
const LIST_READER = 'list-reader';
const ENTITIES_READER = 'entities-reader';
const CONTACT_WRITER = 'contact-writer';

describe('personal data', () => {
  let h: CustomerHarness;
  let customerId: string;
  let otherId: string;

  const log = async (filter: Record<string, unknown>, first = 100) =>
    (await h.ok<LogPage>(LOG, { filter, first }, ADMIN)).personalDataAccessLog;

  beforeAll(async () => {
    h = await startCustomer('customer-pii');
    const register = async (code: string, contacts: unknown[]) =>
      (
        await h.ok<{ registerCustomer: { id: string } }>(
          REGISTER,
          { input: { code, name: `Customer ${code}`, type: 'ORGANIZATION', contacts } },
          AGENT,
        )
      ).registerCustomer.id;
    customerId = await register('PII-1', [
      { name: 'Wang Fang', phone: '+86 138 1234 5678', email: 'wang.fang@example.com', title: 'Purchasing' },
      { name: 'Li Lei', phone: '139-1234-5678' },
    ]);
    otherId = await register('PII-2', [{ name: 'Zhao Min', email: 'zhao@example.com' }]);
  });

  afterAll(async () => {
    await h?.stop();
  });

  describe('masking per role', () => {
    it.each([
      [Role.ADMIN, 'in clear', CLEAR],
      [Role.OPS_DIRECTOR, 'in clear', CLEAR],
      [Role.OPS_MANAGER, 'in clear', CLEAR],
      [Role.AGENT, 'in clear', CLEAR],
      [Role.TECHNICIAN, 'masked', MASKED],
      [Role.ANALYST, 'masked', MASKED],
      [Role.HR, 'masked', MASKED],
    ])('%s reads the contacts %s', async (role, _how, expected) => {
      const caller = role === Role.AGENT ? AGENT : testCaller(role);
      const data = await h.ok<{ customer: { contacts: unknown[] } }>(READ, { id: customerId }, caller);
      expect(data.customer.contacts).toEqual(expected);
    });

    it('shows a portal customer its own contacts in clear, and no other customer at all', async () => {
      const self = testCaller(Role.CUSTOMER, { userId: 'portal-user-1', customerId });
      expect(
        (await h.ok<{ customer: { contacts: unknown[] } }>(READ, { id: customerId }, self)).customer.contacts,
      ).toEqual(CLEAR);
      const other = await h.gql(READ, { id: otherId }, self);
      expect(other.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      const byCode = await h.ok<{ customerByCode: unknown }>(
        `{ customerByCode(code: "pii-2") { id } }`,
        {},
        self,
      );
      expect(byCode.customerByCode).toBeNull();
    });
  });

  describe('access log', () => {
    it('records every unmasked read (who, role, when, which customer, which fields) and no masked one', async () => {
      const page = await log({ customerId });
      const reads = page.edges.map((edge) => edge.node).filter((row) => row.operation === 'customer');
      expect(reads.map((row) => row.role).sort()).toEqual([
        'ADMIN',
        'AGENT',
        'CUSTOMER',
        'OPS_DIRECTOR',
        'OPS_MANAGER',
      ]);
      for (const row of reads) {
        expect(row).toMatchObject({
          customerId,
          fields: ['contacts.email', 'contacts.name', 'contacts.phone'],
          operation: 'customer',
        });
        expect(Date.parse(row.accessedAt)).toBeGreaterThan(Date.now() - 120_000);
        expect(row.correlationId).toBeTruthy();
      }
      expect(reads.find((row) => row.role === 'CUSTOMER')?.userId).toBe('portal-user-1');
      expect(reads.find((row) => row.role === 'AGENT')?.employeeId).toBe(AGENT.employeeId);
    });

    it('records only the personal fields selected, and nothing when none is', async () => {
      const reader: TestCaller = testCaller(Role.OPS_MANAGER, { userId: SELECTIVE_READER });
      await h.ok(
        `query ($id: ID!) { customer(id: $id) { contacts { id isPrimary title } } }`,
        { id: customerId },
        reader,
      );
      await h.ok(
        `query ($id: ID!) { customer(id: $id) { contacts { ... on CustomerContact { email } } } }`,
        { id: customerId },
        reader,
      );
      const rows = (await log({ userId: SELECTIVE_READER })).edges.map((edge) => edge.node);
      expect(rows).toEqual([expect.objectContaining({ fields: ['contacts.email'] })]);
    });

    it('writes one record per customer per request, in one statement, also for reads through mutations and _entities', async () => {
      const reader: TestCaller = testCaller(Role.AGENT, {
        userId: LIST_READER,
        employeeId: AGENT.employeeId,
      });
      const inserts = jest.spyOn(AccessLogRepository.prototype, 'insertMany');
      try {
        await h.ok(
          `{ customers(first: 10) { edges { node { id contacts { phone } again: contacts { phone name } } } } }`,
          {},
          reader,
        );
        expect(inserts).toHaveBeenCalledTimes(1);
      } finally {
        inserts.mockRestore();
      }
      const rows = (await log({ userId: LIST_READER })).edges.map((edge) => edge.node);
      expect(rows.map((row) => row.customerId).sort()).toEqual([customerId, otherId].sort());
      const other = rows.find((row) => row.customerId === otherId);
      // The other customer's only contact has no phone: reading an empty field reads no personal data.
      expect(other?.fields).toEqual(['contacts.name']);
      expect(rows.find((row) => row.customerId === customerId)?.fields).toEqual([
        'contacts.name',
        'contacts.phone',
      ]);
      // Same statement ⇒ same transaction timestamp and the same request.
      expect(new Set(rows.map((row) => row.accessedAt)).size).toBe(1);
      expect(new Set(rows.map((row) => row.correlationId)).size).toBe(1);

      const entities = testCaller(Role.OPS_DIRECTOR, { userId: ENTITIES_READER });
      await h.ok(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { contacts { email } } } }`,
        { r: [{ __typename: 'Customer', id: otherId }] },
        entities,
      );
      expect((await log({ userId: ENTITIES_READER })).edges[0].node).toMatchObject({
        customerId: otherId,
        operation: '_entities',
        fields: ['contacts.email'],
      });

      const writer = testCaller(Role.AGENT, { userId: CONTACT_WRITER });
      await h.ok(
        `mutation ($input: AddCustomerContactInput!) { addCustomerContact(input: $input) { contacts { phone } } }`,
        { input: { customerId: otherId, expectedVersion: 1, name: 'New Person', phone: '+85291234567' } },
        writer,
      );
      expect((await log({ userId: CONTACT_WRITER })).edges[0].node).toMatchObject({
        operation: 'addCustomerContact',
        fields: ['contacts.phone'],
      });
    });

    it('pages newest first and filters by time', async () => {
      const total = (await log({})).totalCount;
      const first = await h.ok<LogPage>(LOG, { filter: {}, first: 2 }, ADMIN);
      expect(first.personalDataAccessLog.edges).toHaveLength(2);
      const second = await h.ok<LogPage>(
        LOG,
        { filter: {}, first: 100, after: first.personalDataAccessLog.pageInfo.endCursor },
        ADMIN,
      );
      expect(second.personalDataAccessLog.edges).toHaveLength(total - 2);
      expect((await log({ from: new Date(Date.now() + 60_000).toISOString() })).totalCount).toBe(0);
    });

    it('is for ADMIN only, and append-only', async () => {
      for (const role of [Role.OPS_DIRECTOR, Role.AGENT, Role.HR, Role.CUSTOMER]) {
        const result = await h.gql(LOG, {}, testCaller(role));
        expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      await expect(
        h.app.dataSource.query('update personal_data_access_log set role = $1', ['ADMIN']),
      ).rejects.toThrow(/append-only/);
      await expect(h.app.dataSource.query('delete from personal_data_access_log')).rejects.toThrow(
        /append-only/,
      );
    });
  });
});
