export * from './agent-flows';
export * from './client';
export * as operations from './gql/graphql';
