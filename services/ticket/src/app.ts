// Assembles the ticket service: DataSource → migrations → schema → server → outbox relay → background jobs.
// Integration tests start the whole service with createApp on a test database, topic namespace and port 0.
import { createKafka, OutboxRelay, OutboxWriter } from '@opsgraph/messaging';
import { createSubgraphServer, type SubgraphServer } from '@opsgraph/graphql-kit';
import { createLogger, type Logger } from '@opsgraph/observability';
import { runMigrations } from '@opsgraph/persistence';
import { ShutdownStack } from '@opsgraph/service-runtime';
import type { DataSource } from 'typeorm';
import type { TicketConfig } from './config';
import type { TicketContext, TicketServices } from './context';
import { createTicketDataSource } from './data-source';
import { AutoCloseJob } from './jobs/auto-close.job';
import { PeriodicTask } from './jobs/periodic-task';
import { SlaBreachScanner } from './jobs/sla-breach.scanner';
import { buildTicketSchema } from './schema';
import { SlaPolicyService } from './sla/sla-policy.service';
import { TicketCommandRunner, type Clock } from './tickets/ticket.command-runner';
import { DEFAULT_LIFECYCLE_POLICY } from './tickets/ticket.lifecycle';
import { TicketLoaders } from './tickets/ticket.loaders';
import { TicketRecordsService } from './tickets/ticket-records.service';
import { TicketRepository } from './tickets/ticket.repository';
import { TicketService } from './tickets/ticket.service';
import { TicketUnitOfWork } from './tickets/ticket.unit-of-work';

export const SERVICE_NAME = 'ticket';

export interface TicketApp {
  /** `http://host:port/graphql`; '' when RUN_API is off. */
  readonly url: string;
  readonly port: number;
  readonly dataSource: DataSource;
  stop(): Promise<void>;
}

export interface AppOverrides {
  /** Tests move time; production uses the wall clock. */
  readonly clock?: Clock;
  readonly logger?: Logger;
}

/** The use-cases on a DataSource (also what the job and scanner tests build on). */
export function createTicketServices(
  dataSource: DataSource,
  topicNamespace: string,
  clock: Clock,
): { unitOfWork: TicketUnitOfWork; services: TicketServices } {
  const unitOfWork = new TicketUnitOfWork(dataSource, new OutboxWriter({ namespace: topicNamespace }));
  const runner = new TicketCommandRunner(unitOfWork, clock);
  const services: TicketServices = {
    tickets: new TicketService(runner, new TicketRepository(dataSource.manager), DEFAULT_LIFECYCLE_POLICY),
    records: new TicketRecordsService(runner),
    slaPolicies: new SlaPolicyService(dataSource, clock),
  };
  return { unitOfWork, services };
}

export async function createApp(config: TicketConfig, overrides: AppOverrides = {}): Promise<TicketApp> {
  const logger = overrides.logger ?? createLogger({ service: SERVICE_NAME, level: config.logLevel });
  const clock = overrides.clock ?? (() => new Date());
  const stops = new ShutdownStack(logger);
  const stop = () => stops.run();

  const dataSource = createTicketDataSource(config.databaseUrl);
  await dataSource.initialize();
  stops.push(() => dataSource.destroy());
  try {
    await runMigrations(dataSource);

    const { unitOfWork, services } = createTicketServices(dataSource, config.kafkaTopicNamespace, clock);

    let server: SubgraphServer | undefined;
    if (config.runApi) {
      server = await createSubgraphServer<Omit<TicketContext, 'caller' | 'correlationId' | 'traceparent' | 'logger'>>({
        name: SERVICE_NAME,
        schema: await buildTicketSchema(),
        port: config.port,
        gatewaySecret: config.gatewaySecret,
        logger,
        createContext: (caller) => ({ services, loaders: new TicketLoaders(dataSource.manager, caller) }),
        readiness: async () => {
          await dataSource.query('select 1');
          return true;
        },
      });
      const running = server;
      stops.push(() => running.stop());
    }

    if (config.runRelay) {
      const kafka = createKafka({ clientId: SERVICE_NAME, brokers: config.kafkaBrokers, logger });
      const relay = new OutboxRelay({ dataSource, kafka, logger, lockName: `${SERVICE_NAME}-outbox-relay` });
      await relay.start();
      stops.push(() => relay.stop());
    }

    // RUN_CONSUMERS: the ticket service consumes no other domain's events yet (no projections).

    if (config.runSlaScanner) {
      const scanner = new SlaBreachScanner(unitOfWork, clock);
      const autoClose = new AutoCloseJob(unitOfWork, clock, DEFAULT_LIFECYCLE_POLICY);
      const tasks = [
        new PeriodicTask('sla-breach-scan', config.slaScanIntervalMs, () => scanner.scanOnce(), logger),
        new PeriodicTask('auto-close', config.autoCloseIntervalMs, () => autoClose.runOnce(), logger),
      ];
      tasks.forEach((task) => task.start());
      stops.push(async () => {
        await Promise.all(tasks.map((task) => task.stop()));
      });
    }

    return { url: server?.url ?? '', port: server?.port ?? 0, dataSource, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
