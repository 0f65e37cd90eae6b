// Every argument kind of the customer graph against malformed input: an id that is not a UUID, a NUL character in
// any text, a cursor that did not come from this service (not base64, base64 of garbage, a cursor of the wrong
// shape), a nested filter that breaks its rules. Each answers BAD_USER_INPUT naming the field, and writes nothing.
import { startCustomer, type CustomerHarness } from './test-support/customer-test';

const BAD_ID = 'not-a-uuid';
const NUL = 'a\u0000b';
const UUID = '00000000-0000-4000-8000-0000000000aa';
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const BAD_CURSORS: [string, string][] = [
  ['not base64', '!!!'],
  ['base64 of garbage', Buffer.from('garbage{', 'utf8').toString('base64url')],
  ['an object', cursor({ id: 1 })],
  ['an empty tuple', cursor([])],
  ['a tuple of the wrong shape', cursor(['NOPE', 42, { x: 1 }])],
];

const CUSTOMER = `query ($id: ID!) { customer(id: $id) { id } }`;
const BY_CODE = `query ($code: String!) { customerByCode(code: $code) { id } }`;
const CUSTOMERS = `query ($filter: CustomerFilter, $after: String) {
  customers(filter: $filter, after: $after) { totalCount } }`;
const OVERDUE = `query ($filter: OverdueRevisitFilter, $after: String) {
  overdueRevisits(filter: $filter, after: $after) { totalCount } }`;
const ACCESS_LOG = `query ($filter: PersonalDataAccessFilter, $after: String) {
  personalDataAccessLog(filter: $filter, after: $after) { totalCount } }`;
const REVISITS_OF = `query ($id: ID!, $after: String) { customer(id: $id) { revisits(after: $after) { totalCount } } }`;
const HISTORY_OF = `query ($id: ID!, $after: String) {
  customer(id: $id) { changeHistory(after: $after) { totalCount } } }`;
const mutation = (name: string, input: string) =>
  `mutation ($input: ${input}!) { ${name}(input: $input) { id } }`;
const REGISTER = mutation('registerCustomer', 'RegisterCustomerInput');
const UPDATE = mutation('updateCustomer', 'UpdateCustomerInput');
const TIER = mutation('changeCustomerTier', 'ChangeCustomerTierInput');
const CONSENTS = mutation('updateCustomerConsents', 'UpdateCustomerConsentsInput');
const ADD_CONTACT = mutation('addCustomerContact', 'AddCustomerContactInput');
const UPDATE_CONTACT = mutation('updateCustomerContact', 'UpdateCustomerContactInput');
const REMOVE_CONTACT = mutation('removeCustomerContact', 'RemoveCustomerContactInput');
const SCHEDULE = mutation('scheduleRevisit', 'ScheduleRevisitInput');
const RECORD = mutation('recordRevisitOutcome', 'RecordRevisitOutcomeInput');
const CANCEL = mutation('cancelRevisit', 'CancelRevisitInput');

const TABLES = ['customers', 'customer_contacts', 'customer_revisits', 'audit_log', 'outbox'];

