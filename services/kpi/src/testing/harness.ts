// Test support: the kit's service harness for kpi plus a producer on the ticket topic the engine reads, whose
// `publish` returns once the engine's consumer has caught up. Integration tests only.
import { topicFor, topicName, type DomainEvent, type TicketEvent } from '@opsgraph/contracts-events';
import type { Role } from '@opsgraph/domain';
import { createServiceHarness, testCaller } from '@opsgraph/service-kit/testing';
import { createEventPublisher, waitForGroupCaughtUp } from '@opsgraph/testing';
import { ticketKpiProjection } from '../engine/ticket-kpi.projection';
import { departmentTreeProjection } from '../departments/department-tree.projection';
import { opsKpiProjection } from '../operations/ops-kpi.projection';
import { subgraph } from '../subgraph';

type OpsTopic = 'asset' | 'incident' | 'department' | 'ticket';

export type KpiHarness = Awaited<ReturnType<typeof startKpiHarness>>;

export async function startKpiHarness(label: string, role: Role) {
  const harness = await createServiceHarness(subgraph, label, { defaultCaller: testCaller(role) });
  const topic = topicName(topicFor('ticket'), harness.kafka.namespace);
  const groupId = ticketKpiProjection(harness.app.config).groupId('kpi', harness.kafka.namespace);
  const groupOf = (aggregateType: OpsTopic) =>
    (aggregateType === 'department'
      ? departmentTreeProjection()
      : opsKpiProjection(harness.app.config)
    ).groupId('kpi', harness.kafka.namespace);
  const publisher = createEventPublisher(harness.kafka.kafka);
  return {
    ...harness,
    groupId,
    async publish(events: readonly TicketEvent[]): Promise<void> {
      await publisher.publish(topic, events);
      await waitForGroupCaughtUp(harness.kafka.kafka, groupId, topic);
    },
    /** Asset, incident, department or praise (ticket) events, returning once their consumer has caught up. */
    async publishOps(events: readonly DomainEvent[], aggregateType: OpsTopic): Promise<void> {
      const opsTopic = topicName(topicFor(aggregateType), harness.kafka.namespace);
      await publisher.publish(opsTopic, events);
      await waitForGroupCaughtUp(harness.kafka.kafka, groupOf(aggregateType), opsTopic);
    },
    caughtUp: () => waitForGroupCaughtUp(harness.kafka.kafka, groupId, topic),
    async close(): Promise<void> {
      await publisher.close();
      await harness.stop();
    },
  };
}
