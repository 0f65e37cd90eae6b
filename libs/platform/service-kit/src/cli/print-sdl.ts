// `nx run <service>:sdl`: prints the subgraph SDL (with @link and @key) for static composition.
import { printSubgraphSdl } from '@opsgraph/graphql-kit';
import { buildSubgraphSchema } from '../app/create-subgraph-app';
import { loadDefinition } from './load-definition';

buildSubgraphSchema(loadDefinition(process.argv[2])).then(
  (schema) => process.stdout.write(`${printSubgraphSdl(schema)}\n`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
