import { spawnSync } from 'node:child_process';
// Jest loads global setup outside its module registry, where the @opsgraph/* path aliases do not resolve.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { brokersFromEnv, ensureKafka } from '../../../../deploy/local/src/kafka';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { canConnect, ensurePostgres, postgresUrlFromEnv } from '../../../../deploy/local/src/postgres';

export interface ProvidedInfrastructure {
  postgresUrl: string;
  kafkaBrokers: string[];
  sources: { postgres: string; kafka: string };
  stop: () => Promise<void>;
}

function commandWorks(command: string): boolean {
  return spawnSync('sh', ['-c', command], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

const canRunLocalKafka = (): boolean => commandWorks('command -v java && command -v mvn');
const canRunLocalPostgres = async (): Promise<boolean> =>
  (await canConnect('postgres://postgres@127.0.0.1:5432/postgres')) || commandWorks('command -v pg_ctlcluster');
const dockerAnswers = (): boolean => commandWorks('docker info');

/**
 * Real servers for tests, in this order: provided by the environment (DATABASE_URL/PG*, KAFKA_BROKERS) →
 * this machine's own (deploy/local) → testcontainers, when a Docker engine answers and nothing local can run.
 */
export async function provideInfrastructure(): Promise<ProvidedInfrastructure> {
  const stops: (() => Promise<unknown>)[] = [];
  let postgresUrl: string;
  let postgresSource: string;
  if (postgresUrlFromEnv() || (await canRunLocalPostgres()) || !dockerAnswers()) {
    const target = await ensurePostgres();
    postgresUrl = target.adminUrl;
    postgresSource = target.source;
  } else {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:16-alpine').start();
    stops.push(() => container.stop());
    postgresUrl = container.getConnectionUri();
    postgresSource = 'testcontainers';
  }

  let kafkaBrokers: string[];
  let kafkaSource: string;
  if (brokersFromEnv() || canRunLocalKafka() || !dockerAnswers()) {
    const target = await ensureKafka();
    kafkaBrokers = target.brokers;
    kafkaSource = target.source;
  } else {
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const container = await new KafkaContainer('apache/kafka:3.9.1')
      .withEnvironment({ KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false', KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0' })
      .start();
    stops.push(() => container.stop());
    kafkaBrokers = [`${container.getHost()}:${container.getMappedPort(9093)}`];
    kafkaSource = 'testcontainers';
  }

  return {
    postgresUrl,
    kafkaBrokers,
    sources: { postgres: postgresSource, kafka: kafkaSource },
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
