// `npm start`: dependencies → PostgreSQL + Kafka → every service (API, outbox relay, consumers; each runs its own
// migrations) → the gateway on :4000 → demo data if the graph is empty → the URL, tokens and an example query.
// Ctrl-C stops everything this script started (the Kafka broker keeps running: `npm run infra:down`).
// Every child runs on this script's Node (process.execPath: Node 24, see lib/runtime.mjs).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { bootstrap, root } from './lib/bootstrap.mjs';
import { infrastructureUp } from './lib/infrastructure.mjs';

await bootstrap();
const GATEWAY_PORT = Number(process.env.GATEWAY_PORT ?? 4000);
// Every subgraph of services/manifest.json (name, port, extra env); a test checks the file, so it is read as is here.
const SERVICES = JSON.parse(fs.readFileSync(path.join(root, 'services', 'manifest.json'), 'utf8')).subgraphs;
const READY_TIMEOUT_MS = Number(process.env.OPSGRAPH_START_TIMEOUT_MS ?? 180_000);
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
// Subgraphs take the manifest's order through this palette (green and blue are the gateway's and the seed's).
const SUBGRAPH_COLORS = [36, 35, 33, 96, 95, 93, 91, 94, 92];
const COLORS = {
  ...Object.fromEntries(SERVICES.map((service, index) => [service.name, SUBGRAPH_COLORS[index % SUBGRAPH_COLORS.length]])),
  gateway: 32,
  seed: 34,
};

const log = (message) => console.log(`${paint(1, '[start]')} ${message}`);
const children = new Map();
let stopping = false;

function run(args, options = {}) {
  return execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit', ...options });
}

/** pino JSON → `hh:mm:ss [svc] level message`; anything else unchanged. */
function formatLine(name, line) {
  const prefix = paint(COLORS[name] ?? 37, `[${name}]`.padEnd(17));
  try {
    const entry = JSON.parse(line);
    if (entry && typeof entry === 'object' && 'msg' in entry) {
      const time = typeof entry.time === 'string' ? entry.time.slice(11, 19) : '';
      const level = String(entry.level ?? '').toUpperCase();
      const levelText = level === 'ERROR' || level === 'FATAL' ? paint(31, level) : level === 'WARN' ? paint(33, level) : level;
      const error = entry.err?.message ? ` — ${entry.err.message}` : '';
      return `${time} ${prefix} ${levelText.padEnd(5)} ${entry.msg}${error}`;
    }
  } catch {
    // not JSON
  }
  return `${' '.repeat(8)} ${prefix} ${line}`;
}

let starting = true;

/**
 * `restarts`: how often a child that dies while everything is still starting is started again (a first start on a
 * fresh broker can trip over a topic whose leader is not elected yet). Once all is up, any exit stops everything.
 */
function startChild(name, script, env, { oneShot = false, restarts = 0 } = {}) {
  const child = spawn(process.execPath, ['-r', './scripts/register.cjs', script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: Ctrl-C reaches only this script, which stops the children once, in order.
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => console.log(formatLine(name, line)));
  }
  const record = { name, child, exited: false };
  child.on('exit', (code, signal) => {
    record.exited = true;
    if (children.get(name) === record) children.delete(name);
    if (stopping || oneShot) return;
    if (starting && restarts > 0) {
      console.error(`${paint(33, '[start]')} ${name} exited while starting (${signal ?? `code ${code}`}); starting it again`);
      setTimeout(() => !stopping && startChild(name, script, env, { restarts: restarts - 1 }), 2_000);
      return;
    }
    console.error(`${paint(31, '[start]')} ${name} exited (${signal ?? `code ${code}`}); stopping everything`);
    void shutdown(1);
  });
  children.set(name, record);
  return record;
}

async function getJson(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return { status: response.status, body: await response.json().catch(() => ({})) };
  } catch {
    return { status: 0, body: {} };
  }
}

