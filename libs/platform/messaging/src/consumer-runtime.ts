import type { Admin, Batch, Consumer, EachBatchPayload, Kafka, KafkaMessage, RetryOptions } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent } from '@opsgraph/contracts-events';
import {
  activeTraceContext,
  createLogger,
  extractTraceContext,
  failSpan,
  newCorrelationId,
  runWithCorrelation,
  SpanKind,
  startSpan,
  withSpan,
  type HeaderCarrier,
  type Logger,
  type TraceContext,
} from '@opsgraph/observability';
import { backoffDelay, sleep } from './backoff';
import { sampleConsumerLag } from './consumer-lag';
import { decodeMessage, type Decoded } from './decode';
import { DeadLetterPublisher, ensureDlqTopics, errorText } from './dlq';
import { NonRetriableError } from './errors';
import { claimEvent, claimEvents } from './inbox';
import { consumerDlq, consumerProcessed } from './metrics';
import { retryWhileNotPropagated } from '@opsgraph/kafka-admin';
import { resolveTopic, type TopicRef } from './topics';

export interface MessageContext {
  topic: string;
  partition: number;
  offset: string;
  /**
   * The trace of this message's processing: a child of the producer's context from its `traceparent` header. The
   * handler already runs in it; a batch handler can run one event's work in it with `inTraceContext`.
   */
  trace: TraceContext;
}

export type EventHandler = (
  event: DomainEvent,
  manager: EntityManager,
  context: MessageContext,
) => Promise<void>;
export interface BatchContext {
  /** The batch's topic and partition (the first batch's when batches share the transaction: `shareTransaction`). */
  topic: string;
  partition: number;
  /**
   * One per event, in the order of `events`: its topic, partition and offset, and its own trace (a child of its
   * producer's).
   */
  messages: MessageContext[];
}

/**
 * Runs under the batch's correlation id: the events' own when they all share one (a one-event batch, or the events
 * of one command), otherwise a new one, since any single event's id would mislabel the others' logs. Work done
 * for one event in particular can run under `runWithCorrelation(event.correlationId, …)`.
 */
export type BatchHandler = (
  events: DomainEvent[],
  manager: EntityManager,
  context: BatchContext,
) => Promise<void>;

export interface ConsumerFaults {
  /** Fault injection for tests: runs after an event's transaction committed, before its offset is resolved. */
  afterCommit?: (
    event: DomainEvent,
    context: { topic: string; partition: number; offset: string },
  ) => void | Promise<void>;
}

export interface ConsumerOptions {
  kafka: Kafka;
  groupId: string;
  /** Key in processed_events and suffix of the DLQ topic: `<topic>.dlq.<consumerName>`. */
  consumerName: string;
  topics: readonly TopicRef[];
  namespace?: string;
  dataSource: DataSource;
  /** Runs inside the transaction that records the event as processed; use only `manager`. */
  handle: EventHandler;
  /**
   * Optional throughput path: one transaction per Kafka batch, given only the events not processed before, in
   * partition order. If it fails the batch is processed one message at a time through `handle`.
   */
  handleBatch?: BatchHandler;
  /** Attempts per message (the first included) before the DLQ. */
  maxAttempts?: number;
  /** Delay before the first retry; doubles per retry, capped at 5 s. */
  backoffMs?: number;
  logger?: Logger;
  /** Called when kafkajs crashed and will not restart the consumer; default: `process.exit(1)`. */
  onFatal?: (error: Error) => void;
  fromBeginning?: boolean;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Longest a fetch waits for data; also bounds how long `stop()` waits for an idle consumer. */
  maxWaitTimeMs?: number;
  /**
   * Partition batches of one fetch processed at the same time (kafkajs `partitionsConsumedConcurrently`); each
   * partition stays in order, each concurrent batch holds one database connection. Default 3.
   */
  partitionsConcurrently?: number;
  /**
   * Batch path only: the partition batches being processed at the same moment (see `partitionsConcurrently`) share
   * one transaction and one `handleBatch` call — their events concatenated, each partition's in order; the
   * context's `messages` tell each event's topic and partition, its `topic` and `partition` are the first batch's.
   * For handlers whose batches would serialise on the same rows anyway (e.g. a few hot aggregate rows every event
   * updates): one transaction instead of several each waiting for the others' locks. A shared transaction that
   * fails is retried batch by batch, then message by message. Default false: a transaction per batch.
   */
  shareTransaction?: boolean;
  /** Sampling period of the `consumer_lag` gauge. */
  lagIntervalMs?: number;
  /** kafkajs consumer retry (including `restartOnFailure`). */
  kafkaRetry?: RetryOptions;
  faults?: ConsumerFaults;
}

