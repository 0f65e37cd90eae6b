import { migrationRoundTrip } from '@opsgraph/service-kit/testing';
import { subgraph } from '../subgraph';

describe('incident migrations (real PostgreSQL)', () => {
  it('go up, all the way down, and up again', async () => {
    const { tablesUp, tablesDown, tablesUpAgain } = await migrationRoundTrip(subgraph, 'incident-migrations');
    expect(tablesUp).toEqual(
      expect.arrayContaining([
        'incidents',
        'incident_timeline',
        'incident_action_items',
        'contingency_plans',
        'contingency_plan_versions',
        'risks',
        'audit_log',
        'outbox',
      ]),
    );
    expect(tablesDown).toEqual([]);
    expect(tablesUpAgain).toEqual(tablesUp);
  });
});
