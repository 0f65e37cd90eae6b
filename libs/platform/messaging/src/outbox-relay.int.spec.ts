import { randomUUID } from 'node:crypto';
import { metricsRegistry } from '@opsgraph/observability';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';
import { eventIdOf, readTopic, type Harness, waitFor } from './test-support/harness';
import { useHarness } from './test-support/suite';
import { ticketEvent } from './test-support/events';
import { writeTicketEvent } from './test-support/writers';

async function metricValue(name: string): Promise<number> {
  const metric = metricsRegistry.getSingleMetric(name);
  if (!metric) return 0;
  return (await metric.get()).values.reduce((sum, entry) => sum + entry.value, 0);
}

describe('OutboxRelay', () => {
  const suite = useHarness('outbox-relay');
  let harness: Harness;
  let writer: OutboxWriter;
  /** This suite's relays in start order (the suite stops them all at the end). */
  const relays: OutboxRelay[] = [];

  beforeAll(() => {
    harness = suite.harness;
    writer = new OutboxWriter({ namespace: harness.namespace });
  });

  const newRelay = (): OutboxRelay => {
    const relay = new OutboxRelay({
      dataSource: harness.dataSource,
      kafka: harness.kafka,
      // Only NOTIFY can wake it this quickly: the poll interval is longer than the test.
      idleIntervalMs: 600_000,
      leaderRetryMs: 300,
      backlogIntervalMs: 200,
      logger: harness.logger,
    });
    relays.push(suite.track(relay));
    return relay;
  };

  const write = async (n: number): Promise<string[]> => {
    const ticketId = randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < n; i++)
      ids.push((await writeTicketEvent(harness.dataSource, writer, ticketId)).eventId);
    return ids;
  };

  it('elects one leader, publishes on NOTIFY, and a standby takes over when the leader’s connection dies', async () => {
    const publishedBefore = await metricValue('outbox_published_total');
    const [a, b] = [newRelay(), newRelay()];
    await a.start();
    await b.start();
    await waitFor(
      async () => [a.isLeader, b.isLeader].filter(Boolean).length,
      (n) => n === 1,
      { what: 'one leader' },
    );
    const first = a.isLeader ? a : b;
    const second = first === a ? b : a;

    const written = await write(50);
    await waitFor(
      () => first.backlog(),
      (n) => n === 0,
      { what: 'the first batch to be published' },
    );

    await harness.dataSource.query(
      `select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and granted and pid <> pg_backend_pid()
         and pid in (select pid from pg_stat_activity
                   where application_name = 'outbox-relay-leader' and datname = current_database())`,
    );
    await waitFor(async () => second.isLeader, Boolean, { what: 'the standby to take over' });
    expect(first.isLeader).toBe(false);

    written.push(...(await write(50)));
    await waitFor(
      () => second.backlog(),
      (n) => n === 0,
      { what: 'the second batch to be published' },
    );

    const onTopic = new Set(
      (await readTopic(harness.kafka, harness.ticketTopic)).map((record) => eventIdOf(record.message)),
    );
    expect(written.filter((id) => !onTopic.has(id))).toEqual([]);
    expect((await metricValue('outbox_published_total')) - publishedBefore).toBeGreaterThanOrEqual(100);
    // Sampled from the database on the gauge's own timer.
    expect(
      await waitFor(
        () => metricValue('outbox_backlog'),
        (n) => n === 0,
        { what: 'outbox_backlog to read 0' },
      ),
    ).toBe(0);
    const latency = (await metricsRegistry.getSingleMetric('outbox_publish_latency_seconds')!.get()).values;
    const observations = latency.find(
      (entry) => (entry as { metricName?: string }).metricName === 'outbox_publish_latency_seconds_count',
    );
    expect(observations?.value).toBeGreaterThanOrEqual(100);
  });

  it('sends a burst of large events in requests the broker accepts (one aggregate, 3 MB)', async () => {
    // 300 events of ~10 KB for one ticket: one partition. In one request the partition's record batch would pass the
    // broker's message.max.bytes (1 MiB by default) and be refused, every retry, for good.
    const ticketId = randomUUID();
    const note = '处理进展 '.repeat(700);
    const events = Array.from({ length: 300 }, (_, i) => ticketEvent(ticketId, i + 1, `${i}: ${note}`));
    await harness.dataSource.transaction((manager) => writer.appendMany(manager, events));
    if (relays.length === 0) await newRelay().start();
    const leader = await waitFor(async () => relays.find((relay) => relay.isLeader), Boolean, {
      what: 'a leading relay',
    });
    await waitFor(
      () => (leader as OutboxRelay).backlog(),
      (n) => n === 0,
      { what: 'the large events to be published', timeoutMs: 30_000 },
    );
    const onTopic = (await readTopic(harness.kafka, harness.ticketTopic))
      .filter((record) => String(record.message.key) === ticketId)
      .map((record) => eventIdOf(record.message));
    expect(onTopic).toEqual(events.map((event) => event.eventId));
  });

  it('runs from a database URL alone (a relay process apart from the service)', async () => {
    for (const relay of relays.splice(0)) await relay.stop();
    const relay = new OutboxRelay({
      databaseUrl: harness.database.url,
      kafka: harness.kafka,
      idleIntervalMs: 600_000,
      leaderRetryMs: 300,
      backlogIntervalMs: 200,
      logger: harness.logger,
    });
    relays.push(suite.track(relay));
    await expect(relay.backlog()).rejects.toThrow(/start the relay first/);
    await relay.start();
    await waitFor(async () => relay.isLeader, Boolean, { what: 'the URL relay to lead' });
    const ids = await write(10);
    await waitFor(
      () => relay.backlog(),
      (n) => n === 0,
      { what: 'the URL relay to publish' },
    );
    const [{ n }] = await harness.dataSource.query(
      'select count(*)::int as n from outbox where event_id = any($1::uuid[]) and published_at is not null',
      [ids],
    );
    expect(n).toBe(10);
    // The next test wants a leader and a standby.
    const standby = newRelay();
    await standby.start();
  });

  it('stops cleanly and lets the other relay lead', async () => {
    const [a, b] = relays;
    const leader = a.isLeader ? a : b;
    const standby = leader === a ? b : a;
    await leader.stop();
    await waitFor(async () => standby.isLeader, Boolean, { what: 'the standby to lead after a clean stop' });
    const id = (await write(1))[0];
    await waitFor(
      () => standby.backlog(),
      (n) => n === 0,
      { what: 'publishing after the hand-over' },
    );
    const [row] = await harness.dataSource.query('select published_at from outbox where event_id = $1', [id]);
    expect(row.published_at).toBeInstanceOf(Date);
  });
});
