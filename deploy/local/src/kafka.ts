import { execFileSync, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { kraftClusterId } from './cluster-id';
import { info } from './log';
import { localDir, repoRoot } from './paths';
import { isAlive, withFileLock } from './process-lock';

export type KafkaSource = 'env' | 'local';

export interface KafkaTarget {
  brokers: string[];
  source: KafkaSource;
}

export const LOCAL_BROKER = '127.0.0.1:9092';
const CONTROLLER = '127.0.0.1:9093';

const kafkaDir = path.join(localDir, 'kafka');
const libsDir = path.join(kafkaDir, 'libs');
const dataDir = path.join(kafkaDir, 'data');
const configDir = path.join(kafkaDir, 'config');
const logsDir = path.join(kafkaDir, 'logs');
const pidFile = path.join(kafkaDir, 'broker.pid');
const pomFile = path.join(repoRoot, 'deploy', 'local', 'kafka', 'pom.xml');

export function brokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const list = env.KAFKA_BROKERS?.split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  return list && list.length > 0 ? list : undefined;
}

/** The broker's cluster description, or undefined when nothing answers. */
export async function describeCluster(
  brokers: string[],
  timeoutMs = 3000,
): Promise<
  | {
      clusterId: string;
      controller: number | null;
      brokers: { nodeId: number; host: string; port: number }[];
    }
  | undefined
