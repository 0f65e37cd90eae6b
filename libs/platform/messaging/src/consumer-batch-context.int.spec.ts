import { randomUUID } from 'node:crypto';
import { type DomainEvent } from '@opsgraph/contracts-events';
import {
  activeTraceIds,
  currentCorrelationId,
  inTraceContext,
  SpanKind,
  startInMemoryTracing,
} from '@opsgraph/observability';
import { createConsumer, type BatchContext } from './consumer-runtime';
import { ticketEvent } from './test-support/events';
import { produceToPartitions, waitFor } from './test-support/harness';
import { ticketConsumerOptions, useHarness } from './test-support/suite';

interface BatchCall {
  eventIds: string[];
  context: BatchContext;
  correlationId: string | undefined;
}

interface Sent {
  event: DomainEvent;
  traceparent?: string;
}

const trace = (traceId: string, spanId: string) => `00-${traceId}-${spanId}-01`;
// Spans recorded in memory: the consumer's spans, each in its producer's trace.
const exporter = startInMemoryTracing({ instrumentations: false });

describe('consumer batch path: correlation and trace context', () => {
  const suite = useHarness('consumer-batch-context');

  /** Each list to its own partition, in one request, so that each arrives as one Kafka batch. */
  async function send(partitions: Sent[][]): Promise<void> {
    const traceparents = new Map(partitions.flat().map(({ event, traceparent }) => [event, traceparent]));
    await produceToPartitions(
      suite.harness.kafka,
      suite.harness.ticketTopic,
      partitions.map((sent) => sent.map(({ event }) => event)),
      (event) => traceparents.get(event),
    );
  }

  it('runs a batch under its events’ shared correlation id (else a new one) and hands each event its own context', async () => {
    const { harness } = suite;
    const shared = randomUUID();
    const [y, z] = [randomUUID(), randomUUID()];
    const ticketA = randomUUID();
    const ticketB = randomUUID();
    const a = [1, 2, 3].map((version) => ({ ...ticketEvent(ticketA, version), correlationId: shared }));
    const processedBefore = { ...ticketEvent(ticketB, 1), correlationId: y };
    const b = [
      { ...ticketEvent(ticketB, 2), correlationId: y },
      { ...ticketEvent(ticketB, 3), correlationId: z },
      { ...ticketEvent(ticketB, 4), correlationId: y },
    ];
    const traceA = '4bf92f3577b34da6a3ce929d0e0e4736';
    const traceB = '0af7651916cd43dd8448eb211c80319c';
    await harness.dataSource.query('insert into processed_events (consumer, event_id) values ($1, $2)', [
      'batch-context',
      processedBefore.eventId,
    ]);
    await send([
      // Partition 0: offsets 0-2, then a redelivery of the first event at offset 3.
      [
        { event: a[0], traceparent: trace(traceA, '00f067aa0ba902b1') },
        { event: a[1], traceparent: trace(traceA, '00f067aa0ba902b2') },
        { event: a[2], traceparent: trace(traceA, '00f067aa0ba902b3') },
        { event: a[0], traceparent: trace(traceA, '00f067aa0ba902b1') },
      ],
      // Partition 1: an event processed before (offset 0), then mixed correlation ids; one without a traceparent.
      [
        { event: processedBefore, traceparent: trace(traceB, 'b7ad6b7169203330') },
        { event: b[0], traceparent: trace(traceB, 'b7ad6b7169203331') },
        { event: b[1] },
        { event: b[2], traceparent: trace(traceB, 'b7ad6b7169203333') },
      ],
    ]);

    const calls: BatchCall[] = [];
    const runtime = createConsumer({
      ...ticketConsumerOptions(harness, 'batch-context'),
      handleBatch: async (events, _manager, context) => {
        calls.push({
          eventIds: events.map((event) => event.eventId),
          context,
          correlationId: currentCorrelationId(),
        });
      },
      handle: async () => {
        throw new Error('the batch path should handle these');
      },
    });
    suite.track(runtime);
    await runtime.start();
    await waitFor(
      async () => calls.length,
      (n) => n >= 2,
      { what: 'one batch per partition' },
    );

    expect(calls).toHaveLength(2);
    const [first, second] = [0, 1].map((partition) => {
      const call = calls.find((entry) => entry.context.partition === partition);
      if (!call) throw new Error(`no batch from partition ${partition}`);
      return call;
    });

    // Partition 0: the redelivered copy is dropped along with its context; everything shares one correlation id.
    expect(first.eventIds).toEqual(a.map((event) => event.eventId));
    expect(first.context.topic).toBe(harness.ticketTopic);
    expect(first.context.messages.map((message) => message.offset)).toEqual(['0', '1', '2']);
    expect(first.correlationId).toBe(shared);
    first.context.messages.forEach((message, i) => {
      expect(message).toMatchObject({ topic: harness.ticketTopic, partition: 0 });
      const ids = inTraceContext(message.trace, activeTraceIds);
      expect(ids.traceId).toBe(traceA);
      expect(ids.spanId).not.toBe(`00f067aa0ba902b${i + 1}`);
    });

    // Partition 1: the event processed before is dropped; mixed correlation ids give the batch a new one.
    expect(second.eventIds).toEqual(b.map((event) => event.eventId));
    expect(second.context.messages.map((message) => message.offset)).toEqual(['1', '2', '3']);
    expect(second.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect([y, z]).not.toContain(second.correlationId);
    const [withParent, withoutParent, last] = second.context.messages.map((message) =>
      inTraceContext(message.trace, activeTraceIds),
    );
    expect(withParent.traceId).toBe(traceB);
    expect(withoutParent.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(withoutParent.traceId).not.toBe(traceB);
    expect(last.traceId).toBe(traceB);

    // The recorded spans: one consumer span per message, a child of the span that produced it; the batch write
    // is a span of its own that links every message of its batch.
    // They end when the batch transaction has committed, just after the handler returned: 8 messages, 2 writes.
    const spans = await waitFor(
      async () => exporter.getFinishedSpans(),
      (all) => all.filter((span) => span.kind === SpanKind.CONSUMER).length >= 8 && all.length >= 10,
      { what: 'the consumer spans' },
    );
    const processed = spans.filter((span) => span.kind === SpanKind.CONSUMER);
    const parentOf = (eventId: string) =>
      processed.find((span) => span.attributes['messaging.message.id'] === eventId)?.parentSpanContext
        ?.spanId;
    expect(a.map((event) => parentOf(event.eventId))).toEqual([
      '00f067aa0ba902b1',
      '00f067aa0ba902b2',
      '00f067aa0ba902b3',
    ]);
    expect(parentOf(b[0].eventId)).toBe('b7ad6b7169203331');
    expect(parentOf(b[1].eventId)).toBeUndefined();
    const writes = spans.filter((span) => span.name === 'batch-context handle batch');
    expect(writes.map((span) => span.links.length).sort()).toEqual([3, 3]);
    const firstWrite = writes.find((span) => span.spanContext().traceId === traceA);
    expect(firstWrite?.links.map((link) => link.context.traceId)).toEqual([traceA, traceA, traceA]);
  });
});
