// The customer API end to end: createApp on a real PostgreSQL and Kafka, called over HTTP like the gateway does.
import { topicFor, topicName, validateEvent, type EventEnvelope } from '@opsgraph/contracts-events';
import { Role } from '@opsgraph/domain';
import { testCaller } from '@opsgraph/service-kit/testing';
import { waitFor } from '@opsgraph/testing';
import { AGENT, startCustomer, type CustomerHarness } from '../test-support/customer-test';
import { CustomerRepository } from './customer.repository';

const CUSTOMER_FIELDS = `id code name type tier tags preferredChannel language version
  consents { marketing surveys revisits } contacts { id name phone email isPrimary masked }`;
const REGISTER = `mutation ($input: RegisterCustomerInput!) { registerCustomer(input: $input) { ${CUSTOMER_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateCustomerInput!) { updateCustomer(input: $input) { ${CUSTOMER_FIELDS} } }`;
const MANAGER = testCaller(Role.OPS_MANAGER);

interface CustomerView {
  id: string;
  code: string;
  name: string;
  tier: string;
  tags: string[];
  version: number;
  language: string | null;
  contacts: { id: string; name: string; phone: string | null; email: string | null; isPrimary: boolean }[];
}

describe('customer subgraph', () => {
  let h: CustomerHarness;
  let counter = 0;

  const register = async (input: Record<string, unknown> = {}, caller = AGENT) => {
    counter += 1;
    const data = await h.ok<{ registerCustomer: CustomerView }>(
      REGISTER,
      { input: { code: `T-${counter}`, name: `Customer ${counter}`, type: 'ORGANIZATION', ...input } },
      caller,
    );
    return data.registerCustomer;
  };

  const count = async (table: string): Promise<number> =>
    Number((await h.app.dataSource.query(`select count(*)::int as n from ${table}`))[0].n);

  const outboxEvents = async (customerId: string): Promise<EventEnvelope[]> =>
    (
      await h.app.dataSource.query('select payload from outbox where aggregate_id = $1 order by id', [
        customerId,
      ])
    ).map((row: { payload: EventEnvelope }) => row.payload);

  beforeAll(async () => {
    h = await startCustomer('customer-api');
  });

  afterAll(async () => {
    await h?.stop();
  });

  describe('registration', () => {
    it('registers a customer with normalized values and contacts, an event without contact data, and an audit line', async () => {
      const customer = await register(
        {
          code: ' c-2026-0001 ',
          name: '  Harbour   Logistics ',
          tier: 'KEY_ACCOUNT',
          tags: ['Logistics', 'north region', 'logistics'],
          preferredChannel: 'EMAIL',
          language: 'zh-tw',
          consents: { revisits: true },
          contacts: [
            { name: 'Wang Fang', phone: '+86 138-1234-5678' },
            { name: 'Li Lei', email: 'Li.Lei@Example.COM', isPrimary: true },
          ],
        },
        MANAGER,
      );
      expect(customer).toMatchObject({
        code: 'C-2026-0001',
        name: 'Harbour Logistics',
        tier: 'KEY_ACCOUNT',
        tags: ['logistics', 'north region'],
        language: 'zh-TW',
        version: 1,
      });
      expect(customer.contacts).toEqual([
        expect.objectContaining({
          name: 'Li Lei',
          email: 'Li.Lei@example.com',
          phone: null,
          isPrimary: true,
        }),
        expect.objectContaining({ name: 'Wang Fang', phone: '+8613812345678', isPrimary: false }),
      ]);

      const [event] = await outboxEvents(customer.id);
      expect(validateEvent(event)).toMatchObject({ ok: true });
      expect(event).toMatchObject({
        type: 'customer.registered',
        aggregateVersion: 1,
        producer: 'customer',
        actor: { role: 'OPS_MANAGER' },
        data: { customerId: customer.id, code: 'C-2026-0001', tier: 'KEY_ACCOUNT', language: 'zh-TW' },
      });
      expect(JSON.stringify(event)).not.toMatch(/Wang|Li Lei|8613812345678|example\.com|consent/i);

      const history = await h.ok<{
        customer: { changeHistory: { edges: { node: Record<string, unknown> }[] } };
      }>(
        `query ($id: ID!) { customer(id: $id) { changeHistory { edges { node { action customerVersion actorRole changes { field from to } } } } } }`,
        { id: customer.id },
      );
      expect(history.customer.changeHistory.edges[0].node).toMatchObject({
        action: 'REGISTERED',
        customerVersion: 1,
        actorRole: 'OPS_MANAGER',
        changes: expect.arrayContaining([
          { field: 'code', from: null, to: 'C-2026-0001' },
          { field: 'contacts', from: null, to: '2' },
        ]),
      });
    });

    it('publishes the event to the customer topic through the relay', async () => {
      const customer = await register();
      await waitFor(
        () =>
          h.app.dataSource.query('select published_at from outbox where aggregate_id = $1', [customer.id]),
        (rows: { published_at: Date | null }[]) => rows.length === 1 && rows[0].published_at !== null,
        { what: 'customer.registered published' },
      );
      const topic = topicName(topicFor('customer'), h.kafka.namespace);
      const consumer = h.kafka.kafka.consumer({ groupId: `${h.kafka.namespace}.probe` });
      const seen: EventEnvelope[] = [];
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          seen.push(JSON.parse(String(message.value)));
        },
      });
      try {
        await waitFor(async () => seen.find((event) => event.aggregateId === customer.id), Boolean, {
          what: 'the event on the topic',
        });
      } finally {
        await consumer.disconnect();
      }
    });

    it.each([
      [{ contacts: [{ name: 'A', email: 'not-an-email' }] }, 'input.contacts.0.email'],
      [
        {
          contacts: [
            { name: 'A', email: 'a@example.com' },
            { name: 'B', phone: '12-34' },
          ],
        },
        'input.contacts.1.phone',
      ],
      [{ contacts: [{ name: 'A' }] }, 'input.contacts.0.phone'],
      [{ code: 'bad code!' }, 'input.code'],
      [{ language: 'klingon-language-x' }, 'input.language'],
      [{ tags: ['#x'] }, 'input.tags'],
    ])('refuses %p with BAD_USER_INPUT on %s and writes nothing', async (input, field) => {
      const before = await Promise.all(['customers', 'customer_contacts', 'outbox', 'audit_log'].map(count));
      const result = await h.gql(
        REGISTER,
        { input: { code: 'X-1', name: 'X', type: 'INDIVIDUAL', ...input } },
        AGENT,
      );
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await Promise.all(['customers', 'customer_contacts', 'outbox', 'audit_log'].map(count))).toEqual(
        before,
      );
    });

    it('refuses a duplicate code (whatever its case) with BAD_USER_INPUT on input.code and writes nothing', async () => {
      await register({ code: 'DUP-1' });
      const before = await Promise.all(['customers', 'outbox'].map(count));
      const result = await h.gql(
        REGISTER,
        { input: { code: 'dup-1', name: 'Other', type: 'INDIVIDUAL' } },
        AGENT,
      );
      expect(result.errors?.[0]).toMatchObject({
        message: 'customer code DUP-1 is already taken',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.code' },
      });
      expect(await Promise.all(['customers', 'outbox'].map(count))).toEqual(before);
    });

    it('lets exactly one of several concurrent registrations of a code win', async () => {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          h.gql(REGISTER, { input: { code: 'RACE-1', name: `Racer ${index}`, type: 'INDIVIDUAL' } }, AGENT),
        ),
      );
      expect(results.filter((result) => !result.errors)).toHaveLength(1);
      for (const result of results.filter((result) => result.errors)) {
        expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
      }
      expect(
        await h.app.dataSource.query(`select count(*)::int as n from customers where code = 'RACE-1'`),
      ).toEqual([{ n: 1 }]);
    });

    it('lets only managers register above STANDARD, and nobody anonymous', async () => {
      const agent = await h.gql(
        REGISTER,
        { input: { code: 'VIP-1', name: 'V', type: 'INDIVIDUAL', tier: 'VIP' } },
        AGENT,
      );
      expect(agent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const tech = await h.gql(
        REGISTER,
        { input: { code: 'T-X', name: 'V', type: 'INDIVIDUAL' } },
        testCaller(Role.TECHNICIAN),
      );
      expect(tech.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const anonymous = await h.gql(
        REGISTER,
        { input: { code: 'T-Y', name: 'V', type: 'INDIVIDUAL' } },
        null,
      );
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('changes', () => {
    it('updates with expectedVersion, reports the changed fields, and refuses a stale version with CONFLICT', async () => {
      const customer = await register({ language: 'en' });
      const updated = (
        await h.ok<{ updateCustomer: CustomerView }>(
          UPDATE,
          {
            input: {
              id: customer.id,
              expectedVersion: 1,
              name: 'Renamed Ltd.',
              tags: ['retail'],
              language: null,
            },
          },
          AGENT,
        )
      ).updateCustomer;
      expect(updated).toMatchObject({ name: 'Renamed Ltd.', tags: ['retail'], language: null, version: 2 });
      const events = await outboxEvents(customer.id);
      expect(events[1]).toMatchObject({
        type: 'customer.updated',
        aggregateVersion: 2,
        data: { changedFields: ['name', 'tags', 'language'] },
      });

      const stale = await h.gql(
        UPDATE,
        { input: { id: customer.id, expectedVersion: 1, name: 'Late' } },
        AGENT,
      );
      expect(stale.errors?.[0].extensions).toEqual({
        code: 'CONFLICT',
        expectedVersion: 1,
        actualVersion: 2,
      });

      const same = await h.ok<{ updateCustomer: CustomerView }>(
        UPDATE,
        { input: { id: customer.id, expectedVersion: 2, name: 'Renamed Ltd.' } },
        AGENT,
      );
      expect(same.updateCustomer.version).toBe(2);
      expect(await outboxEvents(customer.id)).toHaveLength(2);

      const missing = await h.gql(
        UPDATE,
        { input: { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1 } },
        AGENT,
      );
      expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const malformed = await h.gql(UPDATE, { input: { id: 'nope', expectedVersion: 1 } }, AGENT);
      expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    });

    it('refuses to take another customer’s code', async () => {
      const first = await register();
      const second = await register();
      const result = await h.gql(
        UPDATE,
        { input: { id: second.id, expectedVersion: 1, code: first.code.toLowerCase() } },
        AGENT,
      );
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    });

    it('changes the tier (managers only) with customer.tier_changed; the same tier is INVALID_TRANSITION', async () => {
      const customer = await register();
      const mutation = `mutation ($input: ChangeCustomerTierInput!) { changeCustomerTier(input: $input) { tier version } }`;
      const input = { id: customer.id, expectedVersion: 1, tier: 'VIP', reason: 'annual review' };
      expect((await h.gql(mutation, { input }, AGENT)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await h.ok(mutation, { input }, MANAGER)).toEqual({
        changeCustomerTier: { tier: 'VIP', version: 2 },
      });
      expect((await outboxEvents(customer.id))[1]).toMatchObject({
        type: 'customer.tier_changed',
        aggregateVersion: 2,
        data: { fromTier: 'STANDARD', toTier: 'VIP', reason: 'annual review', tier: 'VIP' },
      });
      const again = await h.gql(mutation, { input: { ...input, expectedVersion: 2 } }, MANAGER);
      expect(again.errors?.[0].extensions).toEqual({ code: 'INVALID_TRANSITION', currentState: 'VIP' });
    });

    it('manages contacts: one primary, promotion on removal, a means of contact required; audited by field name', async () => {
      const customer = await register({ contacts: [{ name: 'First', phone: '13812345678' }] });
      const add = `mutation ($input: AddCustomerContactInput!) { addCustomerContact(input: $input) { version contacts { id name isPrimary phone email } } }`;
      const added = (
        await h.ok<{ addCustomerContact: CustomerView }>(
          add,
          {
            input: {
              customerId: customer.id,
              expectedVersion: 1,
              name: 'Second',
              email: 's@example.com',
              isPrimary: true,
            },
          },
          AGENT,
        )
      ).addCustomerContact;
      expect(added.version).toBe(2);
      expect(added.contacts.map((c) => [c.name, c.isPrimary])).toEqual([
        ['Second', true],
        ['First', false],
      ]);

      const update = `mutation ($input: UpdateCustomerContactInput!) { updateCustomerContact(input: $input) { version contacts { name phone email isPrimary } } }`;
      const second = added.contacts[0];
      const noMeans = await h.gql(
        update,
        { input: { customerId: customer.id, contactId: second.id, expectedVersion: 2, email: null } },
        AGENT,
      );
      expect(noMeans.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phone' });
      const badPhone = await h.gql(
        update,
        { input: { customerId: customer.id, contactId: second.id, expectedVersion: 2, phone: 'call me' } },
        AGENT,
      );
      expect(badPhone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phone' });
      const unsetPrimary = await h.gql(
        update,
        { input: { customerId: customer.id, contactId: second.id, expectedVersion: 2, isPrimary: false } },
        AGENT,
      );
      expect(unsetPrimary.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.isPrimary',
      });
      const updated = await h.ok<{ updateCustomerContact: CustomerView }>(
        update,
        {
          input: {
            customerId: customer.id,
            contactId: second.id,
            expectedVersion: 2,
            phone: '+1 415 555 2671',
          },
        },
        AGENT,
      );
      expect(updated.updateCustomerContact).toMatchObject({ version: 3 });
      expect(updated.updateCustomerContact.contacts[0]).toMatchObject({
        phone: '+14155552671',
        email: 's@example.com',
      });

      const remove = `mutation ($input: RemoveCustomerContactInput!) { removeCustomerContact(input: $input) { version contacts { name isPrimary } } }`;
      const removed = await h.ok<{ removeCustomerContact: CustomerView }>(
        remove,
        { input: { customerId: customer.id, contactId: second.id, expectedVersion: 3 } },
        AGENT,
      );
      expect(removed.removeCustomerContact).toEqual({
        version: 4,
        contacts: [{ name: 'First', isPrimary: true }],
      });
      const gone = await h.gql(
        remove,
        { input: { customerId: customer.id, contactId: second.id, expectedVersion: 4 } },
        AGENT,
      );
      expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');

      // Contacts are personal data: no events, and the audit names the fields without their values.
      expect((await outboxEvents(customer.id)).map((event) => event.type)).toEqual(['customer.registered']);
      const audit: {
        action: string;
        changes: { field: string; from: string | null; to: string | null }[];
      }[] = await h.app.dataSource.query(
        `select action, changes -> 'fields' as changes from audit_log
         where aggregate_type = 'customer' and aggregate_id = $1 order by id`,
        [customer.id],
      );
      expect(audit.map((line) => line.action)).toEqual([
        'REGISTERED',
        'CONTACT_ADDED',
        'CONTACT_UPDATED',
        'CONTACT_REMOVED',
      ]);
      expect(audit[2].changes).toEqual([{ field: 'phone', from: null, to: null }]);
      expect(JSON.stringify(audit)).not.toMatch(/s@example|4155552671|13812345678/);
    });

    it('updates consents: staff, or the customer itself; other customers do not exist for it', async () => {
      const customer = await register();
      const other = await register();
      const mutation = `mutation ($input: UpdateCustomerConsentsInput!) { updateCustomerConsents(input: $input) { version consents { marketing surveys revisits } } }`;
      const self = testCaller(Role.CUSTOMER, { customerId: customer.id });
      expect(
        await h.ok(mutation, { input: { id: customer.id, expectedVersion: 1, surveys: true } }, self),
      ).toEqual({
        updateCustomerConsents: {
          version: 2,
          consents: { marketing: false, surveys: true, revisits: false },
        },
      });
      const foreign = await h.gql(
        mutation,
        { input: { id: other.id, expectedVersion: 1, surveys: true } },
        self,
      );
      expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await outboxEvents(customer.id)).map((event) => event.type)).toEqual(['customer.registered']);
    });
  });

  describe('search', () => {
    const SEARCH = `query ($filter: CustomerFilter, $orderBy: CustomerOrder, $first: Int, $after: String) {
      customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount edges { node { code name tier } } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      customers: {
        totalCount: number;
        edges: { node: { code: string; name: string; tier: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };

    beforeAll(async () => {
      for (let index = 1; index <= 23; index += 1) {
        await register(
          {
            code: `SRCH-${String(index).padStart(3, '0')}`,
            name: `${index % 2 ? 'Zephyr Shipping' : 'Zenith Retail'} ${index}`,
            tags: index % 3 === 0 ? ['search-tag', 'vip-candidate'] : ['search-tag'],
            tier: index % 5 === 0 ? 'KEY_ACCOUNT' : 'STANDARD',
          },
          MANAGER,
        );
      }
    });

    it('finds by part of the name (any case), by the start of the code, by tags and by tier', async () => {
      const byName = await h.ok<Page>(SEARCH, { filter: { text: 'zephyr ship' }, first: 100 });
      expect(byName.customers.totalCount).toBe(12);
      const byCode = await h.ok<Page>(SEARCH, { filter: { text: 'srch-00' }, first: 100 });
      expect(byCode.customers.edges.map((edge) => edge.node.code).sort()).toEqual(
        Array.from({ length: 9 }, (_, i) => `SRCH-00${i + 1}`),
      );
      const byTags = await h.ok<Page>(SEARCH, {
        filter: { tags: ['Search-Tag', 'vip-candidate'] },
        first: 100,
      });
      expect(byTags.customers.totalCount).toBe(7);
      const byTier = await h.ok<Page>(SEARCH, {
        filter: { tags: ['search-tag'], tiers: ['KEY_ACCOUNT'] },
        first: 100,
      });
      expect(byTier.customers.edges.map((edge) => edge.node.code).sort()).toEqual([
        'SRCH-005',
        'SRCH-010',
        'SRCH-015',
        'SRCH-020',
      ]);
      const wildcard = await h.ok<Page>(SEARCH, { filter: { text: '%' }, first: 100 });
      expect(wildcard.customers.totalCount).toBe(0);
    });

    it.each(['NAME', 'CODE', 'CREATED_AT'])(
      'pages through every match once, in %s order',
      async (orderBy) => {
        const seen: string[] = [];
        let after: string | null = null;
        let pages = 0;
        do {
          const page: Page = await h.ok<Page>(SEARCH, {
            filter: { tags: ['search-tag'] },
            orderBy,
            first: 5,
            after,
          });
          expect(page.customers.totalCount).toBe(23);
          seen.push(...page.customers.edges.map((edge) => edge.node.code));
          after = page.customers.pageInfo.hasNextPage ? page.customers.pageInfo.endCursor : null;
          pages += 1;
        } while (after);
        expect(pages).toBe(5);
        expect(new Set(seen).size).toBe(23);
        if (orderBy === 'CODE') expect(seen).toEqual([...seen].sort());
        if (orderBy === 'CREATED_AT') expect(seen[0]).toBe('SRCH-023');
      },
    );

    it('refuses a cursor of another order, a page above 100, and portal users', async () => {
      const byName = await h.ok<Page>(SEARCH, { first: 1 });
      const mixed = await h.gql(SEARCH, { orderBy: 'CODE', after: byName.customers.pageInfo.endCursor });
      expect(mixed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      const big = await h.gql(SEARCH, { first: 101 });
      expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      const portal = await h.gql(
        SEARCH,
        {},
        testCaller(Role.CUSTOMER, { customerId: '00000000-0000-4000-8000-000000000001' }),
      );
      expect(portal.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('is backed by the trigram index on name and the code index', async () => {
      const plan = await h.app.dataSource.transaction(async (manager) => {
        await manager.query('set local enable_seqscan = off');
        const rows: { 'QUERY PLAN': string }[] = await manager.query(
          `explain select * from customers where name ilike '%ephyr%' or code like 'SRCH-01%'`,
        );
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('customers_name_trgm_idx');
      expect(plan).toContain('customers_code_key');
    });
  });

  describe('federation', () => {
    const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { id code } } }`;

    it('resolves Customer representations in one batch; unknown, malformed and invisible ones are null', async () => {
      const first = await register();
      const second = await register();
      const spy = jest.spyOn(CustomerRepository.prototype, 'findByIds');
      try {
        const result = await h.ok<{ _entities: ({ id: string; code: string } | null)[] }>(ENTITIES, {
          representations: [
            { __typename: 'Customer', id: second.id },
            { __typename: 'Customer', id: '00000000-0000-4000-8000-000000000000' },
            { __typename: 'Customer', id: 'not-a-uuid' },
            { __typename: 'Customer', id: first.id },
          ],
        });
        expect(result._entities).toEqual([
          { id: second.id, code: second.code },
          null,
          null,
          { id: first.id, code: first.code },
        ]);
        expect(spy).toHaveBeenCalledTimes(1);
      } finally {
        spy.mockRestore();
      }
      const portal = await h.ok<{ _entities: unknown[] }>(
        ENTITIES,
        {
          representations: [
            { __typename: 'Customer', id: first.id },
            { __typename: 'Customer', id: second.id },
          ],
        },
        testCaller(Role.CUSTOMER, { customerId: first.id }),
      );
      expect(portal._entities).toEqual([{ id: first.id, code: first.code }, null]);
    });

    it('serves its SDL with Customer @key(fields: "id")', async () => {
      const { _service } = await h.ok<{ _service: { sdl: string } }>('{ _service { sdl } }');
      expect(_service.sdl).toMatch(/type Customer\s+@key\(fields: "id"\)/);
    });
  });

  describe('revisits', () => {
    const SCHEDULE = `mutation ($input: ScheduleRevisitInput!) { scheduleRevisit(input: $input) { id status version overdue } }`;
    const RECORD = `mutation ($input: RecordRevisitOutcomeInput!) { recordRevisitOutcome(input: $input) { id status version outcome revisitedAt } }`;
    const OVERDUE = `query ($filter: OverdueRevisitFilter) { overdueRevisits(filter: $filter, first: 50) { totalCount edges { node { id overdue dueAt customer { code tier } } } } }`;
    const ASSIGNEE = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';

    it('schedules for key accounts that consented, lists overdue ones, records the outcome as an event', async () => {
      const standard = await register({ consents: { revisits: true } });
      const keyAccount = await register({ tier: 'KEY_ACCOUNT', consents: { revisits: true } }, MANAGER);
      const noConsent = await register({ tier: 'VIP' }, MANAGER);
      const input = (customerId: string, dueAt: string) => ({
        customerId,
        dueAt,
        assigneeEmployeeId: ASSIGNEE,
        purpose: 'quarterly care call',
      });
      for (const customer of [standard, noConsent]) {
        const refused = await h.gql(SCHEDULE, { input: input(customer.id, '2026-12-01T00:00:00Z') }, AGENT);
        expect(refused.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'input.customerId',
        });
      }

      const past = new Date(Date.now() - 86_400_000).toISOString();
      const future = new Date(Date.now() + 86_400_000).toISOString();
      const due = (
        await h.ok<{ scheduleRevisit: { id: string; overdue: boolean } }>(
          SCHEDULE,
          { input: input(keyAccount.id, past) },
          AGENT,
        )
      ).scheduleRevisit;
      const later = (
        await h.ok<{ scheduleRevisit: { id: string } }>(
          SCHEDULE,
          { input: input(keyAccount.id, future) },
          AGENT,
        )
      ).scheduleRevisit;
      expect(due).toMatchObject({ status: 'SCHEDULED', version: 1, overdue: true });

      type Overdue = {
        overdueRevisits: {
          totalCount: number;
          edges: { node: { id: string; customer: { code: string } } }[];
        };
      };
      const overdue = await h.ok<Overdue>(
        OVERDUE,
        { filter: { assigneeEmployeeId: ASSIGNEE } },
        testCaller(Role.TECHNICIAN),
      );
      expect(overdue.overdueRevisits.edges.map((edge) => edge.node.id)).toEqual([due.id]);
      expect(overdue.overdueRevisits.edges[0].node.customer.code).toBe(keyAccount.code);

      const recordInput = {
        revisitId: due.id,
        expectedVersion: 1,
        revisitedAt: new Date().toISOString(),
        channel: 'PHONE',
        outcome: 'happy with the service; wants a review in spring',
        satisfied: true,
      };
      const leaky = await h.gql(
        RECORD,
        { input: { ...recordInput, outcome: 'call back on 138 1234 5678' } },
        AGENT,
      );
      expect(leaky.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.outcome' });
      const stranger = await h.gql(
        RECORD,
        { input: recordInput },
        testCaller(Role.TECHNICIAN, { employeeId: '11111111-2222-4333-8444-555555555555' }),
      );
      expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');

      const recorded = await h.ok<{ recordRevisitOutcome: { status: string; version: number } }>(
        RECORD,
        { input: recordInput },
        testCaller(Role.TECHNICIAN, { employeeId: ASSIGNEE }),
      );
      expect(recorded.recordRevisitOutcome).toMatchObject({ status: 'COMPLETED', version: 2 });
      const events = await outboxEvents(keyAccount.id);
      expect(events.at(-1)).toMatchObject({
        type: 'customer.revisit_recorded',
        aggregateVersion: 2,
        data: { revisitId: due.id, channel: 'PHONE', employeeId: ASSIGNEE, outcome: recordInput.outcome },
      });
      expect(validateEvent(events.at(-1))).toMatchObject({ ok: true });
      const customer = await h.ok<{ customer: { version: number; lastRevisitAt: string } }>(
        `query ($id: ID!) { customer(id: $id) { version lastRevisitAt } }`,
        { id: keyAccount.id },
      );
      expect(customer.customer).toEqual({ version: 2, lastRevisitAt: recordInput.revisitedAt });

      const twice = await h.gql(RECORD, { input: { ...recordInput, expectedVersion: 2 } }, AGENT);
      expect(twice.errors?.[0].extensions).toEqual({ code: 'INVALID_TRANSITION', currentState: 'COMPLETED' });
      expect(
        (await h.ok<Overdue>(OVERDUE, { filter: { assigneeEmployeeId: ASSIGNEE } })).overdueRevisits
          .totalCount,
      ).toBe(0);

      const cancel = `mutation ($input: CancelRevisitInput!) { cancelRevisit(input: $input) { status cancelReason } }`;
      expect(
        await h.ok(
          cancel,
          { input: { revisitId: later.id, expectedVersion: 1, reason: 'customer moved office' } },
          AGENT,
        ),
      ).toEqual({
        cancelRevisit: { status: 'CANCELLED', cancelReason: 'customer moved office' },
      });
      const revisits = await h.ok<{ customer: { revisits: { edges: { node: { status: string } }[] } } }>(
        `query ($id: ID!) { customer(id: $id) { revisits { edges { node { status } } } } }`,
        { id: keyAccount.id },
      );
      expect(revisits.customer.revisits.edges.map((edge) => edge.node.status)).toEqual([
        'CANCELLED',
        'COMPLETED',
      ]);
    });
  });
});
