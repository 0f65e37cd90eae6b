// Reads an aggregate's events back from its topic in a harness's namespace.
import { topicFor, topicName, type AggregateType, type EventEnvelope } from '@opsgraph/contracts-events';
import type { TestKafka } from './test-kafka';
import { waitFor } from './wait-for';

/** Waits until the topic holds `count` events of the aggregate and returns them in order. */
export async function eventsOf(
  kafka: TestKafka,
  aggregateType: AggregateType,
  aggregateId: string,
  count: number,
): Promise<EventEnvelope[]> {
  const topic = topicName(topicFor(aggregateType), kafka.namespace);
  const seen: EventEnvelope[] = [];
  const consumer = kafka.kafka.consumer({ groupId: `${kafka.namespace}.reader.${aggregateId}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => void seen.push(JSON.parse(String(message.value))),
    });
    const mine = (all: EventEnvelope[]) => all.filter((event) => event.aggregateId === aggregateId);
    return mine(
      await waitFor(
        async () => seen,
        (all) => mine(all).length >= count,
        { what: `${count} events` },
      ),
    );
  } finally {
    await consumer.disconnect();
  }
}
