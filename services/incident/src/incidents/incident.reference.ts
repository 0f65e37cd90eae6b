// `_entities` for Incident: every representation of a request in one query (a per-request DataLoader).
import { batchedReference, createLoader, type EntityReference } from '@opsgraph/graphql-kit';
import type { DataSource } from 'typeorm';
import { permissions } from '../permissions';
import type { IncidentContext } from '../subgraph';
import { IncidentReads } from './incident.repository';
import type { IncidentRecord } from './incident.rules';

export const incidentLoaders = (dataSource: DataSource) => ({
  incidents: createLoader(
    (ids) => new IncidentReads(dataSource.manager).byIds(ids),
    (row: IncidentRecord) => row.id,
  ),
});
export type IncidentLoaders = ReturnType<typeof incidentLoaders>;

const load = batchedReference((ctx: IncidentContext) => ctx.loaders.incidents);

export const incidentReferences = {
  Incident: {
    // A caller who may not view incidents gets null, as for an unknown id.
    __resolveReference: (reference: EntityReference, ctx: IncidentContext) =>
      permissions.can(ctx.caller, 'VIEW_INCIDENTS') ? load(reference, ctx) : null,
  },
};
