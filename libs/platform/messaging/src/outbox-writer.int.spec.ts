import { randomUUID } from 'node:crypto';
import { Client, type Notification } from 'pg';
import { fromKafkaHeaders } from '@opsgraph/contracts-events';
import { extractTraceContext, inTraceContext, startTracing } from '@opsgraph/observability';
import { InvalidOutboxEventError } from './errors';
import { OutboxWriter } from './outbox-writer';
import { ticketEvent } from './test-support/events';
import { createHarness, type Harness, waitFor } from './test-support/harness';

// Tracing off (no OTEL_* exporter): the W3C context is still passed on, without spans of our own.
startTracing({ serviceName: 'outbox-writer-test', env: {} });

describe('OutboxWriter', () => {
  let harness: Harness;
  let writer: OutboxWriter;
  let listener: Client;
  const notifications: Notification[] = [];

  beforeAll(async () => {
    harness = await createHarness('outbox-writer');
    writer = new OutboxWriter({ namespace: harness.namespace });
    listener = new Client({ connectionString: harness.database.url });
    await listener.connect();
    listener.on('notification', (notification) => notifications.push(notification));
    await listener.query('listen opsgraph_outbox');
  });
  afterAll(async () => {
    await listener.end();
    await harness.cleanup();
  });

  const count = async (): Promise<number> =>
    (await harness.dataSource.query('select count(*)::int as n from outbox'))[0].n;

  it('writes the event with its topic, key fields and envelope headers in the caller’s transaction', async () => {
    const ticketId = randomUUID();
    const event = ticketEvent(ticketId, 1);
    // The request's trace (here the W3C example, as it arrives): the row keeps it for the relay.
    const request = extractTraceContext({
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      tracestate: 'opsgraph=t61rcWkgMzE',
    });
    await inTraceContext(request, () =>
      harness.dataSource.transaction(async (manager) => {
        await writer.append(manager, event);
      }),
    );
    const [row] = await harness.dataSource.query('select * from outbox where event_id = $1', [event.eventId]);
    expect(row).toMatchObject({
      topic: harness.ticketTopic,
      aggregate_type: 'ticket',
      aggregate_id: ticketId,
      aggregate_version: 1,
      event_type: 'ticket.progress_added',
      published_at: null,
    });
    expect(row.payload).toEqual(event);
    expect(fromKafkaHeaders(row.headers)).toMatchObject({
      eventId: event.eventId,
      aggregateVersion: 1,
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });
    expect(row.headers.tracestate).toBe('opsgraph=t61rcWkgMzE');
    await waitFor(
      async () => notifications.length,
      (n) => n >= 1,
      { what: 'the outbox notification' },
    );
  });

  it('writes no trace headers outside a trace', async () => {
    const event = ticketEvent(randomUUID(), 1);
    await harness.dataSource.transaction((manager) => writer.append(manager, event));
    const [row] = await harness.dataSource.query('select headers from outbox where event_id = $1', [
      event.eventId,
    ]);
    expect(row.headers).not.toHaveProperty('traceparent');
    expect(row.headers).not.toHaveProperty('tracestate');
  });

  it('refuses an invalid event with a typed error and writes nothing, not even the valid ones beside it', async () => {
    const before = await count();
    const valid = ticketEvent(randomUUID(), 1);
    const invalid = { ...ticketEvent(randomUUID(), 2), aggregateId: 'not-a-uuid' };
    const attempt = harness.dataSource.transaction((manager) => writer.appendMany(manager, [valid, invalid]));
    await expect(attempt).rejects.toBeInstanceOf(InvalidOutboxEventError);
    await expect(attempt).rejects.toMatchObject({
      eventType: 'ticket.progress_added',
      errors: [expect.stringMatching(/aggregateId/)],
    });
    expect(await count()).toBe(before);
  });

  it('writes nothing and notifies nobody when the transaction rolls back', async () => {
    const before = await count();
    notifications.length = 0;
    await expect(
      harness.dataSource.transaction(async (manager) => {
        await writer.append(manager, ticketEvent(randomUUID(), 1));
        throw new Error('use-case failed');
      }),
    ).rejects.toThrow('use-case failed');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await count()).toBe(before);
    expect(notifications).toHaveLength(0);
  });

  it('insists on running inside a transaction', async () => {
    await expect(writer.append(harness.dataSource.manager, ticketEvent(randomUUID(), 1))).rejects.toThrow(
      /inside the transaction/,
    );
  });

  it('appends many events in order in one statement batch', async () => {
    const ticketId = randomUUID();
    const events = Array.from({ length: 1200 }, (_, i) => ticketEvent(ticketId, i + 1));
    await harness.dataSource.transaction((manager) => writer.appendMany(manager, events));
    const rows: { aggregate_version: number }[] = await harness.dataSource.query(
      'select aggregate_version from outbox where aggregate_id = $1 order by id',
      [ticketId],
    );
    expect(rows.map((row) => row.aggregate_version)).toEqual(events.map((event) => event.aggregateVersion));
  });
});
