// The kit end to end over real HTTP, with an in-memory repository (no database: this tests the kit).
import { createLogger } from '@opsgraph/observability';
import { Role } from '../auth/role';
import { createSubgraphServer, type SubgraphServer } from '../server/create-subgraph-server';
import { buildWidgetSchema, widgetContext, WidgetRepository } from './widget-subgraph.fixture';

const SECRET = 'test-gateway-secret';
const PREVIOUS_SECRET = 'previous-gateway-secret';
const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

describe('a subgraph built with the kit', () => {
  let server: SubgraphServer;
  let repository: WidgetRepository;
  let ready = true;
  const base = () => server.url.replace(/\/graphql$/, '');

  async function post(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = { 'x-opsgraph-gateway-secret': SECRET },
  ): Promise<{ status: number; body: GraphQLBody; headers: Headers }> {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      body: (await response.json()) as GraphQLBody,
      headers: response.headers,
    };
  }

  const asRole = (role: Role) => ({
    'x-opsgraph-gateway-secret': SECRET,
    'x-opsgraph-user-id': 'user-1',
    'x-opsgraph-role': role,
  });

  beforeAll(async () => {
    repository = new WidgetRepository(30);
    server = await createSubgraphServer({
      name: 'widgets',
      schema: await buildWidgetSchema(),
      port: 0,
      gatewaySecret: SECRET,
      previousGatewaySecret: PREVIOUS_SECRET,
      createContext: () => widgetContext(repository),
      readiness: async () => ready,
      logger: createLogger({ service: 'widgets', level: 'silent' }),
    });
  });

  afterAll(async () => {
    await server?.stop();
  });

  beforeEach(() => {
    repository.batchCalls.length = 0;
  });

  it('serves its subgraph SDL with @link and @key', async () => {
    const { status, body } = await post('{ _service { sdl } }');
    expect(status).toBe(200);
    const sdl = (body.data?._service as { sdl: string }).sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type Widget\s+@key\(fields: "id"\)/);
  });

  it('resolves several entity representations with ONE batch call', async () => {
    const { body } = await post(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Widget { id name createdAt } } }`,
      {
        representations: [
          { __typename: 'Widget', id: ID(3) },
          { __typename: 'Widget', id: ID(1) },
          { __typename: 'Widget', id: 'missing' },
          { __typename: 'Widget', id: ID(2) },
        ],
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([
      { id: ID(3), name: 'widget 3', createdAt: '2024-01-01T00:02:00.000Z' },
      { id: ID(1), name: 'widget 1', createdAt: '2024-01-01T00:00:00.000Z' },
      null,
      { id: ID(2), name: 'widget 2', createdAt: '2024-01-01T00:01:00.000Z' },
    ]);
    // 'missing' is not a UUID: it resolves to null without reaching the repository.
    expect(repository.batchCalls).toEqual([[ID(3), ID(1), ID(2)]]);
  });

  it('rejects a call without the gateway secret with 401 UNAUTHENTICATED', async () => {
    const missing = await post('{ _service { sdl } }', {}, {});
    expect(missing.status).toBe(401);
    expect(missing.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(missing.body.data).toBeUndefined();
    const wrong = await post('{ _service { sdl } }', {}, { 'x-opsgraph-gateway-secret': 'guess' });
    expect(wrong.status).toBe(401);
  });

  it('accepts the previous gateway secret too while a rotation is under way', async () => {
    const previous = await post('{ _service { sdl } }', {}, { 'x-opsgraph-gateway-secret': PREVIOUS_SECRET });
    expect(previous.status).toBe(200);
    expect(previous.body.errors).toBeUndefined();
  });

  it('pages a connection with opaque cursors', async () => {
    const query = `query ($after: String) { widgets(first: 12, minSize: 2, after: $after) {
      totalCount edges { cursor node { id size } } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      totalCount: number;
      edges: { node: { id: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    const first = (await post(query)).body.data?.widgets as Page;
    expect(first.totalCount).toBe(27);
    expect(first.edges).toHaveLength(12);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const seen = new Set(first.edges.map((edge) => edge.node.id));
    let after = first.pageInfo.endCursor;
    let hasNextPage = true;
    while (hasNextPage) {
      const page = (await post(query, { after })).body.data?.widgets as Page;
      page.edges.forEach((edge) => seen.add(edge.node.id));
      ({ hasNextPage, endCursor: after } = page.pageInfo);
    }
    expect(seen.size).toBe(27);
  });

  it('caps the page size and rejects malformed cursors with BAD_USER_INPUT and the field', async () => {
    const tooMany = await post('{ widgets(first: 101) { totalCount } }');
    expect(tooMany.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badCursor = await post('{ widgets(after: "%%%") { totalCount } }');
    expect(badCursor.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('creates a widget for an allowed role', async () => {
    const { body } = await post(
      'mutation ($input: CreateWidgetInput!) { createWidget(input: $input) { name size ownerRole } }',
      { input: { name: 'gear', size: 3 } },
      asRole(Role.OPS_MANAGER),
    );
    expect(body).toEqual({ data: { createWidget: { name: 'gear', size: 3, ownerRole: 'OPS_MANAGER' } } });
  });

  it('returns BAD_USER_INPUT with the field for input that breaks the class-validator rules', async () => {
    const mutation = 'mutation ($input: CreateWidgetInput!) { createWidget(input: $input) { id } }';
    const short = await post(mutation, { input: { name: 'ab', size: 3 } }, asRole(Role.ADMIN));
    expect(short.body.errors?.[0]).toMatchObject({
      message: 'name must be longer than or equal to 3 characters',
      path: ['createWidget'],
      extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
    });
    const big = await post(
      mutation,
      { input: { name: 'abc', size: 11, tags: ['a', 'b', 'c', 'd'] } },
      asRole(Role.ADMIN),
    );
    expect(big.body.errors?.[0].extensions?.violations).toEqual([
      { field: 'input.size', message: 'size must not be greater than 10' },
      { field: 'input.tags', message: 'tags must contain no more than 3 elements' },
    ]);
  });

  it("keeps Apollo's codes for GraphQL validation and variable coercion errors", async () => {
    const unknownField = await post('{ widget(id: "x") { colour } }');
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const badVariable = await post('query ($size: Int!) { widgets(first: $size) { totalCount } }', {
      size: 'big',
    });
    expect(badVariable.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers UNAUTHENTICATED and FORBIDDEN for @Authorized mutations', async () => {
    const mutation = 'mutation { createWidget(input: { name: "gear", size: 1 }) { id } }';
    const anonymous = await post(mutation);
    expect(anonymous.body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    const agent = await post(mutation, {}, asRole(Role.AGENT));
    expect(agent.body.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('returns NOT_FOUND as is and hides unexpected errors and their stack traces', async () => {
    const notFound = await post(`{ widget(id: "${ID(999)}") { id } }`);
    expect(notFound.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const boom = await post('{ explode }');
    expect(boom.body.errors).toEqual([
      {
        message: 'Internal server error',
        locations: [{ line: 1, column: 3 }],
        path: ['explode'],
        extensions: { code: 'INTERNAL' },
      },
    ]);
    expect(JSON.stringify(boom.body)).not.toContain('hunter2');
  });

  it('propagates the correlation id and makes one when missing', async () => {
    const given = await post(
      '{ _service { sdl } }',
      {},
      { 'x-opsgraph-gateway-secret': SECRET, 'x-correlation-id': 'corr-42' },
    );
    expect(given.headers.get('x-correlation-id')).toBe('corr-42');
    const made = await post('{ _service { sdl } }');
    expect(made.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses bodies above the limit with 413', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-opsgraph-gateway-secret': SECRET },
      body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(1024 * 1024)}` }),
    });
    expect(response.status).toBe(413);
  });

  it('answers liveness, readiness and metrics', async () => {
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    expect((await fetch(`${base()}/readyz`)).status).toBe(200);
    ready = false;
    expect((await fetch(`${base()}/readyz`)).status).toBe(503);
    ready = true;
    const metrics = await fetch(`${base()}/metrics`);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toMatch(
      /http_request_duration_seconds_count\{subgraph="widgets",method="POST",route="\/graphql",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /graphql_resolver_errors_total\{subgraph="widgets",field="explode",code="INTERNAL"\} 1/,
    );
    expect(text).toContain('process_cpu_user_seconds_total');
  });
});
