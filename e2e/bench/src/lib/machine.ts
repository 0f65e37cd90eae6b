// The machine a report was measured on.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { Kafka } from 'kafkajs';
import { Client } from 'pg';
import type { MachineInfo } from './report';

function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return os.availableParallelism();
  }
}

export async function describeMachine(postgresUrl: string, kafka: Kafka): Promise<MachineInfo> {
  let postgres = 'PostgreSQL (version unknown)';
  const client = new Client({ connectionString: postgresUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    postgres = `PostgreSQL ${rows[0].server_version.split(' ')[0]}`;
  } catch {
    // keep the placeholder
  } finally {
    await client.end().catch(() => undefined);
  }
  let kafkaText = 'Apache Kafka';
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    kafkaText = `Apache Kafka (${cluster.brokers.length} broker, KRaft)`;
  } catch {
    // keep the placeholder
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  return {
    nproc: nproc(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.versions.node,
    os: `${os.type()} ${os.release()}`,
    postgres,
    kafka: kafkaText,
  };
}
