import { sqlMigration } from '@opsgraph/persistence';

/**
 * A merged duplicate counts in no KPI figure (docs/product.md §Merging duplicates): the ticket facts keep the
 * survivor a duplicate was merged into. Facts folded before this migration have none until the ticket-kpi
 * projection is replayed (`nx run hr-performance:replay --args=ticket-kpi`).
 */
export const KpiFactsMergedInto1760000000007 = sqlMigration({
  name: 'KpiFactsMergedInto1760000000007',
  up: ['alter table kpi_ticket_facts add column merged_into_id uuid'],
  down: ['alter table kpi_ticket_facts drop column merged_into_id'],
});
