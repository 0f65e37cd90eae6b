// The three real subgraphs for the gateway and scale benchmarks: each in its own process (subgraph-host.ts) on a
// fresh bench database, API only (no relay, no consumers, no SLA scanner: their data is bulk-loaded), production mode.
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { forkTs, stopChild, TODAY, type SourceTree } from '../lib/child';
import { createBenchDatabase, namespaceFor, type BenchDatabase, type BenchInfra } from '../lib/infra';
import type { ServiceDatabases } from '../scale/bulk-load';
import { SUBGRAPH_SERVICES, type HostedService, type HostReport, type SubgraphUrls } from './subgraph-host';

export const BENCH_GATEWAY_SECRET = 'bench-gateway-secret-not-for-production';
export const BENCH_JWT_SECRET = 'bench-jwt-secret-not-for-production';

export interface Subgraphs {
  urls: SubgraphUrls;
  pids: number[];
  databases: ServiceDatabases;
  stop(): Promise<void>;
}

/** Pins a process (all its threads) to one CPU; false when taskset is not there. `probe`: only check for taskset. */
export function pin(pid: number, cpu: number, probe = false): boolean {
  try {
    execFileSync('taskset', probe ? ['-p', String(pid)] : ['-a', '-p', '-c', String(cpu), String(pid)], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * One subgraph process on `databaseUrl`; `nodeFlags` e.g. `--cpu-prof` to profile it. `tree`: whose code (a baseline
 * runs its own subgraph-host.ts and services).
 */
export function startHost(
  service: HostedService,
  databaseUrl: string,
  infra: BenchInfra,
  label: string,
  nodeFlags: string[] = [],
  tree: SourceTree = TODAY,
): Promise<{ child: ChildProcess; url: string }> {
  const child = forkTs(
    path.join(tree.root, 'e2e', 'bench', 'src', 'gateway', 'subgraph-host.ts'),
    {
      BENCH_SERVICE: service,
      PORT: '0',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: infra.brokers.join(','),
      KAFKA_TOPIC_NAMESPACE: namespaceFor(infra, label),
      GATEWAY_SECRET: BENCH_GATEWAY_SECRET,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      RUN_RELAY: 'false',
      RUN_CONSUMERS: 'false',
      RUN_SLA_SCANNER: 'false',
      // The KPI subgraph: no jobs (snapshots, at-risk scanner, alert rechecks), days in UTC like the loaded data.
      RUN_JOBS: 'false',
      KPI_TIME_ZONE: 'UTC',
    },
    nodeFlags,
    tree,
  );
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) =>
      reject(new Error(`${service} subgraph exited (${code}) before it was ready`));
    child.once('exit', exited);
    child.once('message', (report: HostReport) => {
      child.off('exit', exited);
      // The servers listen on every interface; 127.0.0.1 spares each gateway a localhost lookup (IPv4 or IPv6).
      if (report.type === 'ready')
        resolve({ child, url: report.url.replace('//localhost:', '//127.0.0.1:') });
      else reject(new Error(`${service} subgraph: ${report.message}`));
    });
  });
}

/**
 * Fresh databases, migrated by the services themselves as they start; the subgraph processes pinned to `cpu`.
 * `withKpi`: the KPI subgraph too (the scale part); `tree`: whose code (default this checkout's).
 */
export async function startSubgraphs(
  infra: BenchInfra,
  label: string,
  cpu: number | undefined,
  { withKpi = false, tree = TODAY }: { withKpi?: boolean; tree?: SourceTree } = {},
): Promise<Subgraphs> {
  const services: HostedService[] = [...SUBGRAPH_SERVICES, ...(withKpi ? (['kpi'] as const) : [])];
  const databases: BenchDatabase[] = [];
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map((child) => stopChild(child)));
    await Promise.all(databases.map((database) => database.drop().catch(() => undefined)));
  };
  try {
    for (const service of services) {
      databases.push(await createBenchDatabase(infra, `${label}_${service.replace('-', '_')}`));
    }
    const urls = {} as SubgraphUrls;
    // One after the other: each runs its migrations as it starts (2-core machines).
    for (const [index, service] of services.entries()) {
      const { child, url } = await startHost(service, databases[index].url, infra, label, [], tree);
      children.push(child);
      if (cpu !== undefined) pin(child.pid as number, cpu);
      urls[service] = url;
    }
    return {
      urls,
      pids: children.map((child) => child.pid as number),
      databases: {
        ticket: databases[0].url,
        customer: databases[1].url,
        hrPerformance: databases[2].url,
        ...(withKpi ? { kpi: databases[3].url } : {}),
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
