import { fromKafkaHeaders, toKafkaHeaders } from '@opsgraph/contracts-events';
import { buildDlqHeaders, DLQ_HEADERS } from './dlq';
import { toProducerMessage, toTopicMessages, type OutboxRow } from './outbox-message';
import { ticketEvent } from './test-support/events';

const AGGREGATE = '6a0f3c2e-1b4d-4e8f-9a7c-5d2e1f0b3a9c';

function row(id: string, topic: string, version: number): OutboxRow {
  const event = ticketEvent(AGGREGATE, version);
  return {
    id,
    event_id: event.eventId,
    topic,
    aggregate_id: event.aggregateId,
    payload: event,
    headers: toKafkaHeaders(event, {
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    }),
    created_at: new Date(),
  };
}

describe('outbox → Kafka message', () => {
  it('keys by aggregate id, carries the envelope as JSON and the envelope headers', () => {
    const outbox = row('1', 'opsgraph.ticket.events.v1', 3);
    const message = toProducerMessage(outbox);
    expect(message.key).toBe(AGGREGATE);
    expect(JSON.parse(String(message.value))).toEqual(outbox.payload);
    const headers = fromKafkaHeaders(message.headers);
    expect(headers).toMatchObject({
      eventId: outbox.event_id,
      aggregateId: AGGREGATE,
      aggregateVersion: 3,
      type: 'ticket.progress_added',
    });
    expect(headers.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
  });

  it('groups by topic and keeps id order inside each topic', () => {
    const rows = [row('1', 'a', 1), row('2', 'b', 2), row('3', 'a', 3), row('4', 'a', 4)];
    const grouped = toTopicMessages(rows);
    expect(grouped.map((entry) => entry.topic)).toEqual(['a', 'b']);
    expect(grouped[0].messages.map((message) => JSON.parse(String(message.value)).aggregateVersion)).toEqual([
      1, 3, 4,
    ]);
  });
});

describe('dead-letter headers', () => {
  it('keep the original headers and add where the message came from and why it failed', () => {
    const headers = buildDlqHeaders({
      topic: 'opsgraph.ticket.events.v1',
      partition: 4,
      offset: '1234',
      error: 'Error: boom',
      attempts: 3,
      consumer: 'kpi-projector',
      originalHeaders: { 'event-id': 'abc', [DLQ_HEADERS.attempts]: '1' },
    });
    expect(headers).toEqual({
      'event-id': 'abc',
      'dlq-original-topic': 'opsgraph.ticket.events.v1',
      'dlq-original-partition': '4',
      'dlq-original-offset': '1234',
      'dlq-error': 'Error: boom',
      'dlq-attempts': '3',
      'dlq-consumer': 'kpi-projector',
    });
  });

  it('bound the error text', () => {
    const headers = buildDlqHeaders({
      topic: 't',
      partition: 0,
      offset: '0',
      error: 'x'.repeat(10_000),
      attempts: 1,
      consumer: 'c',
    });
    expect(String(headers[DLQ_HEADERS.error])).toHaveLength(2000);
  });
});
