// `nx run customer:replay-service-history` (or `node -r ./scripts/register.cjs …/replay-cli.ts service-history`):
// resets the projection's consumer group and empties its tables. Stop the customer consumers first (scale the
// Deployment's consumer role to 0), run this, start them again: they rebuild the history from the ticket topic.
import 'reflect-metadata';
import { createKafka, runReplayCommand } from '@opsgraph/messaging';
import { loadConfig } from '../config';
import { createCustomerDataSource } from '../data-source';
import { serviceHistoryProjection } from './service-history.consumer';

async function main(): Promise<number> {
  const config = loadConfig();
  const argv = process.argv.slice(2);
  return runReplayCommand({
    projections: { 'service-history': serviceHistoryProjection(config.kafkaTopicNamespace) },
    kafka: createKafka({ clientId: 'customer-replay', brokers: config.kafkaBrokers }),
    dataSource: createCustomerDataSource(config.databaseUrl, 'customer-replay'),
    argv: argv.length === 0 ? ['service-history'] : argv,
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
