// `_entities` for Kpi: every representation of a request in one query (a per-request DataLoader).
import { batchedReference, createLoader, type EntityReference } from '@opsgraph/graphql-kit';
import type { DataSource } from 'typeorm';
import { permissions } from '../permissions';
import type { KpiContext } from '../subgraph';
import { KpiReads } from './kpi.repository';
import type { KpiRecord } from './kpi.rules';

export const kpiLoaders = (dataSource: DataSource) => ({
  kpis: createLoader(
    (ids) => new KpiReads(dataSource.manager).byIds(ids),
    (row: KpiRecord) => row.id,
  ),
});
export type KpiLoaders = ReturnType<typeof kpiLoaders>;

const load = batchedReference((ctx: KpiContext) => ctx.loaders.kpis);

export const kpiReferences = {
  Kpi: {
    // A caller who may not view kpis gets null, as for an unknown id.
    __resolveReference: (reference: EntityReference, ctx: KpiContext) =>
      permissions.can(ctx.caller, 'VIEW_KPIS') ? load(reference, ctx) : null,
  },
};
