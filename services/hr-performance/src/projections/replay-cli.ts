// `node -r ./scripts/register.cjs services/hr-performance/src/projections/replay-cli.ts [ticket-kpi]`: resets the
// KPI projection's consumer group and empties its tables. Stop the hr-performance consumers first (RUN_CONSUMERS
// =false, or scale the consumer role to 0), run this, start them again: they rebuild the KPI from the ticket topic.
import 'reflect-metadata';
import { createKafka, runReplayCommand } from '@opsgraph/messaging';
import { loadConfig } from '../config';
import { createHrPerformanceDataSource } from '../data-source';
import { ticketKpiProjection } from './ticket-kpi.consumer';

async function main(): Promise<number> {
  const config = loadConfig();
  const argv = process.argv.slice(2);
  return runReplayCommand({
    projections: { 'ticket-kpi': ticketKpiProjection(config.kafkaTopicNamespace) },
    kafka: createKafka({ clientId: 'hr-performance-replay', brokers: config.kafkaBrokers }),
    dataSource: createHrPerformanceDataSource(config.databaseUrl, 'hr-performance-replay'),
    argv: argv.length === 0 ? ['ticket-kpi'] : argv,
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
