import { GraphQLDateTime } from 'graphql-scalars';

/**
 * `DateTime` (ISO-8601, serialized in UTC) for every subgraph. `buildFederatedSchema` maps JS `Date` to it,
 * so `@Field() createdAt: Date` needs no explicit type.
 */
export const DateTimeScalar = GraphQLDateTime;
