import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEFAULT_GATEWAY_SECRET, DEFAULT_JWT_SECRET, loadConfig } from './config';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-config-'));
const supergraph = path.join(dir, 'supergraph.graphql');
fs.writeFileSync(supergraph, 'schema { query: Query }');
const base = { SUPERGRAPH_PATH: supergraph };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('has local defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      port: 4000,
      production: false,
      jwtSecret: DEFAULT_JWT_SECRET,
      gatewaySecret: DEFAULT_GATEWAY_SECRET,
      supergraphSdl: 'schema { query: Query }',
      subgraphUrls: {},
      subgraphTimeoutMs: 10_000,
      limits: { maxDepth: 12, maxAliases: 30, maxCost: 5_000, maxTokens: 2_000, maxBodyBytes: 1_048_576 },
      corsOrigins: [],
    });
  });

  it('refuses the local, placeholder and short secrets in production', () => {
    const strong = 'S9x2-kq8Lr0vW3n7Zt5Yb1Hc6Jd4Mf8Pg';
    const production = { ...base, NODE_ENV: 'production' };
    expect(() => loadConfig({ ...production, GATEWAY_SECRET: strong })).toThrow(/JWKS_URL/);
    expect(() => loadConfig({ ...production, JWKS_URL: 'https://idp/jwks' })).toThrow(
      /GATEWAY_SECRET must be set/,
    );
    expect(() =>
      loadConfig({ ...production, JWKS_URL: 'https://idp/jwks', GATEWAY_SECRET: 'change-me' }),
    ).toThrow(/GATEWAY_SECRET is a well-known placeholder/);
    expect(() =>
      loadConfig({ ...production, GATEWAY_SECRET: strong, JWT_SECRET: 'short-but-unique' }),
    ).toThrow(/JWT_SECRET is shorter than 32 characters/);
    expect(() =>
      loadConfig({ ...production, GATEWAY_SECRET: strong, JWT_SECRET: DEFAULT_JWT_SECRET }),
    ).toThrow(ConfigError);
    expect(
      loadConfig({ ...production, JWKS_URL: 'https://idp/jwks', GATEWAY_SECRET: strong }).production,
    ).toBe(true);
    expect(loadConfig({ ...production, GATEWAY_SECRET: strong, JWT_SECRET: `${strong}!` }).jwtSecret).toBe(
      `${strong}!`,
    );
  });

  it('re-points subgraphs from a list file and from SUBGRAPH_URL_<NAME>', () => {
    const list = path.join(dir, 'subgraphs.json');
    fs.writeFileSync(
      list,
      JSON.stringify({ subgraphs: [{ name: 'ticket', url: 'http://ticket:4000/graphql', timeoutMs: 3000 }] }),
    );
    const config = loadConfig({
      ...base,
      SUBGRAPHS_FILE: list,
      SUBGRAPH_URL_HR_PERFORMANCE: 'http://hr:4000/graphql',
    });
    expect(config.subgraphUrls).toEqual({
      ticket: 'http://ticket:4000/graphql',
      'hr-performance': 'http://hr:4000/graphql',
    });
    expect(config.subgraphTimeouts).toEqual({ ticket: 3000 });
  });

  it('explains bad values', () => {
    expect(() => loadConfig({ ...base, MAX_QUERY_DEPTH: 'deep' })).toThrow(ConfigError);
    expect(() => loadConfig({ SUPERGRAPH_PATH: path.join(dir, 'missing.graphql') })).toThrow(
      /gateway:compose/,
    );
  });
});

describe('SUBGRAPHS_URL_TEMPLATE', () => {
  const withGraphs = path.join(dir, 'two-graphs.graphql');
  fs.writeFileSync(
    withGraphs,
    [
      'enum join__Graph {',
      '  HR_PERFORMANCE @join__graph(name: "hr-performance", url: "http://127.0.0.1:4103/graphql")',
      '  TICKET @join__graph(name: "ticket", url: "http://127.0.0.1:4101/graphql")',
      '}',
    ].join('\n'),
  );

  it('points every subgraph of the supergraph at its own host; a list file and SUBGRAPH_URL_<NAME> still win', () => {
    const template = 'http://{name}:4000/graphql';
    expect(
      loadConfig({ SUPERGRAPH_PATH: withGraphs, SUBGRAPHS_URL_TEMPLATE: template }).subgraphUrls,
    ).toEqual({
      'hr-performance': 'http://hr-performance:4000/graphql',
      ticket: 'http://ticket:4000/graphql',
    });
    const config = loadConfig({
      SUPERGRAPH_PATH: withGraphs,
      SUBGRAPHS_URL_TEMPLATE: template,
      SUBGRAPH_URL_TICKET: 'http://127.0.0.1:9999/graphql',
    });
    expect(config.subgraphUrls.ticket).toBe('http://127.0.0.1:9999/graphql');
  });

  it('explains a template without {name} or that makes no URL', () => {
    expect(() =>
      loadConfig({ SUPERGRAPH_PATH: withGraphs, SUBGRAPHS_URL_TEMPLATE: 'http://ticket:4000' }),
    ).toThrow(/must contain \{name\}/);
    expect(() => loadConfig({ SUPERGRAPH_PATH: withGraphs, SUBGRAPHS_URL_TEMPLATE: '{name}' })).toThrow(
      /does not make a URL: "hr-performance"/,
    );
  });

  it('switches introspection and the explorer independently of NODE_ENV', () => {
    expect(loadConfig(base)).toMatchObject({ introspection: true, explorer: true });
    const production = {
      ...base,
      NODE_ENV: 'production',
      JWT_SECRET: 'S9x2-kq8Lr0vW3n7Zt5Yb1Hc6Jd4Mf8Pg',
      GATEWAY_SECRET: 'Q7w-Er4Ty8Ui2Op6As0Df3Gh5Jk9Lz1Xc',
    };
    expect(loadConfig(production)).toMatchObject({ introspection: false, explorer: false });
    expect(loadConfig({ ...production, GRAPHQL_INTROSPECTION: 'true' })).toMatchObject({
      introspection: true,
      explorer: false,
    });
    expect(loadConfig({ ...base, GRAPHQL_EXPLORER: 'false' })).toMatchObject({
      introspection: true,
      explorer: false,
    });
    expect(() => loadConfig({ ...base, GRAPHQL_EXPLORER: 'maybe' })).toThrow(ConfigError);
  });

  it('reads trusted documents and refuses an entry whose key is not its sha256', () => {
    const text = '{ whoami { role } }';
    const hash = createHash('sha256').update(text).digest('hex');
    const good = path.join(dir, 'trusted.json');
    fs.writeFileSync(good, JSON.stringify({ [`sha256:${hash}`]: text }));
    expect(loadConfig(base).trustedDocuments).toBeUndefined();
    expect([...(loadConfig({ ...base, TRUSTED_DOCUMENTS: good }).trustedDocuments ?? [])]).toEqual([
      [hash, text],
    ]);
    const bad = path.join(dir, 'tampered.json');
    fs.writeFileSync(bad, JSON.stringify({ [hash]: '{ whoami { id } }' }));
    expect(() => loadConfig({ ...base, TRUSTED_DOCUMENTS: bad })).toThrow(/not the sha256/);
    expect(() => loadConfig({ ...base, TRUSTED_DOCUMENTS: path.join(dir, 'missing.json') })).toThrow(
      ConfigError,
    );
  });
});
