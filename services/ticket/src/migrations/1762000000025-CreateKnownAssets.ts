import { sqlMigration } from '@opsgraph/persistence';

/**
 * Routing by asset category (docs/product.md §12.3): the ticket service's read model of the assets the asset service
 * owns (projection `asset-directory`; `version` is the asset's aggregate version, so a late or replayed event never
 * overwrites a newer one), and the rules' asset-category criterion.
 */
export const CreateKnownAssets1762000000025 = sqlMigration({
  name: 'CreateKnownAssets1762000000025',
  up: [
    `
      create table known_assets (
        id uuid primary key,
        tag text not null,
        category text not null,
        version int not null check (version >= 1)
      )`,
    "alter table routing_rules add column asset_categories text[] not null default '{}'",
  ],
  down: ['alter table routing_rules drop column asset_categories', 'drop table known_assets'],
});
