// What a subgraph is, declared once: its name, tables, schema, use-cases, projections and jobs. The app builder, the
// process main, the SDL printer, the replay command and the test harness all take this one object.
import type { Caller, Clock } from '@opsgraph/domain';
import type { FederatedSchemaOptions, ReferenceResolvers } from '@opsgraph/graphql-kit';
import type { Logger } from '@opsgraph/observability';
import type { Env, ServiceConfig } from '@opsgraph/service-runtime';
import type { DataSource, MigrationInterface } from 'typeorm';
import type { Projection } from '../projections/define-projection';
import type { UnitOfWork } from '../write/unit-of-work';

// Entity classes (TypeORM's wider option also takes globs, which the kit does not use: entities are explicit).
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = readonly Function[];
type MigrationClass = new () => MigrationInterface;

/** What a service's factories receive. */
export interface SubgraphKit<C extends ServiceConfig> {
  readonly config: C;
  readonly dataSource: DataSource;
  /** Writes state, audit and outbox in one transaction; `producer` is the service name. */
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
  readonly logger: Logger;
}

export interface JobSpec {
  readonly name: string;
  readonly intervalMs: number;
  readonly run: () => Promise<unknown>;
}

export interface SubgraphDefinition<
  C extends ServiceConfig = ServiceConfig,
  S = unknown,
  X extends object = object,
> {
  /** As in the services manifest, e.g. `ticket`: producer of its events, label of its logs and metrics. */
  readonly name: string;
  /** The service's own variables beyond ServiceConfig. */
  readonly config?: (env: Env, base: ServiceConfig) => C;
  /** Defaults for PORT and the database; default: this subgraph's entry in the services manifest. */
  readonly defaults?: { port: number; database: string };
  readonly entities: EntityList;
  /** The service's migrations; the platform's (outbox, inbox, audit log) run first. */
  readonly migrations: readonly MigrationClass[];
  readonly schema: Omit<FederatedSchemaOptions, 'referenceResolvers'> & { references?: ReferenceResolvers };
  /** The use-cases, built once per process. */
  readonly services: (kit: SubgraphKit<C>) => S;
  /** Per-request additions to the resolver context (DataLoaders…); `services` is always there. */
  readonly context?: (kit: SubgraphKit<C> & { services: S }, caller: Caller) => X;
  /** A list, or a list built from the configuration (e.g. a projection that needs a setting such as a time zone). */
  readonly projections?: readonly Projection[] | ((config: C) => readonly Projection[]);
  /** Background jobs; run when RUN_JOBS is on (default), safe on every replica (claim rows with SKIP LOCKED). */
  readonly jobs?: (kit: SubgraphKit<C> & { services: S }) => readonly JobSpec[];
}

/** Identity with inference: `export const subgraph = defineSubgraph({ … })`. */
export function defineSubgraph<C extends ServiceConfig, S, X extends object>(
  definition: SubgraphDefinition<C, S, X>,
): SubgraphDefinition<C, S, X> {
  return definition;
}

/** The definition's projections under `config`. */
export function projectionsOf<C extends ServiceConfig>(
  definition: Pick<SubgraphDefinition<C>, 'projections'>,
  config: C,
): readonly Projection[] {
  const { projections } = definition;
  return typeof projections === 'function' ? projections(config) : (projections ?? []);
}
