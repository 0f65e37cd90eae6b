// The whole customer service in one call: DataSource → migrations → schema → server → relay → consumers. main.ts
// wires it to the process; integration tests start it on a test database, topic namespace and port 0.
import {
  createKafka,
  OutboxRelay,
  OutboxWriter,
  replayProjection,
  type ConsumerRuntime,
} from '@opsgraph/messaging';
import { createSubgraphServer, type SubgraphServer } from '@opsgraph/graphql-kit';
import { createLogger, type Logger } from '@opsgraph/observability';
import { runMigrations } from '@opsgraph/persistence';
import { ShutdownStack } from '@opsgraph/service-runtime';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { CustomerConfig } from './config';
import { contextFactory, type CustomerServices } from './context';
import { CustomerService } from './customers/customer.service';
import { CustomerUnitOfWork } from './customers/customer.unit-of-work';
import { createCustomerDataSource } from './data-source';
import { AccessLogService } from './personal-data/access-log.service';
import {
  createServiceHistoryConsumer,
  serviceHistoryProjection,
} from './projections/service-history.consumer';
import type { Clock } from './request';
import { RevisitService } from './revisits/revisit.service';
import { buildCustomerSchema } from './schema';

export const SERVICE_NAME = 'customer';

export interface CustomerApp {
  /** `http://host:port/graphql`; '' when RUN_API is off. */
  readonly url: string;
  readonly port: number;
  readonly dataSource: DataSource;
  /**
   * Rebuilds the service history from the ticket topic: stops this process's consumer, resets its group to the
   * earliest offsets, empties the read model and its processed_events, and starts the consumer again. Other
   * replicas' consumers must be stopped first (the reset refuses an active group).
   */
  replayServiceHistory(): Promise<void>;
  stop(): Promise<void>;
}

export interface AppOverrides {
  /** Tests move time; production uses the wall clock. */
  readonly clock?: Clock;
  readonly logger?: Logger;
}

export async function createApp(config: CustomerConfig, overrides: AppOverrides = {}): Promise<CustomerApp> {
  const logger = overrides.logger ?? createLogger({ service: SERVICE_NAME, level: config.logLevel });
  const clock = overrides.clock ?? (() => new Date());
  const dataSource = createCustomerDataSource(config.databaseUrl);
  const stops = new ShutdownStack(logger);
  stops.push(() => dataSource.destroy());
  const stop = () => stops.run();

  try {
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');

    const kafka = createKafka({ clientId: SERVICE_NAME, brokers: config.kafkaBrokers, logger });
    const unitOfWork = new CustomerUnitOfWork(
      dataSource,
      new OutboxWriter({ namespace: config.kafkaTopicNamespace }),
    );
    const services: CustomerServices = {
      customers: new CustomerService(dataSource, unitOfWork, clock),
      revisits: new RevisitService(dataSource, unitOfWork, clock),
      accessLog: new AccessLogService(dataSource),
    };

    let consumer: ConsumerRuntime | null = null;
    let consumerJoined = false;
    const startConsumer = async () => {
      const runtime = createServiceHistoryConsumer({
        kafka,
        dataSource,
        namespace: config.kafkaTopicNamespace,
        logger,
      });
      consumer = runtime;
      consumerJoined = false;
      void runtime.ready.then(() => (consumerJoined = runtime === consumer));
      await runtime.start();
    };
    const stopConsumer = async () => {
      const runtime = consumer;
      consumer = null;
      await runtime?.stop();
    };

    let server: SubgraphServer | null = null;
    if (config.runApi) {
      server = await createSubgraphServer({
        name: SERVICE_NAME,
        schema: await buildCustomerSchema(),
        port: config.port,
        gatewaySecret: config.gatewaySecret,
        createContext: contextFactory(dataSource, services),
        readiness: async () => {
          await dataSource.query('select 1');
          return !config.runConsumers || consumerJoined;
        },
        logger,
      });
      const running = server;
      stops.push(() => running.stop());
    }
    if (config.runRelay) {
      const relay = new OutboxRelay({ dataSource, kafka, logger, lockName: `${SERVICE_NAME}-outbox-relay` });
      await relay.start();
      stops.push(() => relay.stop());
    }
    if (config.runConsumers) {
      stops.push(stopConsumer);
      await startConsumer();
    }

    return {
      url: server?.url ?? '',
      port: server?.port ?? 0,
      dataSource,
      stop,
      replayServiceHistory: async () => {
        const wasRunning = consumer !== null;
        await stopConsumer();
        await replayServiceHistory(kafka, dataSource, config.kafkaTopicNamespace);
        if (wasRunning) await startConsumer();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function replayServiceHistory(kafka: Kafka, dataSource: DataSource, namespace: string): Promise<void> {
  return replayProjection({ ...serviceHistoryProjection(namespace), kafka, dataSource });
}