export interface ConsumerRuntime {
  start(): Promise<void>;
  /** Finishes the message in progress, commits the offsets processed, leaves the group and disconnects. */
  stop(): Promise<void>;
  /** Resolves when the consumer has joined its group (after `start()`). */
  ready: Promise<void>;
}

type Outcome = 'handled' | 'duplicate';

/** One partition batch's valid events on the batch path, each with its message and consumer span. */
interface BatchPart {
  batch: Batch;
  traced: Array<{ message: KafkaMessage; event: DomainEvent } & ReturnType<typeof startSpan>>;
}

/** A shared transaction failed; `alone` tells whether the batch was the only one in it. */
class SharedWriteError extends Error {
  constructor(
    readonly error: unknown,
    readonly alone: boolean,
  ) {
    super('shared batch transaction failed');
  }
}

interface Item {
  message: KafkaMessage;
  decoded: Decoded;
  /** Already dead-lettered by the batch path. */
  done: boolean;
}

export function createConsumer(options: ConsumerOptions): ConsumerRuntime {
  return new KafkaConsumerRuntime(options);
}

class KafkaConsumerRuntime implements ConsumerRuntime {
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private readonly topics: string[];
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly logger: Logger;
  private readonly consumer: Consumer;
  private readonly admin: Admin;
  private readonly dlq: DeadLetterPublisher;
  private lagTimer: NodeJS.Timeout | undefined;
  private started = false;
  /** `shareTransaction`: batches waiting for the next shared transaction, and whether one is being written. */
  private waiting: Array<{
    part: BatchPart;
    done: (handled: number) => void;
    failed: (error: unknown) => void;
  }> = [];
  private writing = false;

