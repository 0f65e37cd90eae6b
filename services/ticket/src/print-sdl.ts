// Prints the subgraph SDL (with @link and @key) for static composition: `npx nx run ticket:sdl`.
import { printSubgraphSdl } from '@opsgraph/graphql-kit';
import { buildTicketSchema } from './schema';

void buildTicketSchema().then(
  (schema) => process.stdout.write(`${printSubgraphSdl(schema)}\n`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
