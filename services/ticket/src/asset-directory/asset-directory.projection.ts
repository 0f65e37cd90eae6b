// Assets as the ticket service knows them, from the asset topic (docs/product.md §12.3): enough to route a FAULT
// ticket about an asset by the asset's category. Every asset event carries the asset's snapshot, so any of them
// (not only asset.registered) tells the category; the asset service never changes a category after registration
// (asset.updated cannot report it as changed), but the version guard keeps the newest snapshot either way.
import { assetEventDefinitions, type AssetEvent } from '@opsgraph/contracts-events';
import { defineProjection } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import { ASSET_DIRECTORY_TABLES, AssetDirectoryRepository } from './asset-directory.repository';

export function projectAssetEvent(event: AssetEvent, manager: EntityManager): Promise<void> {
  return new AssetDirectoryRepository(manager).save({
    id: event.data.assetId,
    tag: event.data.tag,
    category: event.data.category,
    version: event.aggregateVersion,
  });
}

/** Consumer `ticket-asset-directory`: replayable (truncate known_assets, re-read the asset topic). */
export const assetDirectoryProjection = defineProjection({
  name: 'asset-directory',
  topics: ['asset'],
  handles: assetEventDefinitions.map((definition) => definition.type),
  handle: (event, manager) => projectAssetEvent(event, manager),
  handleBatch: async (events, manager) => {
    for (const event of events) await projectAssetEvent(event, manager);
  },
  tables: ASSET_DIRECTORY_TABLES,
});
