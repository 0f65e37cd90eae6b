// The service kit: every subgraph is a `defineSubgraph({ … })` and the kit does the rest (wiring, write path,
// projections, jobs, SDL, replay). Services hold only their domain.
export {
  defineSubgraph,
  projectionsOf,
  type SubgraphDefinition,
  type SubgraphKit,
  type JobSpec,
} from './app/subgraph-definition';
export {
  createSubgraphApp,
  buildSubgraphSchema,
  createSubgraphDataSource,
  subgraphMigrations,
  type SubgraphApp,
  type SubgraphAppOptions,
} from './app/create-subgraph-app';
export { loadSubgraphConfig } from './app/config';
export { runSubgraph } from './app/run-subgraph';
export { useCaseMutations, type UseCaseMutation } from './app/use-case-mutations';
export { defineProjection, type Projection, type ProjectionSpec } from './projections/define-projection';
export {
  UnitOfWork,
  WriteTransaction,
  type AggregateChange,
  type AggregateKind,
  type AggregateStore,
  type Versioned,
  type WriteContext,
} from './write/unit-of-work';
export { draft, envelopeOf, type EventDraft, type EnvelopeContext } from './write/event-draft';
export { AuditLog, CreateAuditLog1700000000100, type AuditEntry, type AuditLine } from './write/audit-log';
export { actorOf, SYSTEM_ACTOR } from './write/actor';
export { lockRow } from './write/lock-row';
export { repositoryStore, type AggregateRepository } from './write/repository-store';
export { sqlTableStore, type SqlColumns, type SqlTable } from './write/sql-table-store';
export { metaOf, type RequestMeta } from './write/request-meta';
