// Real PostgreSQL and Kafka for the benchmarks: the jest global setup's servers when present (smoke test), otherwise
// the machine's own (deploy/local: started when down). Every run works in its own databases and topic namespace and
// removes them at the end.
import { createTopicsAndWait } from '@opsgraph/kafka-admin';
import { allTopics, topicFor, topicName } from '@opsgraph/contracts-events';
import { createKafka } from '@opsgraph/messaging';
import { createLogger, type Logger } from '@opsgraph/observability';
import { databaseUrl, ensureKafka, ensurePostgres } from '@opsgraph/local-infra';
import type { ITopicConfig, Kafka } from 'kafkajs';
import { Client } from 'pg';

export interface BenchInfra {
  adminUrl: string;
  brokers: string[];
  /** Unique per bench run: prefixes databases and topic namespaces. */
  runId: string;
  logger: Logger;
}

export const silentLogger = (): Logger =>
  createLogger({ service: 'bench', level: process.env.BENCH_LOG_LEVEL ?? 'silent' });

export async function benchInfra(): Promise<BenchInfra> {
  const logger = silentLogger();
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const fromJest = process.env.OPSGRAPH_TEST_DATABASE_URL;
  const brokersFromJest = process.env.OPSGRAPH_TEST_KAFKA_BROKERS;
  if (fromJest && brokersFromJest) {
    return { adminUrl: fromJest, brokers: brokersFromJest.split(','), runId, logger };
  }
  const [postgres, kafka] = await Promise.all([ensurePostgres(), ensureKafka()]);
  return { adminUrl: postgres.adminUrl, brokers: kafka.brokers, runId, logger };
}

export function benchKafka(infra: BenchInfra, clientId: string): Kafka {
  return createKafka({ clientId, brokers: infra.brokers, logger: infra.logger });
}

const BENCH_PREFIX = 'opsgraph_bench_';
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

async function admin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database `opsgraph_bench_<label>_<runId>`. Databases of killed runs (older than six hours: the run id
 * starts with its time) are dropped on the way.
 */
export async function createBenchDatabase(infra: BenchInfra, label: string): Promise<BenchDatabase> {
  const name = `${BENCH_PREFIX}${label}_${infra.runId}`.toLowerCase();
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad bench database name ${name}`);
  await admin(infra.adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${BENCH_PREFIX}%`],
    );
    for (const { datname } of rows) {
      const started = parseInt(datname.split('_').pop()?.slice(0, 8) ?? '', 36);
      if (Number.isFinite(started) && Date.now() - started > STALE_AFTER_MS) {
        await client.query(`drop database if exists "${datname}" with (force)`);
      }
    }
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  });
  return {
    name,
    url: databaseUrl(infra.adminUrl, name),
    drop: () =>
      admin(infra.adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`)).then(
        () => undefined,
      ),
  };
}

/** A topic namespace for one part of this run, e.g. `bench.<runId>.pipeline-g`. */
export function namespaceFor(infra: BenchInfra, part: string): string {
  return `bench.${infra.runId}.${part}`;
}

/** The namespaced catalogue ticket topic (6 partitions), created explicitly as the services' topics are. */
export async function createTicketTopic(kafka: Kafka, namespace: string): Promise<string> {
  const name = topicName(topicFor('ticket'), namespace);
  await createTopics(
    kafka,
    allTopics(namespace).filter((topic) => topic.topic === name),
  );
  return name;
}

export async function createTopics(kafka: Kafka, topics: ITopicConfig[]): Promise<void> {
  const client = kafka.admin();
  await client.connect();
  try {
    const existing = new Set(await client.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic.topic));
    if (missing.length > 0) await createTopicsAndWait(client, missing);
  } finally {
    await client.disconnect();
  }
}

/** Deletes every topic of this run (its namespaces and their DLQs). */
export async function deleteRunTopics(kafka: Kafka, infra: BenchInfra): Promise<void> {
  const client = kafka.admin();
  await client.connect();
  try {
    const ours = (await client.listTopics()).filter((topic) => topic.startsWith(`bench.${infra.runId}.`));
    if (ours.length > 0) await client.deleteTopics({ topics: ours }).catch(() => undefined);
  } finally {
    await client.disconnect();
  }
}
