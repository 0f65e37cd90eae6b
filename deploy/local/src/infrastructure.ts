import { allTopics } from '@opsgraph/contracts-events';
import { loadServicesManifest } from '@opsgraph/services-manifest';
import { ensureKafka, KafkaTarget } from './kafka';
import { databaseUrl, ensureDatabases, ensurePostgres, PostgresTarget } from './postgres';
import { ensureTopics } from './topics';

/** Service name → its database (services/manifest.json); a service never reads another's. */
export function serviceDatabases(): Record<string, string> {
  return Object.fromEntries(loadServicesManifest().subgraphs.map((subgraph) => [subgraph.name, subgraph.database]));
}

export interface Infrastructure {
  postgres: PostgresTarget;
  kafka: KafkaTarget;
  /** Service name → URL of its database. */
  databaseUrls: Record<string, string>;
}

/** Real PostgreSQL and Kafka, each service's database and every catalogue topic; reuses whatever runs. */
export async function infrastructureUp(): Promise<Infrastructure> {
  const [postgres, kafka] = await Promise.all([ensurePostgres(), ensureKafka()]);
  const databases = serviceDatabases();
  await ensureDatabases(postgres.adminUrl, Object.values(databases));
  await ensureTopics(kafka.brokers, allTopics());
  const databaseUrls = Object.fromEntries(
    Object.entries(databases).map(([service, database]) => [service, databaseUrl(postgres.adminUrl, database)]),
  );
  return { postgres, kafka, databaseUrls };
}