  constructor(private readonly options: ConsumerOptions) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.topics = options.topics.map((topic) => resolveTopic(topic, options.namespace));
    this.maxAttempts = options.maxAttempts ?? 3;
    this.backoffMs = options.backoffMs ?? 200;
    this.logger = (options.logger ?? createLogger({ service: options.consumerName })).child({
      consumer: options.consumerName,
    });
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: options.heartbeatIntervalMs ?? 3000,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? 1000,
      ...(options.kafkaRetry ? { retry: options.kafkaRetry } : {}),
    });
    this.admin = options.kafka.admin();
    this.dlq = new DeadLetterPublisher(options.kafka);
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => this.markReady());
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (payload.restart === false) {
        this.logger.fatal({ err: payload.error }, 'consumer crashed and kafkajs will not restart it');
        (options.onFatal ?? (() => process.exit(1)))(payload.error);
      } else {
        this.logger.warn({ err: payload.error }, 'consumer crashed; kafkajs restarts it');
      }
    });
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.admin.connect();
    // Both wait (bounded) for topics created a moment ago, e.g. by `npm start` on a fresh broker; see @opsgraph/kafka-admin.
    await ensureDlqTopics(this.admin, this.topics, this.options.consumerName);
    await this.consumer.connect();
    await retryWhileNotPropagated(() =>
      this.consumer.subscribe({ topics: this.topics, fromBeginning: this.options.fromBeginning ?? true }),
    );
    await this.consumer.run({
      eachBatchAutoResolve: false,
      autoCommitInterval: 5000,
      autoCommitThreshold: 500,
      // An event no longer waits for the batches of the other partitions fetched with it (freshness).
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 3,
      eachBatch: (payload) => this.eachBatch(payload),
    });
    const interval = this.options.lagIntervalMs ?? 15_000;
    this.lagTimer = setInterval(() => void this.sampleLag(), interval);
    this.lagTimer.unref();
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    clearInterval(this.lagTimer);
    try {
      await this.consumer.disconnect();
    } finally {
      await this.dlq.disconnect().catch(() => undefined);
      await this.admin.disconnect().catch(() => undefined);
    }
  }

  private async sampleLag(): Promise<void> {
    try {
      await sampleConsumerLag(this.admin, this.options.groupId, this.options.consumerName, this.topics);
    } catch (error) {
      this.logger.debug({ err: error }, 'consumer lag sample failed');
    }
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, isRunning, isStale } = payload;
    const items: Item[] = batch.messages.map((message) => ({
      message,
      decoded: decodeMessage(message.value),
      done: false,
    }));
    if (this.options.handleBatch && items.length > 1 && isRunning() && !isStale()) {
      if (await this.processTogether(payload, items)) return;
    }
    for (const item of items) {
      if (!isRunning() || isStale()) return;
      if (!item.done) await this.processOne(batch, item, payload);
      payload.resolveOffset(item.message.offset);
      await payload.heartbeat();
      await payload.commitOffsetsIfNecessary();
    }
  }

  /**
   * Invalid messages to the DLQ, then one transaction for all valid ones (shared with the other partitions' batches
   * of the moment under `shareTransaction`). False when that transaction failed: the caller then processes the
   * rest one by one, which isolates a poison message.
   */
  private async processTogether(payload: EachBatchPayload, items: Item[]): Promise<boolean> {
    const { batch } = payload;
    for (const item of items) {
      if (item.decoded.ok) continue;
      await this.deadLetter(item.message, this.where(batch, item.message), item.decoded.error, 1);
      item.done = true;
    }
    const valid = items
      .filter((item) => !item.done)
      .map((item) => ({ message: item.message, event: (item.decoded as { event: DomainEvent }).event }));
    // One consumer span per message, each in its producer's trace; the batch write links them all.
    const part: BatchPart = {
      batch,
      traced: valid.map(({ message, event }) => ({
        message,
        event,
        ...startSpan(`process ${batch.topic}`, {
          kind: SpanKind.CONSUMER,
          parent: extractTraceContext(message.headers as HeaderCarrier),
          attributes: this.spanAttributes(batch, message, event, valid.length),
        }),
      })),
    };
    const ended = (error?: unknown) => {
      for (const { span } of part.traced) {
        if (error !== undefined) failSpan(span, error);
        span.end();
      }
    };
    let handled: number;
    try {
      handled = this.options.shareTransaction
        ? await this.writeShared(part).catch((error: unknown) => {
            // Another partition's batch may have failed it: this batch alone first.
            if (error instanceof SharedWriteError && !error.alone) return this.write([part]).then(([n]) => n);
            throw error instanceof SharedWriteError ? error.error : error;
          })
        : (await this.write([part]))[0];
    } catch (error) {
      ended(error);
      this.logger.warn(
        { err: error, topic: batch.topic, partition: batch.partition, size: valid.length },
        'batch handler failed; processing the batch message by message',
      );
      return false;
    }
    ended();
    const processed = consumerProcessed();
    processed.inc({ consumer: this.options.consumerName, topic: batch.topic, outcome: 'handled' }, handled);
    processed.inc(
      { consumer: this.options.consumerName, topic: batch.topic, outcome: 'duplicate' },
      valid.length - handled,
    );
    for (const { message, event } of valid) {
      await this.options.faults?.afterCommit?.(event, this.where(batch, message));
    }
    payload.resolveOffset(batch.lastOffset());
    await payload.heartbeat();
    await payload.commitOffsetsIfNecessary();
    return true;
  }

  /**
   * `shareTransaction`: the batch joins the next shared transaction, which starts once the batches handed over in
   * the same turn of the event loop have joined (or when the one being written ends). Resolves with how many of
   * the batch's events were new.
   */
  private writeShared(part: BatchPart): Promise<number> {
    return new Promise((done, failed) => {
      this.waiting.push({ part, done, failed });
      if (this.writing) return;
      this.writing = true;
      setImmediate(() => void this.drainShared());
    });
  }

  private async drainShared(): Promise<void> {
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0);
      try {
        const handled = await this.write(group.map(({ part }) => part));
        group.forEach(({ done }, index) => done(handled[index]));
      } catch (error) {
        const failure = new SharedWriteError(error, group.length === 1);
        for (const { failed } of group) failed(failure);
      }
    }
    this.writing = false;
  }

  /**
   * One transaction: the parts' events claimed in processed_events, the new ones handed to `handleBatch` in one
   * call. Returns how many events of each part were new.
   */
  private async write(parts: readonly BatchPart[]): Promise<number[]> {
    const handleBatch = this.options.handleBatch as BatchHandler;
    const traced = parts.flatMap((part) => part.traced.map((entry) => ({ ...entry, part })));
    const events = traced.map(({ event }) => event);
    const [first] = parts;
    return runWithCorrelation(batchCorrelationId(events), () =>
      this.options.dataSource.transaction(async (manager) => {
        const claimed = await claimEvents(
          manager,
          this.options.consumerName,
          events.map((event) => event.eventId),
        );
        const fresh = traced.filter(({ event }) => claimed.delete(event.eventId));
        if (fresh.length > 0) {
          await withSpan(
            `${this.options.consumerName} handle batch`,
            {
              parent: fresh[0].context,
              links: fresh.map(({ span }) => ({ context: span.spanContext() })),
              attributes: { 'messaging.batch.message_count': fresh.length },
            },
            () =>
              handleBatch(
                fresh.map(({ event }) => event),
                manager,
                {
                  topic: first.batch.topic,
                  partition: first.batch.partition,
                  messages: fresh.map(({ part, message, context }) =>
                    this.messageContext(part.batch, message, context),
                  ),
                },
              ),
          );
        }
        return parts.map((part) => fresh.filter((entry) => entry.part === part).length);
      }),
    );
  }

  private async processOne(batch: Batch, item: Item, payload: EachBatchPayload): Promise<void> {
    const { message, decoded } = item;
    const where = this.where(batch, message);
    if (!decoded.ok) {
      await this.deadLetter(message, where, decoded.error, 1);
      return;
    }
    const event = decoded.event;
    await withSpan(
      `process ${batch.topic}`,
      {
        kind: SpanKind.CONSUMER,
        parent: extractTraceContext(message.headers as HeaderCarrier),
        attributes: this.spanAttributes(batch, message, event),
      },
      () => this.processWithRetries(batch, item, payload, event),
    );
  }

  private async processWithRetries(
    batch: Batch,
    item: Item,
    payload: EachBatchPayload,
    event: DomainEvent,
  ): Promise<void> {
    const { message } = item;
    const where = this.where(batch, message);
    const context = this.messageContext(batch, message, activeTraceContext());
    let outcome: Outcome | undefined;
    for (let attempt = 1; outcome === undefined; attempt++) {
      try {
        outcome = await runWithCorrelation(event.correlationId, () =>
          this.handleInTransaction(event, context),
        );
      } catch (error) {
        const permanent = error instanceof NonRetriableError;
        if (permanent || attempt >= this.maxAttempts) {
          await this.deadLetter(message, where, errorText(error), attempt);
          return;
        }
        const delay = backoffDelay(attempt, { initialMs: this.backoffMs, maxMs: 5000 });
        this.logger.warn(
          { err: error, ...where, eventId: event.eventId, attempt, retryInMs: delay },
          'handler failed; retrying',
        );
        await sleep(delay);
        await payload.heartbeat();
      }
    }
    consumerProcessed().inc({ consumer: this.options.consumerName, topic: batch.topic, outcome });
    await this.options.faults?.afterCommit?.(event, where);
  }

  private where(batch: Batch, message: KafkaMessage): { topic: string; partition: number; offset: string } {
    return { topic: batch.topic, partition: batch.partition, offset: message.offset };
  }

  private messageContext(batch: Batch, message: KafkaMessage, trace: TraceContext): MessageContext {
    return { ...this.where(batch, message), trace };
  }

  /** OpenTelemetry messaging attributes of a consumer span. */
  private spanAttributes(batch: Batch, message: KafkaMessage, event: DomainEvent, batchSize?: number) {
    return {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': batch.topic,
      'messaging.destination.partition.id': String(batch.partition),
      'messaging.kafka.offset': Number(message.offset),
      'messaging.consumer.group.name': this.options.groupId,
      'messaging.message.id': event.eventId,
      'event.type': event.type,
      ...(batchSize ? { 'messaging.batch.message_count': batchSize } : {}),
    };
  }

  private handleInTransaction(event: DomainEvent, context: MessageContext): Promise<Outcome> {
    return this.options.dataSource.transaction(async (manager) => {
      if (!(await claimEvent(manager, this.options.consumerName, event.eventId))) return 'duplicate';
      // The read-model write, a child of the message's consumer span.
      await withSpan(
        `${this.options.consumerName} handle`,
        { attributes: { 'event.type': event.type } },
        () => this.options.handle(event, manager, context),
      );
      return 'handled';
    });
  }

  private async deadLetter(
    message: KafkaMessage,
    where: { topic: string; partition: number; offset: string },
    error: string,
    attempts: number,
  ): Promise<void> {
    await this.dlq.publish(message, { ...where, error, attempts, consumer: this.options.consumerName });
    consumerDlq().inc({ consumer: this.options.consumerName, topic: where.topic });
    this.logger.error({ ...where, attempts, error }, 'message sent to the dead-letter topic');
  }
}

/** The correlation id the events share, or a new one for a batch that mixes several. */
export function batchCorrelationId(events: readonly DomainEvent[]): string {
  const ids = new Set(events.map((event) => event.correlationId));
  return ids.size === 1 ? [...ids][0] : newCorrelationId();
}
