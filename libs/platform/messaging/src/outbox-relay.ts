import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { createLogger, type Logger } from '@opsgraph/observability';
import { OUTBOX_CHANNEL } from '@opsgraph/persistence';
import { backoffDelay, sleep, type BackoffOptions } from './backoff';
import { BacklogGauge } from './backlog-gauge';
import { withDeadline } from './deadline';
import { LeaderLock } from './leader-lock';
import { outboxPublished, outboxPublishLatency } from './metrics';
import { chunkByBytes, groupByKey, groupByTopic, toTopicMessages, type OutboxRow } from './outbox-message';
import { connectionConfigOf } from './pg-connection';

export interface RelayFaults {
  /** Fault injection for tests: runs after Kafka acknowledged a batch and before it is marked published. */
  afterSend?: (eventIds: string[]) => void | Promise<void>;
}

export interface OutboxRelayOptions {
  /** The service's DataSource, or a database URL (the relay then opens a small pool of its own). */
  dataSource?: DataSource;
  databaseUrl?: string;
  kafka: Kafka;
  /** Rows per produce request (default 500); a read takes this many for each producer (`sendConcurrency`). */
  batchSize?: number;
  /**
   * Most bytes of events in one produce request (payloads, keys and headers; default 900,000). Kafka refuses a
   * partition's record batch larger than the topic's `max.message.bytes` (1 MiB by default), and refuses it again on
   * every retry: a batch of large events goes out as several requests, one after the other, each under this. A single
   * event larger than the broker accepts cannot be published at all (the relay warns, backs off and retries).
   */
  maxBatchBytes?: number;
  /** Poll interval when no notification arrives (a safety net: NOTIFY wakes the relay at once). */
  idleIntervalMs?: number;
  /** How often a standby tries to become the leader. */
  leaderRetryMs?: number;
  /** Between failed publish attempts; defaults 100 ms doubling up to 5 s, forever. */
  backoff?: BackoffOptions;
  /**
   * Longest wait for one Kafka attempt (connect + send). kafkajs's own connection retries (the production client's
   * `DEFAULT_KAFKA_RETRY`, or a request timeout against a broker that accepts connections but never answers) can
   * take minutes; past this the attempt counts as failed: warning, fresh producer, backoff. Default 5 s.
   */
  publishTimeoutMs?: number;
  /** How often `outbox_backlog` is read from the database (its own timer, on every replica). Default 5 s. */
  backlogIntervalMs?: number;
  /**
   * Produce requests in flight at once: each read takes `batchSize` rows per producer and splits them by aggregate id
   * into this many groups, each sent by its own idempotent producer (one request in flight each: kafkajs holds a
   * per-broker lock for the whole produce round trip), so an aggregate's events keep their order. Default 1: the next
   * batch is read while one is sent, so a single producer is rarely idle, and where PostgreSQL, Kafka and the relay
   * share the CPU more producers buy nothing measurable (bench part pipeline, (g) against (g4)). More pay when the
   * broker's round trip, not the CPU, limits a producer (remote brokers, acks from several replicas).
   */
  sendConcurrency?: number;
  /** Relays sharing a name (and database) elect one leader. */
  lockName?: string;
  logger?: Logger;
  faults?: RelayFaults;
}

type Sql = <T>(text: string, params?: unknown[]) => Promise<T[]>;

/**
 * The read is `published_at is null order by id limit n`. The planner estimates the unpublished rows from statistics
 * taken when the backlog was small (or from the default when never analyzed), so it picks a bitmap scan of the
 * partial index + a sort: every read then visits the whole backlog, and costs grow with it (one read of 500 at a
 * 28,000-row backlog: 64 ms, against 4 ms for the index scan). Without those two paths only the ordered scan of
 * `outbox_unpublished_idx` is left, which stops after one batch whatever the backlog. Session settings of the
 * leader's own connection: nothing else runs there.
 */
