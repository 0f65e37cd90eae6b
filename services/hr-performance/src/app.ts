// The whole hr-performance service in one call: DataSource → migrations → schema → server → relay → consumers.
// main.ts wires it to the process; integration tests start it on a test database, topic namespace and port 0.
import { createSubgraphServer, type SubgraphServer } from '@opsgraph/graphql-kit';
import {
  createKafka,
  OutboxRelay,
  OutboxWriter,
  replayProjection,
  type ConsumerRuntime,
} from '@opsgraph/messaging';
import { createLogger, type Logger } from '@opsgraph/observability';
import { runMigrations } from '@opsgraph/persistence';
import { ShutdownStack } from '@opsgraph/service-runtime';
import type { DataSource } from 'typeorm';
import { AuditRepository } from './audit/audit.repository';
import type { HrPerformanceConfig } from './config';
import { createHrPerformanceContext, type HrPerformanceServices } from './context';
import { createHrPerformanceDataSource } from './data-source';
import { DepartmentRepository } from './departments/department.repository';
import { DepartmentService } from './departments/department.service';
import { EmployeeRepository } from './employees/employee.repository';
import { EmployeeService } from './employees/employee.service';
import { KpiDefinitionRepository } from './kpi-definitions/kpi-definition.repository';
import { KpiDefinitionService } from './kpi-definitions/kpi-definition.service';
import { KpiService } from './kpi/kpi.service';
import { createTicketKpiConsumer, ticketKpiProjection } from './projections/ticket-kpi.consumer';
import { TicketKpiRepository } from './projections/ticket-kpi.repository';
import type { Clock } from './request';
import { buildHrPerformanceSchema } from './schema';

export const SERVICE_NAME = 'hr-performance';

export interface HrPerformanceApp {
  /** `http://host:port/graphql`; null when RUN_API=false. */
  url: string | null;
  port: number | null;
  dataSource: DataSource;
  services: HrPerformanceServices;
  /**
   * Rebuilds the KPI read model from the ticket topic: stops this process's consumer, resets its group to the
   * earliest offsets, empties the KPI tables and its processed_events, and starts the consumer again. Other
   * replicas' consumers must be stopped first (the reset refuses an active group).
   */
  replayKpi(): Promise<void>;
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Tests move time (the current KPI month); production uses the wall clock. */
  clock?: Clock;
  logger?: Logger;
}

export async function createApp(
  config: HrPerformanceConfig,
  options: AppOptions = {},
): Promise<HrPerformanceApp> {
  const logger = options.logger ?? createLogger({ service: SERVICE_NAME, level: config.logLevel });
  const now = options.clock ?? (() => new Date());
  const dataSource = createHrPerformanceDataSource(config.databaseUrl);
  await dataSource.initialize();
  const stops = new ShutdownStack(logger);
  stops.push(() => dataSource.destroy());
  const stop = () => stops.run();

  try {
    await runMigrations(dataSource);
    const kafka = createKafka({ clientId: SERVICE_NAME, brokers: config.kafkaBrokers, logger });
    const namespace = config.kafkaTopicNamespace;

    const outbox = new OutboxWriter({ namespace });
    const audit = new AuditRepository();
    const departments = new DepartmentRepository();
    const employees = new EmployeeRepository();
    const services: HrPerformanceServices = {
      departments: new DepartmentService({ dataSource, departments, employees, audit, outbox, now }),
      employees: new EmployeeService({ dataSource, departments, employees, audit, outbox, now }),
      kpiDefinitions: new KpiDefinitionService({
        dataSource,
        definitions: new KpiDefinitionRepository(),
        audit,
        now,
      }),
      kpi: new KpiService({
        dataSource,
        repository: new TicketKpiRepository(),
        employees,
        departments,
        timeZone: config.kpiTimeZone,
        now,
      }),
    };

    let consumer: ConsumerRuntime | undefined;
    let consumerJoined = false;
    const startConsumer = async () => {
      consumerJoined = false;
      const started = createTicketKpiConsumer({
        kafka,
        dataSource,
        namespace,
        timeZone: config.kpiTimeZone,
        logger,
      });
      consumer = started;
      void started.ready.then(() => (consumerJoined = consumer === started));
      await started.start();
    };
    const stopConsumer = async () => {
      const running = consumer;
      consumer = undefined;
      await running?.stop();
    };

    let server: SubgraphServer | undefined;
    if (config.runApi) {
      server = await createSubgraphServer({
        name: SERVICE_NAME,
        schema: await buildHrPerformanceSchema(),
        port: config.port,
        gatewaySecret: config.gatewaySecret,
        logger,
        createContext: () => createHrPerformanceContext(services),
        readiness: async () => {
          await dataSource.query('select 1');
          return !config.runConsumers || consumerJoined;
        },
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
      await startConsumer();
      stops.push(stopConsumer);
    }

    return {
      url: server?.url ?? null,
      port: server?.port ?? null,
      dataSource,
      services,
      async replayKpi() {
        const wasRunning = consumer !== undefined;
        await stopConsumer();
        await replayProjection({ ...ticketKpiProjection(namespace), kafka, dataSource });
        if (wasRunning) await startConsumer();
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
