// The whole subgraph in one call: DataSource → migrations → schema → server → relay → consumers → jobs. The process
// main and the integration tests both start a service through here, so they run the same wiring.
import { systemClock, type Clock } from '@opsgraph/domain';
import { buildFederatedSchema, createSubgraphServer, type SubgraphServer } from '@opsgraph/graphql-kit';
import {
  createKafka,
  OutboxRelay,
  OutboxWriter,
  RetentionJob,
  type ConsumerRuntime,
} from '@opsgraph/messaging';
import { createLogger, type Logger } from '@opsgraph/observability';
import { createDataSource, platformMigrations, runMigrations } from '@opsgraph/persistence';
import { PeriodicTask, ShutdownStack, type Env, type ServiceConfig } from '@opsgraph/service-runtime';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Projection } from '../projections/define-projection';
import { CreateAuditLog1700000000100 } from '../write/audit-log';
import { UnitOfWork } from '../write/unit-of-work';
import { loadSubgraphConfig } from './config';
import {
  projectionsOf,
  type JobSpec,
  type SubgraphDefinition,
  type SubgraphKit,
} from './subgraph-definition';

export interface SubgraphApp<C extends ServiceConfig = ServiceConfig, S = unknown> {
  /** `http://host:port/graphql`; null when RUN_API is off. */
  readonly url: string | null;
  readonly port: number | null;
  readonly config: C;
  readonly dataSource: DataSource;
  readonly services: S;
  /**
   * Rebuilds a projection from its topics: stops this process's consumer of it, resets its group to the earliest
   * offsets, empties its tables and processed_events, and starts the consumer again. Other replicas' consumers must
   * be stopped first (the reset refuses an active group).
   */
  replay(projection: string): Promise<void>;
  stop(): Promise<void>;
}

export interface SubgraphAppOptions<C extends ServiceConfig> {
  /** Default: read from `env` (default process.env). */
  readonly config?: C;
  readonly env?: Env;
  /** Tests move time; production reads the wall clock. */
  readonly clock?: Clock;
  readonly logger?: Logger;
}

export function buildSubgraphSchema(definition: Pick<SubgraphDefinition, 'schema'>): Promise<GraphQLSchema> {
  const { references, ...schema } = definition.schema;
  return buildFederatedSchema({ ...schema, referenceResolvers: references });
}

export function subgraphMigrations(definition: Pick<SubgraphDefinition, 'migrations'>) {
  return [...platformMigrations, CreateAuditLog1700000000100, ...definition.migrations];
}

export function createSubgraphDataSource(
  definition: Pick<SubgraphDefinition, 'name' | 'entities' | 'migrations'>,
  url: string,
  applicationName = definition.name,
): DataSource {
  return createDataSource({
    url,
    applicationName,
    entities: [...definition.entities],
    migrations: subgraphMigrations(definition),
  });
}

export async function createSubgraphApp<C extends ServiceConfig, S, X extends object>(
  definition: SubgraphDefinition<C, S, X>,
  options: SubgraphAppOptions<C> = {},
): Promise<SubgraphApp<C, S>> {
  const name = definition.name;
  const config = options.config ?? loadSubgraphConfig(definition, options.env);
  const logger = options.logger ?? createLogger({ service: name, level: config.logLevel });
  const clock = options.clock ?? systemClock;
  const stops = new ShutdownStack(logger);
  const stop = () => stops.run();

  const dataSource = createSubgraphDataSource(definition, config.databaseUrl);
  await dataSource.initialize();
  stops.push(() => dataSource.destroy());
  try {
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');

    const outbox = new OutboxWriter({ namespace: config.kafkaTopicNamespace });
    const unitOfWork = new UnitOfWork({ dataSource, outbox, producer: name, clock });
    const kit: SubgraphKit<C> = { config, dataSource, unitOfWork, clock, logger };
    const services = definition.services(kit);
    const withServices = { ...kit, services };
    const kafka = createKafka({ clientId: name, brokers: config.kafkaBrokers, logger });

    const consumers = new ProjectionConsumers(projectionsOf(definition, config), {
      service: name,
      kafka,
      dataSource,
      namespace: config.kafkaTopicNamespace,
      logger,
    });

    let server: SubgraphServer | null = null;
    if (config.runApi) {
      server = await createSubgraphServer({
        name,
        schema: await buildSubgraphSchema(definition),
        port: config.port,
        gatewaySecret: config.gatewaySecret,
        previousGatewaySecret: config.previousGatewaySecret,
        logger,
        createContext: (caller) => ({ services, ...definition.context?.(withServices, caller) }),
        readiness: async () => {
          await dataSource.query('select 1');
          return !config.runConsumers || consumers.allJoined();
        },
      });
      const running = server;
      stops.push(() => running.stop());
    }

    if (config.runRelay) {
      const relay = new OutboxRelay({ dataSource, kafka, logger, lockName: `${name}-outbox-relay` });
      await relay.start();
      stops.push(() => relay.stop());
    }

    if (config.runConsumers) {
      stops.push(() => consumers.stopAll());
      await consumers.startAll();
    }

    const jobs = config.runJobs
      ? [...(definition.jobs?.(withServices) ?? []), retentionJob(dataSource, config, logger)]
      : [];
    const tasks = jobs.map((job) => new PeriodicTask(job.name, job.intervalMs, job.run, logger));
    tasks.forEach((task) => task.start());
    stops.push(async () => {
      await Promise.all(tasks.map((task) => task.stop()));
    });

    return {
      url: server?.url ?? null,
      port: server?.port ?? null,
      config,
      dataSource,
      services,
      replay: (projection) => consumers.replay(projection),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Deletes published outbox rows and old processed_events rows (safe on every replica: rows are claimed). */
function retentionJob(dataSource: DataSource, config: ServiceConfig, logger: Logger): JobSpec {
  const job = new RetentionJob({ dataSource, logger, ...config.retention });
  return { name: 'retention', intervalMs: config.retention.intervalMs, run: () => job.runOnce() };
}

/** This process's consumers, one per projection, restartable for a replay. */
class ProjectionConsumers {
  private readonly running = new Map<string, ConsumerRuntime>();
  private readonly joined = new Set<string>();

  constructor(
    private readonly projections: readonly Projection[],
    private readonly options: Parameters<Projection['createConsumer']>[0],
  ) {}

  allJoined(): boolean {
    return this.projections.every((projection) => this.joined.has(projection.name));
  }

  async startAll(): Promise<void> {
    for (const projection of this.projections) await this.start(projection);
  }

  async stopAll(): Promise<void> {
    for (const projection of this.projections) await this.stop(projection);
  }

  async replay(name: string): Promise<void> {
    const projection = this.projections.find((candidate) => candidate.name === name);
    if (!projection) {
      throw new Error(
        `no projection ${name}; this service has ${this.projections.map((p) => p.name).join(', ')}`,
      );
    }
    const wasRunning = this.running.has(name);
    await this.stop(projection);
    await projection.replay(this.options);
    if (wasRunning) await this.start(projection);
  }

  private async start(projection: Projection): Promise<void> {
    const runtime = projection.createConsumer(this.options);
    this.running.set(projection.name, runtime);
    this.joined.delete(projection.name);
    void runtime.ready.then(() => {
      if (this.running.get(projection.name) === runtime) this.joined.add(projection.name);
    });
    await runtime.start();
  }

  private async stop(projection: Projection): Promise<void> {
    const runtime = this.running.get(projection.name);
    this.running.delete(projection.name);
    this.joined.delete(projection.name);
    await runtime?.stop();
  }
}
