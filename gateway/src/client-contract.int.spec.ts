import { createHash } from 'node:crypto';
import { DEFAULT_JWT_SECRET } from './config';
import { signLocalToken } from './auth/sign';
import { createGateway, type RunningGateway } from './server';
import { composeFakes, startAlpha, startBeta, type FakeSubgraph } from './test-support/fake-subgraphs';
import { testGatewayConfig } from './test-support/gateway-config';
import type { GatewayConfig } from './config';
import { codes, post } from './test-support/graphql-client';

// What browser and mobile clients rely on besides the schema: CORS for Apollo Client's headers, the explorer and
// introspection switches, persisted-query errors with client codes, and the trusted-documents mode.
let alpha: FakeSubgraph;
let beta: FakeSubgraph;
let supergraph: string;
let token: string;
const started: RunningGateway[] = [];

const auth = () => ({ authorization: `Bearer ${token}` });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const start = async (overrides: Partial<GatewayConfig>) => {
  const gateway = await createGateway(testGatewayConfig(supergraph, overrides));
  started.push(gateway);
  return gateway;
};

beforeAll(async () => {
  [alpha, beta] = await Promise.all([startAlpha(), startBeta()]);
  supergraph = composeFakes(alpha, beta);
  token = await signLocalToken(
    { sub: 'user-1', role: 'AGENT', employeeId: 'emp-1', departmentId: 'dep-1' },
    DEFAULT_JWT_SECRET,
  );
});

afterAll(async () => {
  await Promise.all(started.map((gateway) => gateway.stop()));
  await Promise.all([alpha?.stop(), beta?.stop()]);
});

describe('CORS', () => {
  it("lets Apollo Client's and W3C trace headers through a preflight", async () => {
    const gateway = await start({ corsOrigins: ['https://console.example'] });
    const response = await fetch(gateway.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://console.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://console.example');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
    expect(allowed).toEqual(
      expect.arrayContaining([
        'apollographql-client-name',
        'apollographql-client-version',
        'traceparent',
        'authorization',
      ]),
    );
  });
});

describe('introspection and explorer switch independently of NODE_ENV', () => {
  const introspect = (url: string) => post(url, { query: '{ __schema { queryType { name } } }' }, auth());
  const landing = (url: string) => fetch(url, { headers: { accept: 'text/html' } });

  it('production with both switched on', async () => {
    const gateway = await start({ production: true, introspection: true, explorer: true });
    expect((await introspect(gateway.url)).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await landing(gateway.url)).status).toBe(200);
  });

  it('development with both switched off', async () => {
    const gateway = await start({ production: false, introspection: false, explorer: false });
    const refused = await introspect(gateway.url);
    expect(refused.status).toBe(400);
    expect(codes(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refused.body.errors?.[0].message).toMatch(/introspection/i);
    expect((await landing(gateway.url)).status).toBe(401);
  });

  it('each on its own: introspection without the explorer', async () => {
    const gateway = await start({ production: true, introspection: true, explorer: false });
    expect((await introspect(gateway.url)).status).toBe(200);
    expect((await landing(gateway.url)).status).toBe(401);
  });
});

describe('persisted queries', () => {
  const query = '{ widget(id: "w1") { name } }';

  it.each([false, true])(
    'a hash that does not match the query is a client error (production: %s)',
    async (production) => {
      const gateway = await start({ production });
      const reply = await post(
        gateway.url,
        { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ other }') } } },
        auth(),
      );
      expect(reply.status).toBe(400);
      expect(codes(reply)).toEqual(['PERSISTED_QUERY_HASH_MISMATCH']);
    },
  );

  describe('trusted documents mode', () => {
    const listed = '{ widget(id: "w2") { name } }';
    let gateway: RunningGateway;
    beforeAll(async () => {
      gateway = await start({ trustedDocuments: new Map([[sha256(listed), listed]]) });
    });

    it('runs a listed operation sent by hash only, by POST and by GET', async () => {
      const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(listed) } };
      expect((await post(gateway.url, { extensions }, auth())).body).toEqual({
        data: { widget: { name: 'Widget 2' } },
      });
      const get = await fetch(`${gateway.url}?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, {
        headers: { ...auth(), 'apollo-require-preflight': 'true' },
      });
      expect(await get.json()).toEqual({ data: { widget: { name: 'Widget 2' } } });
    });

    it('runs a listed operation sent in full', async () => {
      expect((await post(gateway.url, { query: listed }, auth())).body).toEqual({
        data: { widget: { name: 'Widget 2' } },
      });
    });

    it('refuses an unlisted operation, in full or registered by APQ, before any subgraph sees it', async () => {
      const before = alpha.calls;
      for (const body of [
        { query },
        { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } },
      ]) {
        const reply = await post(gateway.url, body, auth());
        expect(reply.status).toBe(400);
        expect(codes(reply)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
      }
      expect(alpha.calls).toBe(before);
    });
  });
});
