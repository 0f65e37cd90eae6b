import { topicFor, topicName, type AggregateType, type TopicEntry } from '@opsgraph/contracts-events';

/** A catalogue entry or a catalogue topic name (`opsgraph.ticket.events.v1`), before the namespace. */
export type TopicRef = TopicEntry | string;

export function resolveTopic(topic: TopicRef, namespace = ''): string {
  return topicName(typeof topic === 'string' ? { name: topic } : topic, namespace);
}

export function topicForAggregate(aggregateType: string, namespace = ''): string {
  return topicName(topicFor(aggregateType as AggregateType), namespace);
}
