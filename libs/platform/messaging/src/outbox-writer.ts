import { toKafkaHeaders, validateEvent, type EventEnvelope } from '@opsgraph/contracts-events';
import { traceHeaders } from '@opsgraph/observability';
import { OUTBOX_CHANNEL } from '@opsgraph/persistence';
import type { EntityManager } from 'typeorm';
import { InvalidOutboxEventError } from './errors';
import { topicForAggregate } from './topics';

export interface OutboxWriterOptions {
  /** Topic namespace: `KAFKA_TOPIC_NAMESPACE` in services ('' in production), one per suite in tests. */
  namespace?: string;
}

const COLUMNS = 8;
// PostgreSQL takes at most 65,535 bind parameters per statement.
const ROWS_PER_INSERT = 1000;

/**
 * Writes events to the outbox inside the caller's transaction, so the state change and its events commit together.
 *
 * Ordering rule: a use-case updates its aggregate row first (with the version check) and appends after. The row
 * lock makes a second transaction on the same aggregate wait until the first commits, so its outbox rows get higher
 * ids: per aggregate, outbox id order = aggregateVersion order, and the relay publishes in id order.
 */
export class OutboxWriter {
  private readonly namespace: string;

  constructor(options: OutboxWriterOptions = {}) {
    this.namespace = options.namespace ?? '';
  }

  async append(manager: EntityManager, event: EventEnvelope): Promise<void> {
    await this.appendMany(manager, [event]);
  }

  /**
   * All events are validated before anything is written. Each row keeps the W3C trace context active here (the
   * request's or the consumed message's): the relay publishes it as the message's `traceparent`/`tracestate`.
   */
  async appendMany(manager: EntityManager, events: readonly EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append must run inside the transaction that changes the aggregate');
    }
    const trace = traceHeaders();
    const rows = events.map((event) => this.toRow(event, trace));
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      const chunk = rows.slice(start, start + ROWS_PER_INSERT);
      const placeholders = chunk.map(
        (_, row) =>
          `(${Array.from({ length: COLUMNS }, (__, column) => `$${row * COLUMNS + column + 1}`).join(', ')})`,
      );
      await manager.query(
        `insert into outbox (event_id, topic, aggregate_type, aggregate_id, aggregate_version, event_type, payload, headers)
         values ${placeholders.join(', ')}`,
        chunk.flat(),
      );
    }
    // Delivered at commit (and not at all on rollback): the relay wakes as soon as the rows are visible.
    await manager.query('select pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
  }

  private toRow(event: EventEnvelope, trace: Record<string, string>): unknown[] {
    const result = validateEvent(event);
    if (!result.ok) throw new InvalidOutboxEventError(String(event?.type), result.errors);
    const headers = toKafkaHeaders(event, trace);
    return [
      event.eventId,
      topicForAggregate(event.aggregateType, this.namespace),
      event.aggregateType,
      event.aggregateId,
      event.aggregateVersion,
      event.type,
      JSON.stringify(event),
      JSON.stringify(headers),
    ];
  }
}
