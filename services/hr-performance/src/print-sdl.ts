import { printSubgraphSdl } from '@opsgraph/graphql-kit';
import { buildHrPerformanceSchema } from './schema';

// Prints the subgraph SDL for static composition (nx run hr-performance:sdl).
buildHrPerformanceSchema()
  .then((schema) => process.stdout.write(`${printSubgraphSdl(schema)}\n`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
