import fs from 'node:fs';
import { describeCluster, ensureKafka, stopLocalKafka } from './kafka';
import { infrastructureUp, serviceDatabases } from './infrastructure';
import { ensurePostgres, listDatabases, redact } from './postgres';
import { listTopics } from './topics';

/** `up [--result-file <file>]`: with a file, what `npm start` needs goes there as JSON (never through stdout). */
async function up(): Promise<void> {
  const flag = process.argv.indexOf('--result-file');
  const file = flag === -1 ? undefined : process.argv[flag + 1];
  if (flag !== -1 && !file) throw new Error('--result-file needs a file name');
  const infra = await infrastructureUp();
  if (file) {
    const result = {
      databaseUrls: infra.databaseUrls,
      brokers: infra.kafka.brokers,
      postgres: infra.postgres.source,
      kafka: infra.kafka.source,
    };
    fs.writeFileSync(file, JSON.stringify(result));
    return;
  }
  console.log(`PostgreSQL  ${redact(infra.postgres.adminUrl)} (${infra.postgres.source})`);
  console.log(`Kafka       ${infra.kafka.brokers.join(',')} (${infra.kafka.source})`);
}

async function down(): Promise<void> {
  const stopped = await stopLocalKafka();
  console.log(stopped ? 'Kafka broker stopped' : 'no Kafka broker started by this project is running');
  console.log('PostgreSQL is left running (the machine owns it); data stays in .local/ until you delete it');
}

async function status(): Promise<void> {
  const postgres = await ensurePostgres({ allowEmbedded: false }).catch(() => undefined);
  if (postgres) {
    const databases = await listDatabases(postgres.adminUrl, 'opsgraph_');
    console.log(`PostgreSQL  ${redact(postgres.adminUrl)} (${postgres.source})`);
    for (const name of Object.values(serviceDatabases())) {
      console.log(`  database ${name.padEnd(26)} ${databases.includes(name) ? 'present' : 'missing'}`);
    }
  } else {
    console.log('PostgreSQL  not running');
  }
  const brokers = process.env.KAFKA_BROKERS?.split(',') ?? ['127.0.0.1:9092'];
  const cluster = await describeCluster(brokers);
  if (!cluster) {
    console.log(`Kafka       not running (${brokers.join(',')})`);
    return;
  }
  console.log(`Kafka       cluster ${cluster.clusterId}, controller ${cluster.controller}`);
  for (const broker of cluster.brokers) console.log(`  broker id ${broker.nodeId} at ${broker.host}:${broker.port}`);
  for (const topic of await listTopics(brokers)) {
    if (!topic.startsWith('__')) console.log(`  topic ${topic}`);
  }
}

const commands: Record<string, () => Promise<void>> = { up, down, status, kafka: async () => void (await ensureKafka()) };

const command = process.argv[2] ?? 'status';
const run = commands[command];
if (!run) {
  console.error(`usage: infra <${Object.keys(commands).join('|')}>`);
  process.exit(2);
}
run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[infra] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
