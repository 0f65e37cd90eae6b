import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions, type ValidatorFn } from 'type-graphql';
import { authChecker as defaultAuthChecker } from '../auth/auth-checker';
import { DateTimeScalar } from '../scalars/date-time';
import { useInputHygiene } from '../validation/input-hygiene';
import { validateArguments } from '../validation/validate-args';

export const FEDERATION_SPEC_URL = 'https://specs.apollo.dev/federation/v2.7';
export const FEDERATION_IMPORTS = [
  '@key',
  '@shareable',
  '@external',
  '@requires',
  '@provides',
  '@inaccessible',
  '@tag',
  '@interfaceObject',
  '@override',
] as const;
export const FEDERATION_LINK = `extend schema @link(url: "${FEDERATION_SPEC_URL}", import: [${FEDERATION_IMPORTS.map(
  (name) => `"${name}"`,
).join(', ')}])`;

// @apollo/subgraph's index does not export its resolver map type.
type SubgraphResolvers = NonNullable<
  Extract<Parameters<typeof buildSubgraphSchema>[0], { resolvers?: unknown }>['resolvers']
>;

// `never` parameters accept a resolver typed with any reference/context shape.
export type ReferenceResolver = (reference: never, context: never, info: never) => unknown;

/** Per entity type name: its `__resolveReference` (use `batchedReference`). */
export type ReferenceResolvers = Record<string, { __resolveReference: ReferenceResolver }>;

/** `{ type: Date, scalar: DateTimeScalar }`: a TypeScript class and the GraphQL scalar it maps to. */
export type ScalarMapping = NonNullable<BuildSchemaOptions['scalarsMap']>[number];

export interface FederatedSchemaOptions {
  resolvers: BuildSchemaOptions['resolvers'];
  /** Types no resolver returns but the graph needs, e.g. entity stubs only reached through `_entities`. */
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  /** Default: `authChecker` of this kit (caller from the gateway headers, roles). */
  authChecker?: BuildSchemaOptions['authChecker'];
  referenceResolvers?: ReferenceResolvers;
  /** Added to the default `Date → DateTime`. */
  scalarsMap?: ScalarMapping[];
  /**
   * `true` (default): class-validator rules on arguments, violations as BAD_USER_INPUT with `field`.
   * A function replaces that check; `false` turns it off.
   */
  validate?: boolean | ValidatorFn;
}

/**
 * The root types' descriptions, the same in every subgraph (composition merges one `Query` and one `Mutation` from
 * all of them; type-graphql has no decorator for root types).
 */
export const ROOT_TYPE_DESCRIPTIONS = {
  query:
    'Reads of the operations graph. Each field states who may call it; a caller without the right gets FORBIDDEN, ' +
    'and a record the caller may not see answers NOT_FOUND (error codes: docs/graphql/errors.md).',
  mutation:
    'Changes to the operations graph, one domain verb each with one input. A change is all or nothing: it answers ' +
    'BAD_USER_INPUT (with field), FORBIDDEN, NOT_FOUND, INVALID_TRANSITION or CONFLICT (stale expectedVersion) ' +
    'and then has written nothing (docs/graphql/errors.md).',
} as const;

/**
 * type-graphql classes → a federation 2 subgraph schema. The SDL detour is what makes type-graphql's
 * `@Directive('@key(...)')` reach @apollo/subgraph, which reads directives from type definitions.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const validate = options.validate ?? true;
  // Before validation and every resolver that takes arguments: UUID ids and NUL-free strings
  // (validation/input-hygiene.ts).
  useInputHygiene();
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    authChecker: options.authChecker ?? defaultAuthChecker,
    authMode: 'error',
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }, ...(options.scalarsMap ?? [])],
    validate: false,
    validateFn: validate === true ? validateArguments : validate === false ? undefined : validate,
  });

  const query = typeGraphqlSchema.getQueryType();
  if (query) query.description = ROOT_TYPE_DESCRIPTIONS.query;
  const mutation = typeGraphqlSchema.getMutationType();
  if (mutation) mutation.description = ROOT_TYPE_DESCRIPTIONS.mutation;
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}`;
  const resolvers = createResolversMap(typeGraphqlSchema) as SubgraphResolvers;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    if (!typeGraphqlSchema.getType(typeName)) {
      throw new Error(`referenceResolvers: type ${typeName} is not in the schema`);
    }
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as SubgraphResolvers[string];
  }

  // The array form: the single-object form crashes on @apollo/subgraph 2.15 (docs/architecture.md).
  return buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
}

/** The subgraph SDL (with @link and @key) that static composition reads; what `_service { sdl }` returns. */
export function printSubgraphSdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}
