import { topicFor, topicName, validateEvent, type EventEnvelope } from '@opsgraph/contracts-events';
import { createServiceHarness } from '@opsgraph/service-kit/testing';
import { waitFor } from '@opsgraph/testing';
import { randomUUID } from 'node:crypto';
import { subgraph } from '../subgraph';

interface Created {
  id: string;
  title: string;
  version: number;
  createdAt: string;
}

const CREATE = `mutation($input: CreateKpiInput!) { createKpi(input: $input) { id title version createdAt } }`;

describe('kpi subgraph: kpis (real PostgreSQL and Kafka)', () => {
  const start = () => createServiceHarness(subgraph, 'kpi-kpis');
  let harness: Awaited<ReturnType<typeof start>>;
  const count = async (table: string): Promise<number> =>
    (await harness.app.dataSource.query(`select count(*)::int as n from ${table}`))[0].n;
  const create = async (title: string): Promise<Created> =>
    (await harness.ok<{ createKpi: Created }>(CREATE, { input: { title } })).createKpi;

  beforeAll(async () => {
    harness = await start();
  });
  afterAll(() => harness?.stop());

  it('creates a kpi and reads it back by id, in the list and through _entities (one batch)', async () => {
    const created = await create('  Pump   station north ');
    expect(created).toMatchObject({ title: 'Pump station north', version: 1 });

    const byId = await harness.ok<{ kpi: Created | null }>(
      `query($id: ID!) { kpi(id: $id) { id title version createdAt } }`,
      { id: created.id },
    );
    expect(byId.kpi).toEqual(created);

    const entities = await harness.ok<{ _entities: (Created | null)[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Kpi { id title } } }`,
      {
        r: [
          { __typename: 'Kpi', id: created.id },
          { __typename: 'Kpi', id: randomUUID() },
        ],
      },
    );
    expect(entities._entities).toEqual([{ id: created.id, title: created.title }, null]);
  });

  it('lists newest first, a page at a time', async () => {
    const [, second, third] = [await create('one'), await create('two'), await create('three')];
    const LIST = `query($after: String) { kpis(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    type Page = {
      kpis: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { id: string } }[];
      };
    };
    const first = (await harness.ok<Page>(LIST)).kpis;
    expect(first.edges.map((edge) => edge.node.id)).toEqual([third.id, second.id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await harness.ok<Page>(LIST, { after: first.pageInfo.endCursor })).kpis;
    expect(next.edges).toHaveLength(2);
    expect(next.totalCount).toBe(first.totalCount);
  });

  it('publishes kpi.created, a valid contract event, on its topic', async () => {
    const created = await create('published');
    const topic = topicName(topicFor('kpi'), harness.kafka.namespace);
    const seen: EventEnvelope[] = [];
    const consumer = harness.kafka.kafka.consumer({ groupId: `${harness.kafka.namespace}.reader` });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => void seen.push(JSON.parse(String(message.value))),
      });
      const mine = (events: EventEnvelope[]) => events.find((event) => event.aggregateId === created.id);
      const event = mine(
        await waitFor(
          async () => seen,
          (events) => !!mine(events),
          { what: 'kpi.created' },
        ),
      )!;
      expect(validateEvent(event).ok).toBe(true);
      expect(event).toMatchObject({
        type: 'kpi.created',
        aggregateVersion: 1,
        producer: 'kpi',
        data: { kpiId: created.id, title: 'published', createdAt: created.createdAt },
      });
    } finally {
      await consumer.disconnect();
    }
  });

  it.each([
    ['a NUL in the title', { title: 'a\u0000b' }, 'input.title'],
    ['a blank title', { title: '   ' }, 'input.title'],
    ['a title too long', { title: 'x'.repeat(201) }, 'input.title'],
  ])('answers %s with BAD_USER_INPUT naming the field, and writes nothing', async (_what, input, field) => {
    const before = await Promise.all(['kpis', 'outbox', 'audit_log'].map(count));
    const result = await harness.gql(CREATE, { input });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await Promise.all(['kpis', 'outbox', 'audit_log'].map(count))).toEqual(before);
  });

  it('answers a bad id or cursor with BAD_USER_INPUT, never INTERNAL', async () => {
    const byId = await harness.gql(`{ kpi(id: "not-a-uuid") { id } }`);
    expect(byId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const forged = Buffer.from(JSON.stringify(['yesterday', 'not-a-uuid'])).toString('base64url');
    for (const after of ['%%%', forged]) {
      const page = await harness.gql(`query($after: String) { kpis(after: $after) { totalCount } }`, {
        after,
      });
      expect(page.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('refuses a caller without the permission', async () => {
    const result = await harness.gql(CREATE, { input: { title: 'nope' } }, { role: 'CUSTOMER' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
