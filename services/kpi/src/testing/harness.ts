// Test support: the kit's service harness for kpi plus a producer on the ticket topic the engine reads, whose
// `publish` returns once the engine's consumer has caught up. Integration tests only.
import { topicFor, topicName, type DomainEvent, type TicketEvent } from '@opsgraph/contracts-events';
import type { Role } from '@opsgraph/domain';
import { createServiceHarness, testCaller } from '@opsgraph/service-kit/testing';
import { createEventPublisher, waitForGroupCaughtUp } from '@opsgraph/testing';
import { customerTiersProjection } from '../customers/customer-tiers.projection';
import { ticketKpiProjection } from '../engine/ticket-kpi.projection';
import { departmentTreeProjection } from '../departments/department-tree.projection';
import { opsKpiProjection } from '../operations/ops-kpi.projection';
import { employeeDirectoryProjection } from '../org-figures/employee-directory.projection';
import { subgraph } from '../subgraph';

type OpsTopic = 'asset' | 'incident' | 'department' | 'employee' | 'ticket' | 'customer';

export type KpiHarness = Awaited<ReturnType<typeof startKpiHarness>>;

/** `env`: extra variables, e.g. `{ RUN_JOBS: 'false' }` when a test drives the jobs itself. */
export async function startKpiHarness(label: string, role: Role, env: Record<string, string> = {}) {
  const harness = await createServiceHarness(subgraph, label, { defaultCaller: testCaller(role), env });
  const topic = topicName(topicFor('ticket'), harness.kafka.namespace);
  const groupId = ticketKpiProjection(harness.app.config).groupId('kpi', harness.kafka.namespace);
  const projectionOf = (aggregateType: OpsTopic) => {
    if (aggregateType === 'department') return departmentTreeProjection();
    if (aggregateType === 'employee') return employeeDirectoryProjection();
    if (aggregateType === 'customer') return customerTiersProjection(harness.app.config);
    return opsKpiProjection(harness.app.config);
  };
  const groupOf = (aggregateType: OpsTopic) =>
    projectionOf(aggregateType).groupId('kpi', harness.kafka.namespace);
  const publisher = createEventPublisher(harness.kafka.kafka);
  return {
    ...harness,
    groupId,
    async publish(events: readonly TicketEvent[]): Promise<void> {
      await publisher.publish(topic, events);
      await waitForGroupCaughtUp(harness.kafka.kafka, groupId, topic);
    },
    /** Asset, incident, department, employee, customer or praise (ticket) events, returning once their consumer caught up. */
    async publishOps(events: readonly DomainEvent[], aggregateType: OpsTopic): Promise<void> {
      const opsTopic = topicName(topicFor(aggregateType), harness.kafka.namespace);
      await publisher.publish(opsTopic, events);
      await waitForGroupCaughtUp(harness.kafka.kafka, groupOf(aggregateType), opsTopic);
    },
    /** How many events one consumer (`kpi-ticket-kpi`, `kpi-ops-kpi`, …) has recorded as processed. */
    async processed(consumer: string): Promise<number> {
      const [row] = await harness.app.dataSource.query(
        'select count(*)::int as n from processed_events where consumer = $1',
        [consumer],
      );
      return row.n;
    },
    /** A hash of a facts table and a day-cells table, in key order: equal hashes, equal read models. */
    async hashTables(facts: string, factKey: string, cells: string): Promise<string> {
      const [row] = await harness.app.dataSource.query(`select
        (select md5(coalesce(string_agg(t::text, '|' order by t.${factKey}), '')) from ${facts} t) as facts,
        (select md5(coalesce(string_agg(t::text, '|' order by t.dimension_kind, t.dimension_value, t.day), ''))
           from ${cells} t) as cells`);
      return `${row.facts}/${row.cells}`;
    },
    caughtUp: () => waitForGroupCaughtUp(harness.kafka.kafka, groupId, topic),
    async close(): Promise<void> {
      await publisher.close();
      await harness.stop();
    },
  };
}