async function waitUntil(what, check, timeoutMs = READY_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) throw new Error('stopping');
    if (await check()) return;
    await sleep(500);
  }
  throw new Error(`${what} not ready after ${Math.round(timeoutMs / 1000)} s`);
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  // The gateway first (no new requests), then the services.
  const order = ['gateway', ...SERVICES.map((service) => service.name).reverse(), 'seed'];
  for (const name of order) {
    const record = children.get(name);
    if (!record || record.exited) continue;
    const exited = new Promise((resolve) => record.child.once('exit', resolve));
    record.child.kill('SIGTERM');
    const timer = setTimeout(() => record.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
    log(`${name} stopped`);
  }
  log('stopped. PostgreSQL data and the Kafka broker stay for the next `npm start` (`npm run infra:down` stops Kafka).');
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('exit', () => {
  for (const { child, exited } of children.values()) if (!exited) child.kill('SIGKILL');
});

function tokenFor(role, claims = {}) {
  const args = ['scripts/token.mjs', '--role', role, '--ttl', '7d'];
  if (claims.employeeId) args.push('--employee', claims.employeeId);
  if (claims.departmentId) args.push('--department', claims.departmentId);
  if (claims.customerId) args.push('--customer', claims.customerId);
  return execFileSync(process.execPath, args, { cwd: root }).toString().trim();
}

async function graph(token, query, variables) {
  const response = await fetch(`http://127.0.0.1:${GATEWAY_PORT}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

async function main() {
  log('infrastructure: PostgreSQL, Kafka, databases and topics');
  const infra = infrastructureUp();
  log(`PostgreSQL (${infra.postgres}) and Kafka ${infra.brokers.join(',')} (${infra.kafka}) are up`);

  for (const service of SERVICES) {
    const busy = await getJson(`http://127.0.0.1:${service.port}/healthz`);
    if (busy.status !== 0) throw new Error(`port ${service.port} is taken (is another \`npm start\` running?)`);
    const script = `services/${service.name}/src/main.ts`;
    if (!fs.existsSync(path.join(root, script))) throw new Error(`${script} is missing`);
    startChild(service.name, script, {
      ...service.env,
      PORT: String(service.port),
      DATABASE_URL: infra.databaseUrls[service.name],
      KAFKA_BROKERS: infra.brokers.join(','),
      KAFKA_TOPIC_NAMESPACE: '',
    }, { restarts: 2 });
  }
  log(`starting ${SERVICES.map((service) => service.name).join(', ')} (migrations run on start)`);
  await Promise.all(
    SERVICES.map((service) =>
      waitUntil(service.name, async () => (await getJson(`http://127.0.0.1:${service.port}/readyz`)).status === 200).then(
        () => log(`${service.name} ready on :${service.port}`),
      ),
    ),
  );

  log('checking that gateway/supergraph.graphql matches the subgraphs');
  try {
    run(['-r', './scripts/register.cjs', 'gateway/src/compose.ts', '--check', '--from-running'], {
      stdio: ['ignore', 'inherit', 'pipe'],
    });
  } catch {
    log(paint(33, 'the committed supergraph is stale: recomposing gateway/supergraph.graphql (commit the change)'));
    run(['-r', './scripts/register.cjs', 'gateway/src/compose.ts']);
  }

  startChild('gateway', 'gateway/src/main.ts', { PORT: String(GATEWAY_PORT) });
  await waitUntil('gateway', async () => (await getJson(`http://127.0.0.1:${GATEWAY_PORT}/readyz`)).body.status === 'ready');

  starting = false;
  log('demo data (skipped when the graph already has some)');
  await new Promise((resolve, reject) => {
    const seed = startChild(
      'seed',
      'e2e/src/seed/main.ts',
      { GATEWAY_URL: `http://127.0.0.1:${GATEWAY_PORT}/graphql` },
      { oneShot: true },
    );
    seed.child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed failed (exit ${code})`))));
  });

  const admin = tokenFor('ADMIN');
  const found = await graph(
    admin,
    '{ employees(first: 50) { edges { node { id position departmentId: department { id } } } } }',
  ).catch(() => ({}));
  const agent = found.data?.employees?.edges
    ?.map((edge) => edge.node)
    .find((employee) => employee.position === 'CS_SPECIALIST');
  const agentToken = agent
    ? tokenFor('AGENT', { employeeId: agent.id, departmentId: agent.departmentId?.id })
    : tokenFor('AGENT');

  const example = '{ tickets(first: 3) { edges { node { number status priority customer { name tier } assignee { name department { name } } } } } }';
  const url = `http://localhost:${GATEWAY_PORT}/graphql`;
  console.log(`
${paint(1, 'opsgraph is running')}: ${paint(4, url)}   (Ctrl-C stops it)

ADMIN token:
${admin}

AGENT token${agent ? ` (employee ${agent.id})` : ''}:
${agentToken}

More tokens: npm run -s token -- --role <ADMIN|OPS_DIRECTOR|OPS_MANAGER|AGENT|TECHNICIAN|HR|ANALYST|CUSTOMER> [--employee <id>] [--customer <id>]

Example:
curl -s ${url} \\
  -H 'content-type: application/json' \\
  -H "authorization: Bearer ${admin}" \\
  -d '${JSON.stringify({ query: example })}'
`);
}

main().catch((error) => {
  if (stopping) return;
  console.error(`${paint(31, '[start]')} ${error.message}`);
  void shutdown(1);
});
