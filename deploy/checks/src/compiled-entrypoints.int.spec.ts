// Acceptance of issue #20: each deployable starts from its compiled entrypoint with NODE_ENV=production (no
// transpiler: plain `node dist/app/…/main.js`, as the image runs it) against the real Postgres and Kafka and answers
// /readyz; with a placeholder secret it refuses to start and says which variable is wrong.
import { allTopics } from '@opsgraph/contracts-events';
import { loadServicesManifest } from '@opsgraph/services-manifest';
import { createTestDatabase, createTestKafka, type TestDatabase, type TestKafka } from '@opsgraph/testing';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startCompiled, waitForOk, type CompiledProcess } from './support/compiled-process';
import { BUILD_DIST, ROOT } from './support/paths';

const STRONG_GATEWAY_SECRET = 'Kq7-vT2pXw9zL4mN8rB1cY6hJ3dF5gS0aE';
const STRONG_JWT_SECRET = 'Zt4-Lm9xQw2vB7nR1cK8pY3hJ6dF0gS5aE';
const subgraphs = loadServicesManifest().subgraphs;
// Inside the repository so that the compiled requires find node_modules, as /app/dist/app finds /app/node_modules.
const dist = path.join(ROOT, 'tmp', `entrypoints-${process.pid}`);
const mainOf = (project: string) => path.join(dist, project, 'src', 'main.js');
const subgraphUrlVariable = (name: string) => `SUBGRAPH_URL_${name.toUpperCase().replace(/-/g, '_')}`;
const readyz = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '/readyz');

let kafka: TestKafka;
const databases = new Map<string, TestDatabase>();
const running: CompiledProcess[] = [];

beforeAll(async () => {
  execFileSync(process.execPath, [BUILD_DIST, '--out', dist], { cwd: ROOT, stdio: 'pipe' });
  kafka = createTestKafka('entrypoints');
  await kafka.createTopics(allTopics(kafka.namespace));
  for (const { name } of subgraphs) databases.set(name, await createTestDatabase(`entrypoint-${name}`));
});

afterAll(async () => {
  await Promise.all(running.map((process) => process.stop()));
  await Promise.all([...databases.values()].map((database) => database.drop()));
  await kafka?.cleanup();
  fs.rmSync(dist, { recursive: true, force: true });
});

function productionEnv(name: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: '0',
    LOG_LEVEL: 'info',
    DATABASE_URL: databases.get(name)?.url ?? '',
    KAFKA_BROKERS: kafka.brokers.join(','),
    KAFKA_TOPIC_NAMESPACE: kafka.namespace,
    GATEWAY_SECRET: STRONG_GATEWAY_SECRET,
    ...overrides,
  };
}

describe('compiled entrypoints in production mode', () => {
  it('compiles no spec, test helper or register hook into dist', () => {
    const files = fs.readdirSync(dist, { recursive: true }).map(String);
    expect(files.filter((file) => /\.spec\.js$|[/\\]test-support[/\\]/.test(file))).toEqual([]);
    for (const { name } of subgraphs) expect(files).toContain(path.join('services', name, 'src', 'main.js'));
    expect(fs.readFileSync(mainOf('gateway'), 'utf8')).not.toMatch(/swc-node|register\.cjs/);
  });

  it('starts every subgraph and the gateway, each answering /readyz', async () => {
    const urls: Record<string, string> = {};
    for (const { name } of subgraphs) {
      const service = startCompiled(mainOf(path.join('services', name)), productionEnv(name), dist);
      running.push(service);
      urls[name] = await service.url(60_000);
      expect(await waitForOk(readyz(urls[name]), 60_000)).toBe(200);
    }

    const gateway = startCompiled(
      mainOf('gateway'),
      {
        ...productionEnv('gateway', { JWT_SECRET: STRONG_JWT_SECRET }),
        ...Object.fromEntries(Object.entries(urls).map(([name, url]) => [subgraphUrlVariable(name), url])),
      },
      dist,
    );
    running.push(gateway);
    const gatewayUrl = new URL(await gateway.url(60_000));
    expect(await waitForOk(`${gatewayUrl.origin}/readyz`, 60_000)).toBe(200);

    // SIGTERM drains and exits 0, as Kubernetes' rolling update expects.
    expect(await gateway.stop()).toBe(0);
    for (const service of running.splice(0)) expect(await service.stop()).toBe(0);
  });

  it.each(subgraphs.map(({ name }) => name))(
    '%s refuses to start with a placeholder GATEWAY_SECRET, naming the variable',
    async (name) => {
      const service = startCompiled(
        mainOf(path.join('services', name)),
        productionEnv(name, { GATEWAY_SECRET: 'change-me' }),
        dist,
      );
      running.push(service);
      expect(await service.exited()).toBe(1);
      expect(service.output()).toMatch(/GATEWAY_SECRET is a well-known placeholder.*refusing to start in production/);
      expect(service.output()).not.toMatch(/listening/);
    },
  );

  it.each([
    ['a placeholder JWT_SECRET', { JWT_SECRET: 'change-me' }, /JWT_SECRET is a well-known placeholder/],
    ['a short GATEWAY_SECRET', { JWT_SECRET: STRONG_JWT_SECRET, GATEWAY_SECRET: 'tooShort-1' }, /GATEWAY_SECRET is shorter than 32/],
  ])('the gateway refuses to start with %s', async (_, overrides, message) => {
    const gateway = startCompiled(mainOf('gateway'), productionEnv('gateway', overrides), dist);
    running.push(gateway);
    expect(await gateway.exited()).toBe(1);
    expect(gateway.output()).toMatch(message);
  });
});
