// Test support: the kit's service harness for hr-performance, plus producers on the topics its projections read
// (tickets for praise letters, the KPI service's snapshots for appraisals and training). Integration tests only.
import { topicFor, topicName, type DomainEvent } from '@opsgraph/contracts-events';
import { Role } from '@opsgraph/domain';
import { createServiceHarness } from '@opsgraph/service-kit/testing';
import { createEventPublisher, waitForGroupCaughtUp } from '@opsgraph/testing';
import { subgraph } from '../subgraph';

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export async function startHarness(label: string) {
  const harness = await createServiceHarness(subgraph, label, {
    defaultCaller: { role: Role.ADMIN },
    // LOG_LEVEL=debug npx jest … shows the service's logs
    env: process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {},
  });
  const ticketTopic = topicName(topicFor('ticket'), harness.kafka.namespace);
  const snapshotTopic = topicName(topicFor('kpi-snapshot'), harness.kafka.namespace);
  const publisher = createEventPublisher(harness.kafka.kafka);
  return {
    ...harness,
    namespace: harness.kafka.namespace,
    publishTicketEvents: (events: readonly DomainEvent[]) => publisher.publish(ticketTopic, events),
    ticketTopicConsumed: (groupId: string) => waitForGroupCaughtUp(harness.kafka.kafka, groupId, ticketTopic),
    publishSnapshotEvents: (events: readonly DomainEvent[]) => publisher.publish(snapshotTopic, events),
    snapshotTopicConsumed: (groupId: string) =>
      waitForGroupCaughtUp(harness.kafka.kafka, groupId, snapshotTopic),
    async close() {
      await publisher.close();
      await harness.stop();
    },
  };
}
