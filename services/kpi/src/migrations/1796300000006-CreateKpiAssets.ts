import { sqlMigration } from '@opsgraph/persistence';

/** Assets in service per category, from the asset topic: the denominator of availability (docs/product.md §KPI). */
export const CreateKpiAssets1796300000006 = sqlMigration({
  name: 'CreateKpiAssets1796300000006',
  up: [
    `create table kpi_assets (asset_id uuid primary key, category text not null, in_service boolean not null,
       version int not null)`,
  ],
  down: ['drop table kpi_assets'],
});