describe('customer input hygiene', () => {
  let h: CustomerHarness;
  let customerId: string;
  let contactId: string;
  let revisitId: string;

  const counts = async () =>
    Promise.all(
      TABLES.map(
        async (table) =>
          (await h.app.dataSource.query(`select count(*)::int as n from ${table}`))[0].n as number,
      ),
    );

  const expectRefused = async (query: string, variables: Record<string, unknown>, field: string) => {
    const before = await counts();
    const result = await h.gql(query, variables);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await counts()).toEqual(before);
  };

  beforeAll(async () => {
    h = await startCustomer('customer-hygiene');
    const registered = await h.ok<{ registerCustomer: { id: string; contacts: { id: string }[] } }>(
      `mutation ($input: RegisterCustomerInput!) { registerCustomer(input: $input) { id contacts { id } } }`,
      {
        input: {
          code: 'HYG-1',
          name: 'Hygiene',
          type: 'ORGANIZATION',
          tier: 'KEY_ACCOUNT',
          consents: { revisits: true },
          contacts: [{ name: 'Wang Fang', phone: '+8613812345678' }],
        },
      },
    );
    customerId = registered.registerCustomer.id;
    contactId = registered.registerCustomer.contacts[0].id;
    const scheduled = await h.ok<{ scheduleRevisit: { id: string } }>(SCHEDULE, {
      input: {
        customerId,
        dueAt: '2026-01-01T00:00:00.000Z',
        assigneeEmployeeId: UUID,
        purpose: 'check in',
      },
    });
    revisitId = scheduled.scheduleRevisit.id;
  });

  afterAll(async () => {
    await h?.stop();
  });

  describe('ids that are not UUIDs', () => {
    const version = { expectedVersion: 1 };
    it.each<[string, () => [string, Record<string, unknown>]]>([
      ['id', () => [CUSTOMER, { id: BAD_ID }]],
      ['input.id', () => [UPDATE, { input: { id: BAD_ID, ...version, name: 'x' } }]],
      ['input.id', () => [TIER, { input: { id: BAD_ID, ...version, tier: 'VIP' } }]],
      ['input.id', () => [CONSENTS, { input: { id: BAD_ID, ...version, surveys: true } }]],
      [
        'input.customerId',
        () => [
          ADD_CONTACT,
          { input: { customerId: BAD_ID, ...version, name: 'x', phone: '+8613812345679' } },
        ],
      ],
      [
        'input.contactId',
        () => [UPDATE_CONTACT, { input: { customerId, contactId: BAD_ID, ...version, name: 'x' } }],
      ],
      ['input.customerId', () => [REMOVE_CONTACT, { input: { customerId: BAD_ID, contactId, ...version } }]],
      [
        'input.assigneeEmployeeId',
        () => [
          SCHEDULE,
          { input: { customerId, dueAt: '2026-01-01T00:00:00Z', assigneeEmployeeId: BAD_ID, purpose: 'p' } },
        ],
      ],
      [
        'input.ticketId',
        () => [
          SCHEDULE,
          {
            input: {
              customerId,
              dueAt: '2026-01-01T00:00:00Z',
              assigneeEmployeeId: UUID,
              purpose: 'p',
              ticketId: BAD_ID,
            },
          },
        ],
      ],
      [
        'input.revisitId',
        () => [
          RECORD,
          {
            input: {
              revisitId: BAD_ID,
              ...version,
              revisitedAt: '2026-01-01T00:00:00Z',
              channel: 'PHONE',
              outcome: 'fine',
            },
          },
        ],
      ],
      ['input.revisitId', () => [CANCEL, { input: { revisitId: BAD_ID, ...version, reason: 'r' } }]],
      ['filter.customerId', () => [OVERDUE, { filter: { customerId: BAD_ID } }]],
      ['filter.assigneeEmployeeId', () => [OVERDUE, { filter: { assigneeEmployeeId: BAD_ID } }]],
      ['filter.customerId', () => [ACCESS_LOG, { filter: { customerId: BAD_ID } }]],
    ])('%s: BAD_USER_INPUT, nothing written', async (field, probe) => {
      const [query, variables] = probe();
      await expectRefused(query, variables, field);
    });

    it('an _entities representation with a bad id resolves to null without an error', async () => {
      const result = await h.gql(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id } } }`,
        {
          r: [
            { __typename: 'Customer', id: BAD_ID },
            { __typename: 'Customer', id: customerId },
          ],
        },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ _entities: [null, { id: customerId }] });
    });
  });

  describe('NUL in text', () => {
    const version = { expectedVersion: 1 };
    it.each<[string, () => [string, Record<string, unknown>]]>([
      ['code', () => [BY_CODE, { code: NUL }]],
      ['filter.text', () => [CUSTOMERS, { filter: { text: NUL } }]],
      ['filter.tags.0', () => [CUSTOMERS, { filter: { tags: [NUL] } }]],
      ['after', () => [CUSTOMERS, { after: NUL }]],
      ['input.code', () => [REGISTER, { input: { code: NUL, name: 'x', type: 'INDIVIDUAL' } }]],
      ['input.name', () => [REGISTER, { input: { code: 'NUL-1', name: NUL, type: 'INDIVIDUAL' } }]],
      [
        'input.tags.1',
        () => [REGISTER, { input: { code: 'NUL-1', name: 'x', type: 'INDIVIDUAL', tags: ['a', NUL] } }],
      ],
      [
        'input.language',
        () => [REGISTER, { input: { code: 'NUL-1', name: 'x', type: 'INDIVIDUAL', language: NUL } }],
      ],
      [
        'input.contacts.0.title',
        () => [
          REGISTER,
          {
            input: {
              code: 'NUL-1',
              name: 'x',
              type: 'INDIVIDUAL',
              contacts: [{ name: 'y', title: NUL, phone: '+8613812345678' }],
            },
          },
        ],
      ],
      ['input.name', () => [UPDATE, { input: { id: customerId, ...version, name: NUL } }]],
      ['input.reason', () => [TIER, { input: { id: customerId, ...version, tier: 'VIP', reason: NUL } }]],
      ['input.email', () => [ADD_CONTACT, { input: { customerId, ...version, name: 'x', email: NUL } }]],
      ['input.phone', () => [UPDATE_CONTACT, { input: { customerId, contactId, ...version, phone: NUL } }]],
      [
        'input.purpose',
        () => [
          SCHEDULE,
          { input: { customerId, dueAt: '2026-01-01T00:00:00Z', assigneeEmployeeId: UUID, purpose: NUL } },
        ],
      ],
      [
        'input.outcome',
        () => [
          RECORD,
          {
            input: {
              revisitId,
              ...version,
              revisitedAt: '2026-01-01T00:00:00Z',
              channel: 'PHONE',
              outcome: NUL,
            },
          },
        ],
      ],
      ['input.reason', () => [CANCEL, { input: { revisitId, ...version, reason: NUL } }]],
    ])('%s: BAD_USER_INPUT, nothing written', async (field, probe) => {
      const [query, variables] = probe();
      await expectRefused(query, variables, field);
    });
  });

  describe('cursors that did not come from the service', () => {
    const lists: [string, () => [string, Record<string, unknown>]][] = [
      ['customers', () => [CUSTOMERS, {}]],
      ['overdueRevisits', () => [OVERDUE, {}]],
      ['personalDataAccessLog', () => [ACCESS_LOG, {}]],
      ['Customer.revisits', () => [REVISITS_OF, { id: customerId }]],
      ['Customer.changeHistory', () => [HISTORY_OF, { id: customerId }]],
    ];
    const probes = lists.flatMap(([list, probe]) =>
      BAD_CURSORS.map(([kind, after]) => [list, kind, probe, after] as const),
    );

    it.each(probes)('%s after %s: BAD_USER_INPUT on after', async (_list, _kind, probe, after) => {
      const [query, variables] = probe();
      await expectRefused(query, { ...variables, after }, 'after');
    });

    it('a cursor of another order of the same list is refused too', async () => {
      const byCode = cursor(['CODE', 'HYG-1']);
      await expectRefused(
        `query ($after: String) { customers(orderBy: NAME, after: $after) { totalCount } }`,
        { after: byCode },
        'after',
      );
    });
  });

  describe('nested filters', () => {
    it.each<[string, string, Record<string, unknown>]>([
      ['filter.text', CUSTOMERS, { filter: { text: 'x'.repeat(101) } }],
      ['filter.tags', CUSTOMERS, { filter: { tags: ['#bad'] } }],
    ])('%s is validated: BAD_USER_INPUT', async (field, query, variables) => {
      await expectRefused(query, variables, field);
    });
  });
});
