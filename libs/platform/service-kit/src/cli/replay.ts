// `nx run <service>:replay --args=<projection>`: resets a projection's consumer group and empties its tables. Stop
// the service's consumers first (scale the consumer role to 0), run this, start them again: they rebuild the read
// model from the topics.
import { createKafka, runReplayCommand } from '@opsgraph/messaging';
import { loadSubgraphConfig } from '../app/config';
import { createSubgraphDataSource } from '../app/create-subgraph-app';
import { projectionsOf } from '../app/subgraph-definition';
import { loadDefinition } from './load-definition';

async function main(): Promise<number> {
  const definition = loadDefinition(process.argv[2]);
  const config = loadSubgraphConfig(definition);
  const namespace = config.kafkaTopicNamespace;
  const projections = Object.fromEntries(
    projectionsOf(definition, config).map((projection) => [
      projection.name,
      projection.replayOptions(definition.name, namespace),
    ]),
  );
  const argv = process.argv.slice(3);
  return runReplayCommand({
    projections,
    kafka: createKafka({ clientId: `${definition.name}-replay`, brokers: config.kafkaBrokers }),
    dataSource: createSubgraphDataSource(definition, config.databaseUrl, `${definition.name}-replay`),
    argv: argv.length === 0 && Object.keys(projections).length === 1 ? Object.keys(projections) : argv,
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
