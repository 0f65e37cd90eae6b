import { allTopics } from '@opsgraph/contracts-events';
import { createSubgraphApp, type SubgraphDefinition } from '@opsgraph/service-kit';
import { loadServicesManifest, subgraphUrlVariable } from '@opsgraph/services-manifest';
import { createTestDatabase, createTestKafka, type TestDatabase, type TestKafka } from '@opsgraph/testing';
import path from 'node:path';

// The e2e project starts deployables (services, gateway) in this process. Nx module boundaries forbid importing
// them (e2e may depend only on libs, and projects are never imported by path), so they are loaded by file path at
// runtime through the same entry points their main.ts uses: a service's `subgraph` definition run by the kit's
// `createSubgraphApp`, and the gateway's `loadConfig(env)` and `createGateway`.
const ROOT = path.resolve(__dirname, '..', '..', '..');

const SUBGRAPHS = loadServicesManifest().subgraphs;
/** Every subgraph of services/manifest.json, in its order. */
export const SERVICE_NAMES: readonly string[] = SUBGRAPHS.map((subgraph) => subgraph.name);
export type ServiceName = string;

export const E2E_GATEWAY_SECRET = 'e2e-gateway-secret';

interface RunningApp {
  url: string;
  port: number;
  stop(): Promise<void>;
}
interface SubgraphModule {
  subgraph: SubgraphDefinition;
}
interface ConfigModule {
  loadConfig(env: Record<string, string | undefined>): unknown;
}
interface GatewayModule {
  createGateway(config: unknown): Promise<RunningApp>;
}

function load<T>(relative: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: deployables are loaded, not imported
  return require(path.join(ROOT, relative)) as T;
}

export interface Stack {
  gatewayUrl: string;
  /** Subgraph URLs, for calling a subgraph directly (e.g. without the secret). */
  services: Record<ServiceName, RunningApp>;
  namespace: string;
  kafka: TestKafka;
  /** Stops one service (API, relay, consumers), e.g. to see how the graph degrades without it. */
  stopService(name: ServiceName): Promise<void>;
  /** Starts a stopped service again, on the port the gateway knows, its database and the same topics. */
  startService(name: ServiceName): Promise<void>;
  /** Another gateway over the same services, with extra gateway environment (e.g. TRUSTED_DOCUMENTS); its URL. */
  startGateway(gatewayEnv?: Record<string, string>): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Every service of the manifest on fresh test databases and one topic namespace (created explicitly), then the
 * gateway over the committed supergraph, re-pointed at the services' ephemeral ports. Stops and cleans up everything
 * in `stop()`.
 */
export async function startStack(label: string, extraEnv: Record<string, string> = {}): Promise<Stack> {
  const kafka = createTestKafka(label);
  const started: RunningApp[] = [];
  const databases: TestDatabase[] = [];
  const cleanup = async () => {
    for (const app of started.reverse()) await app.stop().catch(() => undefined);
    await Promise.all(databases.map((database) => database.drop().catch(() => undefined)));
    await kafka.cleanup().catch(() => undefined);
  };
  try {
    await kafka.createTopics(allTopics(kafka.namespace));
    databases.push(
      ...(await Promise.all(SERVICE_NAMES.map((name) => createTestDatabase(`${label}_${name}`)))),
    );
    const services = {} as Record<ServiceName, RunningApp>;
    const startService = async (name: ServiceName, port = 0): Promise<RunningApp> => {
      const { subgraph } = load<SubgraphModule>(`services/${name}/src/subgraph`);
      const index = SERVICE_NAMES.indexOf(name);
      const env = {
        ...process.env,
        ...SUBGRAPHS[index].env,
        PORT: String(port),
        DATABASE_URL: databases[index].url,
        KAFKA_BROKERS: kafka.brokers.join(','),
        KAFKA_TOPIC_NAMESPACE: kafka.namespace,
        GATEWAY_SECRET: E2E_GATEWAY_SECRET,
        LOG_LEVEL: 'silent',
        ...extraEnv,
      };
      const app = await createSubgraphApp(subgraph, { env });
      return { url: app.url ?? '', port: app.port ?? 0, stop: () => app.stop() };
    };
    // One at a time: each runs its migrations and starts its consumers (2-core machines).
    for (const name of SERVICE_NAMES) {
      services[name] = await startService(name);
      started.push(services[name]);
    }
    const startGateway = async (gatewayEnv: Record<string, string> = {}) => {
      const gatewayConfig = load<ConfigModule>('gateway/src/config').loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        GATEWAY_SECRET: E2E_GATEWAY_SECRET,
        JWT_SECRET: process.env.JWT_SECRET,
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        ...Object.fromEntries(SERVICE_NAMES.map((name) => [subgraphUrlVariable(name), services[name].url])),
        ...gatewayEnv,
      });
      const gateway = await load<GatewayModule>('gateway/src/server').createGateway(gatewayConfig);
      started.push(gateway);
      return gateway.url;
    };
    const gatewayUrl = await startGateway();
    const stopped = new Set<ServiceName>();
    return {
      gatewayUrl,
      startGateway,
      services,
      namespace: kafka.namespace,
      kafka,
      async stopService(name) {
        if (stopped.has(name)) return;
        stopped.add(name);
        await services[name].stop();
      },
      async startService(name) {
        if (!stopped.has(name)) return;
        const previous = services[name];
        services[name] = await startService(name, previous.port);
        started[started.indexOf(previous)] = services[name];
        stopped.delete(name);
      },
      stop: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
