import { allTopics } from '@opsgraph/contracts-events';
import { ensureKafka, KafkaTarget } from './kafka';
import { databaseUrl, ensureDatabases, ensurePostgres, PostgresTarget } from './postgres';
import { ensureTopics } from './topics';

/** One database per service; a service never reads another's. */
export const SERVICE_DATABASES = {
  ticket: 'opsgraph_ticket',
  customer: 'opsgraph_customer',
  'hr-performance': 'opsgraph_hr_performance',
  asset: 'opsgraph_asset',
  incident: 'opsgraph_incident',
  kpi: 'opsgraph_kpi',
} as const;

export type ServiceName = keyof typeof SERVICE_DATABASES;

export interface Infrastructure {
  postgres: PostgresTarget;
  kafka: KafkaTarget;
  databaseUrls: Record<ServiceName, string>;
}

/** Real PostgreSQL and Kafka, each service's database and every catalogue topic; reuses whatever runs. */
export async function infrastructureUp(): Promise<Infrastructure> {
  const [postgres, kafka] = await Promise.all([ensurePostgres(), ensureKafka()]);
  await ensureDatabases(postgres.adminUrl, Object.values(SERVICE_DATABASES));
  await ensureTopics(kafka.brokers, allTopics());
  const databaseUrls = Object.fromEntries(
    Object.entries(SERVICE_DATABASES).map(([service, database]) => [service, databaseUrl(postgres.adminUrl, database)]),
  ) as Record<ServiceName, string>;
  return { postgres, kafka, databaseUrls };
}
