// `_entities` for Asset: every representation of a request in one query (a per-request DataLoader).
import { batchedReference, createLoader, type EntityReference } from '@opsgraph/graphql-kit';
import type { DataSource } from 'typeorm';
import { permissions } from '../permissions';
import type { AssetContext } from '../subgraph';
import { AssetReads } from './asset.repository';
import type { AssetRecord } from './asset.rules';

export const assetLoaders = (dataSource: DataSource) => ({
  assets: createLoader(
    (ids) => new AssetReads(dataSource.manager).byIds(ids),
    (row: AssetRecord) => row.id,
  ),
});
export type AssetLoaders = ReturnType<typeof assetLoaders>;

const load = batchedReference((ctx: AssetContext) => ctx.loaders.assets);

export const assetReferences = {
  Asset: {
    // A caller who may not view assets gets null, as for an unknown id.
    __resolveReference: (reference: EntityReference, ctx: AssetContext) =>
      permissions.can(ctx.caller, 'VIEW_ASSETS') ? load(reference, ctx) : null,
  },
};