> {
  const kafka = new Kafka({
    clientId: 'opsgraph-infra-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    return await admin.describeCluster();
  } catch {
    return undefined;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function pomHash(): string {
  return crypto.createHash('sha256').update(fs.readFileSync(pomFile)).digest('hex').slice(0, 16);
}

/** Fetches the broker jars from Maven Central once; a changed pom fetches again. */
export function ensureKafkaJars(): void {
  const marker = path.join(libsDir, `.complete-${pomHash()}`);
  if (fs.existsSync(marker)) return;
  if (spawnSync('sh', ['-c', 'command -v mvn && command -v java'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('Apache Kafka runs locally on Java 17 and Maven: install them, or set KAFKA_BROKERS');
  }
  info('fetching Apache Kafka jars from Maven Central (first run only)');
  fs.rmSync(libsDir, { recursive: true, force: true });
  fs.mkdirSync(libsDir, { recursive: true });
  fs.mkdirSync(logsDir, { recursive: true });
  // Maven's output goes to a log, never to our stdout: even with -q it writes colour resets there (ESC[0m, no
  // newline) when its cache is already warm, and a caller may be reading our stdout.
  const mavenLog = path.join(logsDir, 'maven.log');
  const out = fs.openSync(mavenLog, 'w');
  try {
    execFileSync(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        pomFile,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${libsDir}`,
        '-DincludeScope=runtime',
      ],
      { stdio: ['ignore', out, out] },
    );
  } catch {
    const tail = fs.readFileSync(mavenLog, 'utf8').trim().split('\n').slice(-20).join('\n');
    throw new Error(`Maven could not fetch the Kafka jars (full output in ${mavenLog}):\n${tail}`);
  } finally {
    fs.closeSync(out);
  }
  fs.writeFileSync(marker, new Date().toISOString());
}

interface BrokerLayout {
  broker: string;
  controller: string;
  dataDir: string;
}

function serverProperties(
  layout: BrokerLayout = { broker: LOCAL_BROKER, controller: CONTROLLER, dataDir },
): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${layout.controller}`,
    `listeners=PLAINTEXT://${layout.broker},CONTROLLER://${layout.controller}`,
    `advertised.listeners=PLAINTEXT://${layout.broker}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${layout.dataDir}`,
    // Topics are created explicitly from the topic catalogue, never by a typo in a producer.
    'auto.create.topics.enable=false',
    'num.partitions=3',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=10',
    // Committed offsets outlive processed_events' retention (30 days by default): a group whose offsets expired
    // restarts from the earliest event and would apply again what the retention job forgot (docs/architecture.md).
    'offsets.retention.minutes=129600',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'min.insync.replicas=1',
    // A single local node: no point waiting for more members before the first rebalance.
    'group.initial.rebalance.delay.ms=0',
    'delete.topic.enable=true',
    'log.retention.hours=168',
    '',
  ].join('\n');
}

function log4jProperties(): string {
  return [
    'log4j.rootLogger=INFO, stdout',
    'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
    'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.logger.kafka=WARN',
    'log4j.logger.org.apache.kafka=WARN',
    'log4j.logger.kafka.server.KafkaServer=INFO',
    'log4j.logger.kafka.server.KafkaRaftServer=INFO',
    '',
  ].join('\n');
}

const classpath = (): string => `${libsDir}/*`;

function formatStorage(data = dataDir, config = configDir): void {
  if (fs.existsSync(path.join(data, 'meta.properties'))) return;
  const clusterId = kraftClusterId();
  info(`formatting KRaft storage (cluster ${clusterId})`);
  execFileSync(
    'java',
    [
      `-Dlog4j.configuration=file:${path.join(config, 'log4j.properties')}`,
      '-cp',
      classpath(),
      'kafka.tools.StorageTool',
      'format',
      `--cluster-id=${clusterId}`,
      '-c',
      path.join(config, 'server.properties'),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

function readPid(): number | undefined {
  if (!fs.existsSync(pidFile)) return undefined;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

function startBroker(
  dirs: { config: string; logs: string; pidFile: string } = { config: configDir, logs: logsDir, pidFile },
  heap = { min: '256m', max: '768m' },
): number {
  fs.mkdirSync(dirs.logs, { recursive: true });
  const out = fs.openSync(path.join(dirs.logs, 'broker.log'), 'a');
  const child = spawn(
    'java',
    [
      `-Xms${heap.min}`,
      `-Xmx${heap.max}`,
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      '-Djava.awt.headless=true',
      `-Dlog4j.configuration=file:${path.join(dirs.config, 'log4j.properties')}`,
      `-Dkafka.logs.dir=${dirs.logs}`,
      '-cp',
      classpath(),
      'kafka.Kafka',
      path.join(dirs.config, 'server.properties'),
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  child.unref();
  fs.closeSync(out);
  fs.writeFileSync(dirs.pidFile, String(child.pid));
  return child.pid ?? 0;
}

async function waitForBroker(
  brokers: string[],
  pid: number | undefined,
  timeoutMs: number,
  logFile = path.join(logsDir, 'broker.log'),
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await describeCluster(brokers, 2000)) return;
    if (pid !== undefined && !isAlive(pid)) {
      throw new Error(`the Kafka broker exited during start-up; see ${logFile}`);
    }
    await sleep(500);
  }
  throw new Error(`the Kafka broker did not answer within ${timeoutMs / 1000}s; see ${logFile}`);
}

/**
 * KAFKA_BROKERS if set; else the broker on 127.0.0.1:9092, started from `.local/kafka` if nothing answers there.
 * Idempotent and safe to call from parallel processes: a second call reuses the running broker.
 */
export async function ensureKafka(): Promise<KafkaTarget> {
  const fromEnv = brokersFromEnv();
  if (fromEnv) {
    await waitForBroker(fromEnv, undefined, 30_000);
    return { brokers: fromEnv, source: 'env' };
  }
  const brokers = [LOCAL_BROKER];
  if (await describeCluster(brokers)) return { brokers, source: 'local' };
  return withFileLock(path.join(kafkaDir, '.lock'), async () => {
    if (await describeCluster(brokers)) return { brokers, source: 'local' as const };
    ensureKafkaJars();
    fs.mkdirSync(configDir, { recursive: true });
    fs.writeFileSync(path.join(configDir, 'server.properties'), serverProperties());
    fs.writeFileSync(path.join(configDir, 'log4j.properties'), log4jProperties());
    formatStorage();
    const pid = readPid() ?? startBroker();
    info(`Apache Kafka (KRaft) starting on ${LOCAL_BROKER}, pid ${pid}`);
    await waitForBroker(brokers, pid, 120_000);
    info('Apache Kafka is ready');
    return { brokers, source: 'local' as const };
  });
}

/** Stops the broker this project started (never one it did not start). */
export async function stopLocalKafka(): Promise<boolean> {
  const pid = readPid();
  if (pid === undefined) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (isAlive(pid) && Date.now() < deadline) await sleep(250);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(pidFile, { force: true });
  return true;
}

export interface KafkaInstanceOptions {
  /** Directory `.local/kafka-<name>`; e.g. `chaos-<id>`. */
  name: string;
  port: number;
  controllerPort: number;
}

export interface KafkaInstance {
  brokers: string[];
  dataDir: string;
  /** Starts the broker (again, on the same data) and waits until it answers. */
  start(): Promise<void>;
  /** SIGTERM (clean shutdown) by default; SIGKILL simulates a crash. Waits until the process is gone. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Stops the broker and deletes its directory. */
  destroy(): Promise<void>;
}

const INSTANCE_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
const runningInstances = new Set<number>();
let exitHookInstalled = false;

function killOnExit(pid: number): void {
  runningInstances.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const running of runningInstances) {
      try {
        process.kill(running, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  return !isAlive(pid);
}

/**
 * A separate, throwaway single-node broker (same jars and settings as the local one, its own ports and data under
 * `.local/kafka-<name>`) for tests that stop and restart Kafka without disturbing the shared broker. The process
 * is killed when the creating process exits.
 */
export async function startKafkaInstance(options: KafkaInstanceOptions): Promise<KafkaInstance> {
  if (!INSTANCE_NAME.test(options.name)) throw new Error(`invalid Kafka instance name: ${options.name}`);
  const root = path.join(localDir, `kafka-${options.name}`);
  const layout: BrokerLayout = {
    broker: `127.0.0.1:${options.port}`,
    controller: `127.0.0.1:${options.controllerPort}`,
    dataDir: path.join(root, 'data'),
  };
  const dirs = {
    config: path.join(root, 'config'),
    logs: path.join(root, 'logs'),
    pidFile: path.join(root, 'broker.pid'),
  };
  const brokers = [layout.broker];
  let pid: number | undefined;

  const start = async (): Promise<void> => {
    if (pid !== undefined && isAlive(pid)) return;
    if (await describeCluster(brokers, 1000)) {
      throw new Error(
        `port ${options.port} already has a Kafka broker; a crashed test may have left it running`,
      );
    }
    pid = startBroker(dirs, { min: '128m', max: '512m' });
    killOnExit(pid);
    await waitForBroker(brokers, pid, 120_000, path.join(dirs.logs, 'broker.log'));
  };

  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> => {
    if (pid === undefined || !isAlive(pid)) return;
    process.kill(pid, signal);
    if (!(await waitForExit(pid, 60_000))) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 10_000);
    }
    runningInstances.delete(pid);
    fs.rmSync(dirs.pidFile, { force: true });
    pid = undefined;
  };

  const instance: KafkaInstance = {
    brokers,
    dataDir: layout.dataDir,
    start,
    stop,
    destroy: async () => {
      await stop('SIGKILL');
      fs.rmSync(root, { recursive: true, force: true });
    },
  };

  ensureKafkaJars();
  fs.mkdirSync(dirs.config, { recursive: true });
  fs.writeFileSync(path.join(dirs.config, 'server.properties'), serverProperties(layout));
  fs.writeFileSync(path.join(dirs.config, 'log4j.properties'), log4jProperties());
  formatStorage(layout.dataDir, dirs.config);
  await start();
  return instance;
}
