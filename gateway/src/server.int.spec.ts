import { waitFor } from '@opsgraph/testing';
import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { DEFAULT_JWT_SECRET } from './config';
import { signLocalToken } from './auth/sign';
import { createGateway, type RunningGateway } from './server';
import { composeFakes, startAlpha, startBeta, type FakeSubgraph } from './test-support/fake-subgraphs';
import { testGatewayConfig } from './test-support/gateway-config';
import { codes, post } from './test-support/graphql-client';

// The gateway over two real (fake-domain) subgraph servers: auth, claim headers, limits, APQ, CSRF, health, metrics,
// timeouts and a subgraph going down.
let alpha: FakeSubgraph;
let beta: FakeSubgraph;
let gateway: RunningGateway;
let agentToken: string;

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  [alpha, beta] = await Promise.all([startAlpha(), startBeta()]);
  gateway = await createGateway(
    testGatewayConfig(composeFakes(alpha, beta), { subgraphTimeouts: { beta: 500 } }),
  );
  agentToken = await signLocalToken(
    { sub: 'user-1', role: 'AGENT', employeeId: 'emp-1', departmentId: 'dep-1' },
    DEFAULT_JWT_SECRET,
  );
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all([alpha?.stop(), beta?.stop()]);
});

describe('authentication', () => {
  it('answers 401 UNAUTHENTICATED without a token, and nothing reaches a subgraph', async () => {
    const before = alpha.calls;
    const reply = await post(gateway.url, { query: '{ whoami { role } }' });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toBe('Bearer');
    expect(codes(reply)).toEqual(['UNAUTHENTICATED']);
    expect(alpha.calls).toBe(before);
  });

  it.each([
    [
      'a token signed with another secret',
      () => signLocalToken({ sub: 'u', role: 'ADMIN' }, 'not-the-secret'),
    ],
    ['an expired token', () => signLocalToken({ sub: 'u', role: 'ADMIN' }, DEFAULT_JWT_SECRET, -60)],
    [
      'a token with an unknown role',
      () =>
        new SignJWT({ role: 'GOD' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('u')
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(DEFAULT_JWT_SECRET)),
    ],
    [
      'a CUSTOMER token without customerId',
      () => signLocalToken({ sub: 'u', role: 'CUSTOMER' }, DEFAULT_JWT_SECRET),
    ],
    [
      'an unsigned token',
      async () =>
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"u","role":"ADMIN","exp":9999999999}').toString('base64url')}.`,
    ],
  ])('answers 401 for %s', async (_label, makeToken) => {
    const reply = await post(gateway.url, { query: '{ whoami { role } }' }, auth(await makeToken()));
    expect(reply.status).toBe(401);
    expect(codes(reply)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers 401 for an Authorization header that is not a bearer token', async () => {
    const reply = await post(gateway.url, { query: '{ whoami { role } }' }, { authorization: 'Basic dTpw' });
    expect(reply.status).toBe(401);
  });
});

describe('claims forwarded to subgraphs', () => {
  it('sends the verified claims, the correlation id and the secret', async () => {
    const reply = await post(
      gateway.url,
      { query: '{ whoami { userId role employeeId departmentId customerId correlationId } }' },
      { ...auth(agentToken), 'x-correlation-id': 'corr-123' },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({
      whoami: {
        userId: 'user-1',
        role: 'AGENT',
        employeeId: 'emp-1',
        departmentId: 'dep-1',
        customerId: null,
        correlationId: 'corr-123',
      },
    });
    expect(reply.headers.get('x-correlation-id')).toBe('corr-123');
  });

  it('ignores claim headers forged by the client', async () => {
    const reply = await post<{
      whoami: { role: string; userId: string; customerId: string | null; opsgraphHeaders: string[] };
    }>(
      gateway.url,
      { query: '{ whoami { role userId customerId opsgraphHeaders } }' },
      {
        ...auth(agentToken),
        'x-opsgraph-role': 'ADMIN',
        'x-opsgraph-user-id': 'someone-else',
        'x-opsgraph-customer-id': 'c-forged',
        'x-opsgraph-gateway-secret': 'guess',
        'x-opsgraph-anything': 'x',
      },
    );
    expect(reply.body.data?.whoami).toMatchObject({ role: 'AGENT', userId: 'user-1', customerId: null });
    expect(reply.body.data?.whoami.opsgraphHeaders.sort()).toEqual([
      'x-opsgraph-department-id',
      'x-opsgraph-employee-id',
      'x-opsgraph-gateway-secret',
      'x-opsgraph-role',
      'x-opsgraph-user-id',
    ]);
  });

  it('resolves an entity across both subgraphs', async () => {
    const reply = await post(
      gateway.url,
      { query: '{ widget(id: "w2") { name rating parent { name rating } } }' },
      auth(agentToken),
    );
    expect(reply.body).toEqual({
      data: { widget: { name: 'Widget 2', rating: 2, parent: { name: 'Widget 1', rating: 1 } } },
    });
  });
});

describe('limits, refused before the query planner', () => {
  const nest = (levels: number) =>
    `{ widget(id: "w1") ${'{ parent '.repeat(levels - 2)}{ id }${' }'.repeat(levels - 2)} }`;

  async function refused(body: unknown) {
    const before = alpha.calls + beta.calls;
    const reply = await post(gateway.url, body, auth(agentToken));
    expect(alpha.calls + beta.calls).toBe(before);
    return reply;
  }

  it('accepts depth 12 and refuses depth 13', async () => {
    expect((await post(gateway.url, { query: nest(12) }, auth(agentToken))).body.errors).toBeUndefined();
    const reply = await refused({ query: nest(13) });
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit: 'depth',
      max: 12,
      actual: 13,
    });
  });

  it('refuses more than 30 aliases', async () => {
    const fields = Array.from({ length: 31 }, (_, i) => `a${i}: whoami { role }`).join(' ');
    const reply = await refused({ query: `{ ${fields} }` });
    expect(reply.body.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit: 'aliases',
      actual: 31,
    });
  });

  it('refuses a query whose cost (fields × page sizes) exceeds 5,000', async () => {
    const reply = await refused({ query: '{ widgets(first: 1000) { id name level parent { id name } } }' });
    expect(reply.body.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit: 'cost',
      actual: 6001,
    });
  });

  it('measures fragment bombs by what they expand to', async () => {
    const fragments = ['fragment F0 on Widget { id name }'];
    for (let i = 1; i <= 14; i++)
      fragments.push(`fragment F${i} on Widget { ...F${i - 1} parent { ...F${i - 1} } }`);
    const reply = await refused({ query: `{ widget(id: "w1") { ...F14 } } ${fragments.join(' ')}` });
    expect(codes(reply)).toContain('QUERY_LIMIT_EXCEEDED');
  });

  it('refuses more than 2,000 tokens', async () => {
    const fields = Array.from({ length: 2_100 }, () => 'id').join(' ');
    const reply = await refused({ query: `{ widgets { ${fields} } }` });
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit: 'tokens',
      max: 2000,
    });
  });

  it('answers 413 for a body over 1 MB (here 10 MB)', async () => {
    const reply = await refused({
      query: '{ whoami { role } }',
      variables: { padding: 'x'.repeat(10 * 1024 * 1024) },
    });
    expect(reply.status).toBe(413);
    expect(codes(reply)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('answers 413 for a streamed body (no Content-Length) once it passes 1 MB', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0)
          controller.enqueue(new TextEncoder().encode('{"query":"{ whoami { role } }","variables":{"p":"'));
        if (sent >= 40) controller.close();
        else controller.enqueue(chunk);
        sent += 1;
      },
    });
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(agentToken) },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    const reply = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(reply.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 400 BAD_REQUEST for malformed JSON', async () => {
    const reply = await refused('{"query": ');
    expect(reply.status).toBe(400);
    expect(codes(reply)).toEqual(['BAD_REQUEST']);
  });

  it('answers an invalid enum value with a validation error and does not run it', async () => {
    const reply = await refused({ query: '{ byLevel(level: MEDIUM) { id } }' });
    expect(reply.status).toBe(400);
    expect(codes(reply)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('protocol', () => {
  it('supports automatic persisted queries', async () => {
    const query = '{ widget(id: "w3") { name } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    expect(codes(await post(gateway.url, { extensions }, auth(agentToken)))).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
    expect((await post(gateway.url, { query, extensions }, auth(agentToken))).body.data).toEqual({
      widget: { name: 'Widget 3' },
    });
    expect((await post(gateway.url, { extensions }, auth(agentToken))).body.data).toEqual({
      widget: { name: 'Widget 3' },
    });
  });

  it('prevents CSRF: a simple GET without a preflight header is refused', async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ whoami { role } }')}`, {
      headers: auth(agentToken),
    });
    expect(response.status).toBe(400);
    const preflighted = await fetch(`${gateway.url}?query=${encodeURIComponent('{ whoami { role } }')}`, {
      headers: { ...auth(agentToken), 'apollo-require-preflight': 'true' },
    });
    expect(await preflighted.json()).toEqual({ data: { whoami: { role: 'AGENT' } } });
  });

  it('serves the local landing page to a browser without a token (operations still need one)', async () => {
    const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('serves /healthz, /readyz and /metrics without a token', async () => {
    const base = gateway.url.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', subgraphs: { alpha: 'up', beta: 'up' } });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('gateway_http_request_duration_seconds_bucket');
    expect(metrics).toMatch(/gateway_graphql_errors_total\{code="UNAUTHENTICATED"\} [1-9]/);
    expect(metrics).toMatch(/gateway_graphql_errors_total\{code="QUERY_LIMIT_EXCEEDED"\} [1-9]/);
  });

  it("times an operation's own work apart from the subgraph calls it waits for", async () => {
    const base = gateway.url.replace('/graphql', '');
    const bucket = async (metric: string, le: string) => {
      const text = await (await fetch(`${base}/metrics`)).text();
      const line = text.split('\n').find((entry) => entry.startsWith(`${metric}_bucket{le="${le}"`));
      return Number(line?.split(' ').pop());
    };
    const before = {
      selfFast: await bucket('gateway_self_time_seconds', '0.25'),
      selfAll: await bucket('gateway_self_time_seconds', '+Inf'),
    };
    // 300 ms in beta (its timeout is 500 ms): the request takes longer than that, the gateway's own part does not.
    const reply = await post(gateway.url, { query: '{ slow(ms: 300) }' }, auth(agentToken));
    expect(reply.body).toEqual({ data: { slow: 'done' } });
    expect(await bucket('gateway_self_time_seconds', '+Inf')).toBe(before.selfAll + 1);
    expect(await bucket('gateway_self_time_seconds', '0.25')).toBe(before.selfFast + 1);
  });
});

describe('a slow or stopped subgraph degrades only its own fields', () => {
  it('times a slow subgraph out and keeps the other fields', async () => {
    const reply = await post(gateway.url, { query: '{ whoami { role } slow(ms: 1000) }' }, auth(agentToken));
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({ whoami: { role: 'AGENT' }, slow: null });
    expect(codes(reply)).toEqual(['SUBGRAPH_TIMEOUT']);
  });

  it('answers with partial data and a coded error when a subgraph is down', async () => {
    await beta.stop();
    const reply = await post(
      gateway.url,
      { query: '{ widgets(first: 2) { id name rating } }' },
      auth(agentToken),
    );
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({
      widgets: [
        { id: 'w1', name: 'Widget 1', rating: null },
        { id: 'w2', name: 'Widget 2', rating: null },
      ],
    });
    expect(codes(reply)).toEqual(['SUBGRAPH_UNAVAILABLE']);

    // Readiness is cached for a second.
    const readiness = await waitFor(
      async () => {
        const ready = await fetch(gateway.url.replace('/graphql', '/readyz'));
        return { status: ready.status, body: (await ready.json()) as { status: string } };
      },
      (ready) => ready.body.status !== 'ready',
      { timeoutMs: 5_000, what: 'readiness to notice the stopped subgraph' },
    );
    expect(readiness).toEqual({
      status: 200,
      body: { status: 'degraded', subgraphs: { alpha: 'up', beta: 'down' } },
    });
  });
});

describe('production mode', () => {
  let production: RunningGateway;
  beforeAll(async () => {
    production = await createGateway(
      testGatewayConfig(composeFakes(alpha, { ...beta, url: 'http://127.0.0.1:9/graphql' }), {
        production: true,
      }),
    );
  });
  afterAll(() => production?.stop());

  it('has no landing page: a browser without a token gets 401', async () => {
    expect((await fetch(production.url, { headers: { accept: 'text/html' } })).status).toBe(401);
  });

  it('refuses introspection and hides field suggestions', async () => {
    const introspection = await post(
      production.url,
      { query: '{ __schema { types { name } } }' },
      auth(agentToken),
    );
    expect(introspection.status).toBe(400);
    expect(introspection.body.errors?.[0].message).toMatch(/introspection/i);

    const typo = await post(production.url, { query: '{ whoam { role } }' }, auth(agentToken));
    expect(codes(typo)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(typo.body.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});
