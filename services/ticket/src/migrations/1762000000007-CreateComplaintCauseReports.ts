import { sqlMigration } from '@opsgraph/persistence';

/**
 * When each recurring complaint cause was last reported (docs/product.md §11.3): the upsert on this row lets one of
 * two concurrent investigations report a cause, never both. The index serves the window's investigations.
 */
export const CreateComplaintCauseReports1762000000007 = sqlMigration({
  name: 'CreateComplaintCauseReports1762000000007',
  up: [
    `
      create table complaint_cause_reports (
        cause_key text primary key,
        reported_at timestamptz not null
      )`,
    'create index complaint_details_investigated_at on complaint_details (investigated_at)',
  ],
  down: ['drop index complaint_details_investigated_at', 'drop table complaint_cause_reports'],
});
