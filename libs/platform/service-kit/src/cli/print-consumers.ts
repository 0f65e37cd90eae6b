// `node -r ./scripts/register.cjs libs/platform/service-kit/src/cli/print-consumers.ts services/<name>`: the
// service's Kafka consumers as JSON, `[{ consumer, topics }]` (topic names without a namespace), under the default
// configuration. `npm run deploy:k8s` reads it to declare each consumer's dead-letter topics as KafkaTopics.
import { resolveTopic } from '@opsgraph/messaging';
import { loadSubgraphConfig } from '../app/config';
import { projectionsOf } from '../app/subgraph-definition';
import { loadDefinition } from './load-definition';

const definition = loadDefinition(process.argv[2]);
const config = loadSubgraphConfig(definition, { LOG_LEVEL: 'silent' });
const consumers = projectionsOf(definition, config).map((projection) => {
  const { consumerName, topics } = projection.replayOptions(definition.name, '');
  return { consumer: consumerName, topics: topics.map((topic) => resolveTopic(topic)) };
});
process.stdout.write(`${JSON.stringify(consumers)}\n`);
