// One subgraph service in its own process, started exactly as its main.ts would (the kit's createSubgraphApp), for the
// benchmarks. The bench forks one host per service and reads the URL it listens on over IPC.
//   fork('subgraph-host.ts', { env: { BENCH_SERVICE: 'ticket', DATABASE_URL, PORT: '0', … } })
import { createSubgraphApp, type SubgraphDefinition } from '@opsgraph/service-kit';
import path from 'node:path';

export const SUBGRAPH_SERVICES = ['ticket', 'customer', 'hr-performance'] as const;
export type SubgraphService = (typeof SUBGRAPH_SERVICES)[number];
/** What a host can run: the gateway part's three subgraphs, and the KPI subgraph the scale part adds. */
export const HOSTED_SERVICES = [...SUBGRAPH_SERVICES, 'kpi'] as const;
export type HostedService = (typeof HOSTED_SERVICES)[number];
/** The subgraphs' URLs; `kpi` when the KPI subgraph runs (the scale part). */
export type SubgraphUrls = Record<SubgraphService, string> & { kpi?: string };

export type HostReport = { type: 'ready'; url: string } | { type: 'failed'; message: string };

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

// Deployables are loaded by path at runtime through their own entry points (module boundaries forbid importing
// them), like e2e/src/support/stack.ts does.
function load<T>(relative: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(ROOT, relative)) as T;
}

async function main(): Promise<void> {
  const service = process.env.BENCH_SERVICE as HostedService;
  if (!HOSTED_SERVICES.includes(service) || !process.send)
    throw new Error('subgraph-host runs forked, with BENCH_SERVICE');
  const { subgraph } = load<{ subgraph: SubgraphDefinition }>(`services/${service}/src/subgraph`);
  const app = await createSubgraphApp(subgraph, { env: process.env });
  const stop = () => {
    app.stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
  process.send({ type: 'ready', url: app.url ?? '' } satisfies HostReport);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.send?.({
      type: 'failed',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies HostReport);
    process.exit(1);
  });
}
