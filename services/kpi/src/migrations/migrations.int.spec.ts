import { migrationRoundTrip } from '@opsgraph/service-kit/testing';
import { subgraph } from '../subgraph';

describe('kpi migrations (real PostgreSQL)', () => {
  it('go up, all the way down, and up again', async () => {
    const { tablesUp, tablesDown, tablesUpAgain } = await migrationRoundTrip(subgraph, 'kpi-migrations');
    expect(tablesUp).toEqual(
      expect.arrayContaining(['kpi_ticket_facts', 'kpi_day_cells', 'audit_log', 'outbox']),
    );
    expect(tablesDown).toEqual([]);
    expect(tablesUpAgain).toEqual(tablesUp);
  });
});