const READ_PLAN_SETTINGS = 'set enable_bitmapscan = off; set enable_sort = off';

/** Under Kafka's default `message.max.bytes` (1,048,588) with room for the record batch's own framing. */
const DEFAULT_MAX_BATCH_BYTES = 900_000;

const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 100, maxMs: 5000, factor: 2, jitter: 0.2 };

/**
 * Publishes outbox rows to Kafka in id order. One active relay per service: the leader holds an advisory lock, the
 * others stand by. It reads `published_at is null order by id` every time (never "after the last id seen", which
 * skips rows whose transactions commit out of id order), sends with an idempotent producer, then marks exactly the
 * sent ids. A crash between send and mark re-sends those rows: consumers deduplicate by event id.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  /** Rows per read: `batchSize` for each producer. */
  private readonly readSize: number;
  private readonly maxBatchBytes: number;
  private readonly idleIntervalMs: number;
  private readonly leaderRetryMs: number;
  private readonly backoff: BackoffOptions;
  private readonly publishTimeoutMs: number;
  private readonly sendConcurrency: number;
  private readonly logger: Logger;
  private sql: Sql | undefined;
  private ownPool: Pool | undefined;
  private lock: LeaderLock | undefined;
  private producers: Array<{ client: Producer; ready: Promise<void> }> = [];
  private loop: Promise<void> | undefined;
  private stopping: AbortController | undefined;
  private notified = false;
  private backlogGauge: BacklogGauge | undefined;
  private wakeUp: (() => void) | undefined;

  constructor(private readonly options: OutboxRelayOptions) {
    if (!options.dataSource && !options.databaseUrl)
      throw new Error('OutboxRelay needs a dataSource or a databaseUrl');
    this.batchSize = options.batchSize ?? 500;
    this.idleIntervalMs = options.idleIntervalMs ?? 1000;
    this.leaderRetryMs = options.leaderRetryMs ?? 3000;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.publishTimeoutMs = options.publishTimeoutMs ?? 5000;
    this.sendConcurrency = options.sendConcurrency ?? 1;
    this.readSize = this.batchSize * this.sendConcurrency;
    this.maxBatchBytes = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
    this.logger = options.logger ?? createLogger({ service: 'outbox-relay' });
  }

  get isLeader(): boolean {
    return this.lock?.isLeader ?? false;
  }

  async start(): Promise<void> {
    if (this.loop) return;
    const source = this.options.dataSource ?? (this.options.databaseUrl as string);
    if (this.options.dataSource) {
      const dataSource = this.options.dataSource;
      this.sql = (text, params) => dataSource.query(text, params);
    } else {
      const pool = new Pool({
        connectionString: this.options.databaseUrl,
        max: 2,
        application_name: 'outbox-relay',
      });
      pool.on('error', (error) =>
        this.logger.warn({ err: error }, 'outbox relay: idle database connection failed'),
      );
      this.ownPool = pool;
      this.sql = async (text, params) => (await pool.query(text, params)).rows;
    }
    this.lock = new LeaderLock({
      connection: await connectionConfigOf(source, 'outbox-relay-leader'),
      name: this.options.lockName ?? 'opsgraph-outbox-relay',
      onLost: (error) => {
        this.logger.warn({ err: error }, 'outbox relay: leadership lost');
        this.wake();
      },
      onNotification: () => this.wake(),
    });
    this.backlogGauge = new BacklogGauge(
      () => this.backlog(),
      this.options.backlogIntervalMs ?? 5000,
      this.logger,
    );
    this.backlogGauge.start();
    this.stopping = new AbortController();
    this.loop = this.run(this.stopping.signal);
  }

  /** Finishes the batch in flight, then releases leadership and closes its connections. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping?.abort();
    this.wake();
    await this.loop;
    this.loop = undefined;
    await this.backlogGauge?.stop();
    await this.lock?.release();
    await this.closeProducer();
    await this.ownPool?.end();
    this.ownPool = undefined;
  }

  /** Rows not yet published (also kept in the `outbox_backlog` gauge, every `backlogIntervalMs`). */
  async backlog(): Promise<number> {
    const dataSource = this.options.dataSource;
    const sql = this.sql ?? (dataSource ? (text: string) => dataSource.query(text) : undefined);
    if (!sql) throw new Error('OutboxRelay.backlog(): start the relay first (it owns the database pool)');
    const [{ n }] = await sql<{ n: number }>(
      'select count(*)::int as n from outbox where published_at is null',
    );
    return n;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const lock = this.lock as LeaderLock;
    while (!signal.aborted) {
      let leader = false;
      try {
        leader = await lock.tryAcquire();
      } catch (error) {
        this.logger.warn({ err: error }, 'outbox relay: cannot reach the database for the leader lock');
        await lock.release();
      }
      if (!leader) {
        await sleep(this.leaderRetryMs, signal);
        continue;
      }
      this.logger.info('outbox relay: leader');
      try {
        await lock.query(`listen ${OUTBOX_CHANNEL}`);
        // The reads run on this session (see fetchBatch); these settings are for them alone.
        await lock.query(READ_PLAN_SETTINGS);
        await this.drain(signal, lock);
      } catch (error) {
        this.logger.warn({ err: error }, 'outbox relay: leader loop failed');
      }
      // Whatever ended the term, start the next one from a fresh connection, after giving a standby its chance.
      await lock.release();
      await sleep(2 * this.leaderRetryMs, signal);
    }
  }

  private async drain(signal: AbortSignal, lock: LeaderLock): Promise<void> {
    let failures = 0;
    // The batch Kafka acknowledged last, being marked while the next one is read and sent.
    let marking: Marking | undefined;
    // The next batch, read while the current one is sent (rows of both the batch in flight and the one being marked
    // are excluded). Discarded when the send fails: its read excluded rows that are still unpublished.
    let reading: Promise<OutboxRow[]> | undefined;
    this.connectProducers();
    try {
      while (!signal.aborted && lock.isLeader) {
        let fetched = 0;
        try {
          const rows = await (reading ?? this.read(marking?.ids ?? []));
          reading = undefined;
          fetched = rows.length;
          if (rows.length > 0) {
            const sending = this.send(rows);
            // A full batch: more is likely waiting, so the next read runs while Kafka acknowledges this one.
            if (rows.length === this.readSize && !signal.aborted) {
              reading = this.read([...(marking?.ids ?? []), ...rows.map((row) => row.id)]);
              // Awaited by the next round (or dropped below); until then a failure must not count as unhandled.
              reading.catch(() => undefined);
            }
            await sending;
          }
          await marking?.done;
          marking = rows.length > 0 ? this.mark(rows) : undefined;
          failures = 0;
        } catch (error) {
          // Rows whose send or mark failed stay unpublished: the next read sends them again (consumers deduplicate).
          await Promise.all([marking?.done.catch(() => undefined), reading?.catch(() => undefined)]);
          marking = undefined;
          reading = undefined;
          failures += 1;
          const delay = backoffDelay(failures, this.backoff);
          this.logger.warn(
            { err: error, attempt: failures, retryInMs: delay },
            'outbox relay: publish failed',
          );
          // Not awaited: disconnecting from a broker that never answers can hang as long as the attempt did.
          void this.closeProducer();
          await sleep(delay, signal);
          continue;
        }
        // A NOTIFY that arrived since this batch was read wakes the next read at once.
        if (fetched < this.readSize) await this.waitForWork(signal);
      }
    } finally {
      await Promise.all([marking?.done.catch(() => undefined), reading?.catch(() => undefined)]);
    }
  }

  /** Starts the next read; a NOTIFY from now on means rows it may not see. */
  private read(exclude: readonly string[]): Promise<OutboxRow[]> {
    this.notified = false;
    return this.fetchBatch(exclude);
  }

  /**
   * Unpublished rows in id order, except those sent already (in flight, or being marked). Read on the leader's own
   * session, whose READ_PLAN_SETTINGS keep the plan an index scan that stops after one batch.
   */
  private async fetchBatch(exclude: readonly string[]): Promise<OutboxRow[]> {
    const lock = this.lock as LeaderLock;
    // payload::text: the envelope goes to Kafka as the database holds it, without JSON.parse + JSON.stringify.
    return lock.query<OutboxRow>(
      `select id, event_id, topic, aggregate_id, payload::text as payload, headers, created_at
         from outbox where published_at is null and id <> all($2::bigint[]) order by id limit $1`,
      [this.readSize, exclude],
    );
  }

  /**
   * One request per send group at the same time, each on its own idempotent producer (one request in flight):
   * an aggregate always falls in the same group, so its events reach Kafka in id order.
   */
  private async send(rows: OutboxRow[]): Promise<void> {
    const groups = groupByKey(rows, this.sendConcurrency);
    await withDeadline(
      Promise.all(
        groups.map(async (group, index) => {
          if (group.length === 0) return;
          const producer = await this.getProducer(index);
          // One request after the other, each under maxBatchBytes: the group's order holds across them.
          for (const chunk of chunkByBytes(group, this.maxBatchBytes)) {
            await producer.sendBatch({ topicMessages: toTopicMessages(chunk), acks: -1 });
          }
        }),
      ),
      this.publishTimeoutMs,
      'kafka connect + send',
    );
    await this.options.faults?.afterSend?.(rows.map((row) => row.event_id));
  }

  private mark(rows: OutboxRow[]): Marking {
    const ackedAt = Date.now();
    const ids = rows.map((row) => row.id);
    const done = (async () => {
      await (this.sql as Sql)('update outbox set published_at = now() where id = any($1::bigint[])', [ids]);
      // Per topic, not per row: a labelled metric call hashes its labels each time.
      const latency = outboxPublishLatency();
      for (const [topic, sent] of groupByTopic(rows)) {
        outboxPublished().inc({ topic }, sent.length);
        const observe = latency.labels({ topic });
        for (const row of sent)
          observe.observe(Math.max(0, ackedAt - new Date(row.created_at).getTime()) / 1000);
      }
    })();
    // Awaited by the next round; until then a failure must not count as unhandled.
    done.catch(() => undefined);
    return { ids, done };
  }

  private waitForWork(signal: AbortSignal): Promise<void> {
    if (this.notified || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.idleIntervalMs);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private wake(): void {
    this.notified = true;
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }

  /** Connects the producers as the term starts, so the first batch does not wait for them (failures show on send). */
  private connectProducers(): void {
    for (let index = 0; index < this.sendConcurrency; index++) this.getProducer(index).catch(() => undefined);
  }

  private async getProducer(index: number): Promise<Producer> {
    let producer = this.producers[index];
    if (!producer) {
      const client = this.options.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        // Bounded here; the relay's own backoff retries forever with a fresh producer.
        retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: 3 },
      });
      // Kept while connecting: when an attempt passes its deadline, closeProducer() abandons this one too.
      producer = { client, ready: client.connect() };
      this.producers[index] = producer;
    }
    try {
      await producer.ready;
    } catch (error) {
      if (this.producers[index] === producer) await this.closeProducer();
      throw error;
    }
    return producer.client;
  }

  /** Closes every producer (the next attempt starts fresh ones). */
  private async closeProducer(): Promise<void> {
    const producers = this.producers;
    this.producers = [];
    await Promise.all(
      producers.map((producer) =>
        withDeadline(producer.client.disconnect(), this.publishTimeoutMs, 'kafka disconnect').catch(
          () => undefined,
        ),
      ),
    );
  }
}

interface Marking {
  /** Ids sent and being marked (excluded from the next read). */
  ids: string[];
  done: Promise<void>;
}
