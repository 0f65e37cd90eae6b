// Two small subgraphs for the gateway's own tests, served by the same server the real subgraphs use
// (@opsgraph/graphql-kit's createSubgraphServer: gateway secret required, caller from the claim headers).
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createSubgraphServer, type SubgraphContext, type SubgraphServer } from '@opsgraph/graphql-kit';
import { createLogger } from '@opsgraph/observability';
import { GraphQLError, parse } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { composeSupergraph } from '../supergraph';

export const FAKE_SECRET = 'fake-gateway-secret';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

export const ALPHA_SDL = `${LINK}
type Query {
  whoami: Caller!
  widget(id: ID!): Widget
  widgets(first: Int): [Widget!]!
  byLevel(level: Level!): [Widget!]!
}
type Mutation {
  renameWidget(id: ID!, name: String!): Widget!
}
enum Level { LOW HIGH }
type Caller {
  userId: String
  role: String
  employeeId: String
  customerId: String
  departmentId: String
  correlationId: String
  """Every x-opsgraph-* header name the subgraph received."""
  opsgraphHeaders: [String!]!
}
type Widget @key(fields: "id") {
  id: ID!
  name: String!
  level: Level!
  parent: Widget
}
`;

export const BETA_SDL = `${LINK}
type Query {
  slow(ms: Int!): String
}
type Widget @key(fields: "id") {
  id: ID!
  rating: Int
}
`;

interface Extra {
  headers: IncomingMessage['headers'];
}
type Context = SubgraphContext<Extra>;

interface WidgetRow {
  id: string;
  name: string;
  level: 'LOW' | 'HIGH';
  parent: string | null;
}

export interface FakeSubgraph {
  name: string;
  url: string;
  sdl: string;
  /** GraphQL requests that reached this subgraph. */
  calls: number;
  stop(): Promise<void>;
}

function widgets(): Map<string, WidgetRow> {
  const rows = new Map<string, WidgetRow>();
  for (let i = 1; i <= 5; i++) {
    rows.set(`w${i}`, {
      id: `w${i}`,
      name: `Widget ${i}`,
      level: i % 2 ? 'LOW' : 'HIGH',
      parent: i > 1 ? `w${i - 1}` : 'w5',
    });
  }
  return rows;
}

async function serve(
  name: string,
  sdl: string,
  resolvers: Record<string, Record<string, unknown>>,
  port: number,
): Promise<FakeSubgraph> {
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as never }]);
  const fake: FakeSubgraph = { name, url: '', sdl, calls: 0, stop: async () => undefined };
  const server: SubgraphServer = await createSubgraphServer<Extra>({
    name,
    schema,
    port,
    host: '127.0.0.1',
    gatewaySecret: FAKE_SECRET,
    readiness: async () => true,
    logger: createLogger({ service: `fake-${name}`, level: 'silent' }),
    stopGracePeriodMs: 0,
    createContext: (_caller, req) => {
      fake.calls += 1;
      return { headers: req.headers };
    },
  });
  fake.url = server.url;
  fake.stop = () => server.stop();
  return fake;
}

/** `alpha` owns widgets and reports the caller it was told about; `beta` adds `Widget.rating` and a slow field. */
export async function startAlpha(port = 0): Promise<FakeSubgraph> {
  const rows = widgets();
  const widget = (id: string) => rows.get(id) ?? null;
  return serve(
    'alpha',
    ALPHA_SDL,
    {
      Query: {
        whoami: (_: unknown, __: unknown, ctx: Context) => ({
          ...(ctx.caller ?? {}),
          correlationId: ctx.correlationId,
          opsgraphHeaders: Object.keys(ctx.headers).filter((header) => header.startsWith('x-opsgraph-')),
        }),
        widget: (_: unknown, args: { id: string }) => widget(args.id),
        widgets: (_: unknown, args: { first?: number }) => [...rows.values()].slice(0, args.first ?? 100),
        byLevel: (_: unknown, args: { level: string }) =>
          [...rows.values()].filter((row) => row.level === args.level),
      },
      Mutation: {
        renameWidget: (_: unknown, args: { id: string; name: string }) => {
          const row = rows.get(args.id);
          if (!row)
            throw new GraphQLError(`Widget ${args.id} not found`, { extensions: { code: 'NOT_FOUND' } });
          row.name = args.name;
          return row;
        },
      },
      Widget: {
        __resolveReference: (reference: { id: string }) => widget(reference.id),
        parent: (row: WidgetRow) => (row.parent ? widget(row.parent) : null),
      },
    },
    port,
  );
}

export async function startBeta(port = 0): Promise<FakeSubgraph> {
  return serve(
    'beta',
    BETA_SDL,
    {
      Query: {
        slow: async (_: unknown, args: { ms: number }) => {
          await sleep(args.ms);
          return 'done';
        },
      },
      Widget: {
        __resolveReference: (reference: { id: string }) => ({
          id: reference.id,
          rating: Number(reference.id.slice(1)),
        }),
      },
    },
    port,
  );
}

export function composeFakes(...subgraphs: FakeSubgraph[]): string {
  return composeSupergraph(subgraphs.map(({ name, url, sdl }) => ({ name, url, sdl })));
}
