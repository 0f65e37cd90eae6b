import { migrationRoundTrip } from '@opsgraph/service-kit/testing';
import { subgraph } from '../subgraph';

describe('asset migrations (real PostgreSQL)', () => {
  it('go up, all the way down, and up again', async () => {
    const { tablesUp, tablesDown, tablesUpAgain } = await migrationRoundTrip(subgraph, 'asset-migrations');
    expect(tablesUp).toEqual(
      expect.arrayContaining([
        'assets',
        'asset_faults',
        'maintenance_plans',
        'maintenance_schedules',
        'maintenance_records',
        'unmatched_fault_tickets',
        'audit_log',
        'outbox',
      ]),
    );
    expect(tablesDown).toEqual([]);
    expect(tablesUpAgain).toEqual(tablesUp);
  });
});
