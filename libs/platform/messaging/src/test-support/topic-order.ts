import type { DomainEvent } from '@opsgraph/contracts-events';
import type { TopicRecord } from './harness';

export interface TopicAudit {
  /** Distinct event ids on the topic. */
  eventIds: Set<string>;
  /** Messages whose event id appeared before. */
  duplicates: number;
  /** First occurrences whose aggregateVersion is not the previous one + 1, per partition order. */
  outOfOrder: number;
}

export function auditTopic(records: readonly TopicRecord[]): TopicAudit {
  const eventIds = new Set<string>();
  const lastVersion = new Map<string, number>();
  let duplicates = 0;
  let outOfOrder = 0;
  for (const { message } of records) {
    const event = JSON.parse(String(message.value)) as DomainEvent;
    if (eventIds.has(event.eventId)) {
      duplicates += 1;
      continue;
    }
    eventIds.add(event.eventId);
    if (event.aggregateVersion !== (lastVersion.get(event.aggregateId) ?? 0) + 1) outOfOrder += 1;
    lastVersion.set(event.aggregateId, event.aggregateVersion);
  }
  return { eventIds, duplicates, outOfOrder };
}
