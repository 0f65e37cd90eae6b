// `npm run kpi:replay-definition` (or `node scripts/run.mjs services/kpi/src/definitions/replay.ts`): applies the
// latest published KPI definition by rebuilding the ticket day cells from the stored facts (definition-replay.ts).
// Safe while the service runs: its consumers wait for the replay's transaction and resume under the new version.
// Prints progress and ends with a one-line summary; exit code 0 done, 1 failed.
import 'reflect-metadata';
import { createSubgraphDataSource, loadSubgraphConfig } from '@opsgraph/service-kit';
import type { KpiConfig } from '../config';
import { subgraph } from '../subgraph';
import { replayDefinition, summaryLine } from './definition-replay';

async function main(): Promise<number> {
  const config = loadSubgraphConfig(subgraph) as KpiConfig;
  const dataSource = createSubgraphDataSource(subgraph, config.databaseUrl, 'kpi-definition-replay');
  await dataSource.initialize();
  try {
    const summary = await replayDefinition(dataSource, {
      timeZone: config.kpiTimeZone,
      progress: (line) => console.log(line),
    });
    console.log(summaryLine(summary));
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`kpi definition replay failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
