// `nx run customer:sdl`: the subgraph SDL for static composition (gateway:compose).
import 'reflect-metadata';
import { printSubgraphSdl } from '@opsgraph/graphql-kit';
import { buildCustomerSchema } from './schema';

buildCustomerSchema()
  .then((schema) => process.stdout.write(`${printSubgraphSdl(schema)}\n`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
