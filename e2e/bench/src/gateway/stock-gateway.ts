// Stock @apollo/gateway for the benchmarks: Apollo Server 5's standalone server over the same supergraph, no plugins.
// The only addition is what the subgraphs need to accept a call: the client's x-opsgraph-* headers (the shared
// secret and the caller's claims, which the load generator sends) are passed on to each subgraph.
//   BENCH_SUPERGRAPH_FILE=<supergraph with the bench's subgraph URLs> PORT=<port> node -r scripts/register.cjs …
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import fs from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';

interface Context {
  headers: IncomingHttpHeaders;
}

async function main(): Promise<void> {
  const file = process.env.BENCH_SUPERGRAPH_FILE;
  if (!file) throw new Error('BENCH_SUPERGRAPH_FILE is required');
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(file, 'utf8'),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<Context>({
        url,
        willSendRequest({ request, context }) {
          for (const [name, value] of Object.entries(context.headers ?? {})) {
            if (name.startsWith('x-opsgraph-') && typeof value === 'string')
              request.http?.headers.set(name, value);
          }
        },
      }),
  });
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT ?? 4000), host: '127.0.0.1' },
    context: async ({ req }) => ({ headers: req.headers }),
  });
  process.once('SIGTERM', () => {
    server.stop().finally(() => process.exit(0));
  });
  console.log(`stock gateway at ${url}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
