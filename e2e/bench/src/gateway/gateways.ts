// The three gateways under test, each a child process with one worker, pinned to the same CPU:
//  - ours: gateway/src/main.ts as deployed (JWT auth, query limits, metrics, keep-alive agent), production mode;
//  - stock: @apollo/gateway in Apollo Server's standalone server, no plugins (stock-gateway.ts);
//  - hive: Hive Gateway from npm (@graphql-hive/gateway, installed on first use into .local/bench), `--fork 1`,
//    outbound request de-duplication off;
//  - hive-router: the same with `--hive-router-runtime` (@graphql-hive/router-runtime: Hive Router's Rust query
//    planner, a native addon shipped in its npm package, and its executor), installed beside it;
//  - baseline: the gateway/src/main.ts of a baseline tree (baseline.ts), started like ours with its own supergraph.
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { REGISTER, ROOT, spawnPinned, stopChild, TODAY, type SourceTree } from '../lib/child';
import { sleep } from '../lib/stats';
import type { SubgraphUrls } from './subgraph-host';
import { BENCH_GATEWAY_SECRET, BENCH_JWT_SECRET } from './subgraphs';

export type GatewayName = 'ours' | 'stock' | 'hive' | 'hive-router' | 'baseline';

export interface GatewayProcess {
  name: GatewayName;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export const HIVE_VERSION = '2.15.1';
export const HIVE_ROUTER_RUNTIME_VERSION = '1.4.23';
const HIVE_PREFIX = path.join(ROOT, '.local', 'bench');
const HIVE_BIN = path.join(HIVE_PREFIX, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');
const WORK_DIR = path.join(ROOT, 'dist', 'bench');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The committed supergraph (of `tree`: a baseline has its own) with each subgraph's URL replaced by the bench's. */
export function benchSupergraph(urls: SubgraphUrls, tree: SourceTree = TODAY): string {
  let sdl = fs.readFileSync(path.join(tree.root, 'gateway', 'supergraph.graphql'), 'utf8');
  for (const [name, url] of Object.entries(urls)) {
    sdl = sdl.replace(new RegExp(`(@join__graph\\(name: "${name}", url: )"[^"]*"`), `$1"${url}"`);
  }
  fs.mkdirSync(WORK_DIR, { recursive: true });
  const file = path.join(
    WORK_DIR,
    tree === TODAY ? 'supergraph.bench.graphql' : `supergraph.${tree.name}.graphql`,
  );
  fs.writeFileSync(file, sdl);
  return file;
}

const installedVersion = (name: string): string | undefined => {
  const file = path.join(HIVE_PREFIX, 'node_modules', '@graphql-hive', name, 'package.json');
  return fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version
    : undefined;
};

/**
 * Installs Hive Gateway and its Hive Router runtime into .local/bench once (about a minute), in one tree (the
 * gateway loads the runtime from there, with the same graphql); later runs reuse it.
 */
export function ensureHiveGateway(log: (line: string) => void): string {
  if (
    installedVersion('gateway') === HIVE_VERSION &&
    installedVersion('router-runtime') === HIVE_ROUTER_RUNTIME_VERSION
  )
    return HIVE_BIN;
  log(
    `installing @graphql-hive/gateway@${HIVE_VERSION} and @graphql-hive/router-runtime@${HIVE_ROUTER_RUNTIME_VERSION} ` +
      'into .local/bench (first run only)…',
  );
  fs.mkdirSync(HIVE_PREFIX, { recursive: true });
  execFileSync(
    'npm',
    [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--prefix',
      HIVE_PREFIX,
      `@graphql-hive/gateway@${HIVE_VERSION}`,
      `@graphql-hive/router-runtime@${HIVE_ROUTER_RUNTIME_VERSION}`,
      'graphql@16.12.0',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return HIVE_BIN;
}

/** Waits until the gateway answers `probe` with data and no errors. */
async function waitUntilServing(
  child: ChildProcess,
  url: string,
  probe: () => Promise<Response>,
  name: string,
): Promise<void> {
  const deadline = Date.now() + 90_000;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} gateway exited with ${child.exitCode}`);
    try {
      const response = await probe();
      const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
      if (response.ok && body.data && !body.errors) return;
      last = `HTTP ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`${name} gateway at ${url} did not answer: ${last}`);
}

export interface StartOptions {
  urls: SubgraphUrls;
  cpu: number | undefined;
  /** A request that must succeed before the gateway counts as started. */
  probe: (url: string) => Promise<Response>;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeFlags?: string[];
  /** startOurs: whose gateway (a baseline's gateway/src/main.ts; default this checkout's). */
  tree?: SourceTree;
}

function processOf(name: GatewayName, child: ChildProcess, url: string): GatewayProcess {
  return { name, url, pid: child.pid as number, stop: () => stopChild(child, 10_000) };
}

// The V8 heap cap the gateway runs with in deploy/k8s/base/gateway.yaml (NODE_OPTIONS: ¾ of its 768 Mi limit); V8
// sizes its heap, and so the RSS the bench judges, by it.
const AS_DEPLOYED = ['--max-old-space-size=576'];

/**
 * Our gateway, or with `options.tree` a baseline's (same node flags, env and supergraph handling, its own code and
 * committed supergraph; it reads SUPERGRAPH_PATH and SUBGRAPH_URL_* too).
 */
export async function startOurs(options: StartOptions): Promise<GatewayProcess> {
  const tree = options.tree ?? TODAY;
  const port = await freePort();
  const child = spawnPinned(
    options.cpu,
    process.execPath,
    [...AS_DEPLOYED, ...(options.nodeFlags ?? []), '-r', tree.register, 'gateway/src/main.ts'],
    {
      cwd: tree.root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        ...tree.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        JWT_SECRET: BENCH_JWT_SECRET,
        GATEWAY_SECRET: BENCH_GATEWAY_SECRET,
        SUBGRAPH_URL_TICKET: options.urls.ticket,
        SUBGRAPH_URL_CUSTOMER: options.urls.customer,
        SUBGRAPH_URL_HR_PERFORMANCE: options.urls['hr-performance'],
        ...(options.urls.kpi ? { SUBGRAPH_URL_KPI: options.urls.kpi } : {}),
        SUPERGRAPH_PATH: benchSupergraph(options.urls, tree),
      },
    },
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  const baseline = tree !== TODAY;
  await waitUntilServing(child, url, () => options.probe(url), baseline ? `the ${tree.name}` : 'our');
  return processOf(baseline ? 'baseline' : 'ours', child, url);
}

export async function startStock(options: StartOptions): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawnPinned(
    options.cpu,
    process.execPath,
    [...(options.nodeFlags ?? []), '-r', REGISTER, path.join(__dirname, 'stock-gateway.ts')],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        // No reporting to Apollo's servers from a benchmark (an environment switch of @apollo/gateway, not a plugin).
        APOLLO_TELEMETRY_DISABLED: 'true',
        // Stock runs as plain JavaScript would: without the source-map-support hook that scripts/register.cjs
        // installs (agent-base creates an Error per subgraph request, which that hook makes expensive).
        SWC_NODE_SOURCE_MAP_MODE: 'none',
        PORT: String(port),
        BENCH_SUPERGRAPH_FILE: benchSupergraph(options.urls),
      },
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  await waitUntilServing(child, url, () => options.probe(url), 'stock');
  return processOf('stock', child, url);
}

const HIVE_CONFIG = `// Written by e2e/bench: what the subgraphs need (the client's x-opsgraph-* headers passed on) and no
// de-duplication of identical in-flight subgraph requests, so that every client request costs its own work.
export const gatewayConfig = {
  logging: 'error',
  transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const headers = {};
      for (const [name, value] of request.headers) if (name.startsWith('x-opsgraph-')) headers[name] = value;
      return headers;
    },
  },
};
`;

/** Hive Gateway; `routerRuntime`: with Hive Router's Rust query planner and executor (`--hive-router-runtime`). */
export async function startHive(
  options: StartOptions,
  log: (line: string) => void,
  routerRuntime = false,
): Promise<GatewayProcess> {
  const bin = ensureHiveGateway(log);
  const port = await freePort();
  const supergraph = benchSupergraph(options.urls);
  const config = path.join(WORK_DIR, 'hive-gateway.config.mjs');
  fs.writeFileSync(config, HIVE_CONFIG);
  const child = spawnPinned(
    options.cpu,
    process.execPath,
    [
      ...(options.nodeFlags ?? []),
      bin,
      'supergraph',
      supergraph,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--fork',
      '1',
      '--config-path',
      config,
      ...(routerRuntime ? ['--hive-router-runtime'] : []),
    ],
    {
      cwd: WORK_DIR,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitUntilServing(
    child,
    url,
    () => options.probe(url),
    routerRuntime ? 'Hive (Router runtime)' : 'Hive',
  );
  return processOf(routerRuntime ? 'hive-router' : 'hive', child, url);
}
