// The asset directory read model's table: upserts guarded by the asset's aggregate version, and the category lookup
// routing needs (docs/product.md §12.3).
import type { AssetCategory } from '@opsgraph/contracts-events';
import type { EntityManager } from 'typeorm';

export const ASSET_DIRECTORY_TABLES = ['known_assets'] as const;

export interface KnownAsset {
  readonly id: string;
  readonly tag: string;
  readonly category: AssetCategory;
  /** The asset's aggregate version of the event that last set the row. */
  readonly version: number;
}

export class AssetDirectoryRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Inserts the asset, or replaces it when `version` is newer than the stored one (late events change nothing). */
  async save(asset: KnownAsset): Promise<void> {
    await this.manager.query(
      `insert into known_assets (id, tag, category, version) values ($1, $2, $3, $4)
       on conflict (id) do update set tag = excluded.tag, category = excluded.category, version = excluded.version
       where known_assets.version < excluded.version`,
      [asset.id, asset.tag, asset.category, asset.version],
    );
  }

  /** The asset's category, or null when the asset is not known (yet). */
  async category(assetId: string): Promise<AssetCategory | null> {
    const rows: { category: AssetCategory }[] = await this.manager.query(
      'select category from known_assets where id = $1',
      [assetId],
    );
    return rows[0]?.category ?? null;
  }
}
