// The pipeline benchmark's own database: an aggregate table the writers update (as a service's use-case does before
// appending to the outbox) and a read model folded from ticket events, in two shapes of projector:
//  - `projectOne` (naive): one message, one transaction, two single-row upserts;
//  - `projectBatch`: the whole Kafka batch folded in memory, then one sorted multi-row upsert per table, in the one
//    transaction the consumer runtime opens per batch (sorted keys = one lock order = no deadlocks between batches).
import type { DomainEvent } from '@opsgraph/contracts-events';
import { createDataSource, platformMigrations, runMigrations, sqlMigration } from '@opsgraph/persistence';
import type { DataSource, EntityManager } from 'typeorm';

export const CreateBenchPipeline1990000000000 = sqlMigration({
  name: 'CreateBenchPipeline1990000000000',
  up: [
    'create table bench_tickets (id uuid primary key, version int not null)',
    `
      create table bench_ticket_view (
        ticket_id uuid primary key,
        customer_id uuid not null,
        number text not null,
        status text not null,
        priority text not null,
        last_version int not null,
        events int not null,
        last_event_at timestamptz not null
      )`,
    `
      create table bench_customer_activity (
        customer_id uuid primary key,
        events int not null,
        last_event_at timestamptz not null
      )`,
  ],
  down: ['drop table bench_customer_activity', 'drop table bench_ticket_view', 'drop table bench_tickets'],
});

export const READ_MODEL_TABLES = ['bench_ticket_view', 'bench_customer_activity'];

export async function openPipelineDatabase(
  url: string,
  applicationName: string,
  poolSize: number,
): Promise<DataSource> {
  const dataSource = createDataSource({
    url,
    applicationName,
    migrations: [...platformMigrations, CreateBenchPipeline1990000000000],
    poolSize,
  });
  await dataSource.initialize();
  await runMigrations(dataSource);
  return dataSource;
}

interface TicketData {
  customerId: string;
  number: string;
  status: string;
  priority: string;
}

const dataOf = (event: DomainEvent) => event.data as unknown as TicketData;

/** The naive projector: per event, one upsert per read-model table (version-guarded, so replays are harmless). */
export async function projectOne(event: DomainEvent, manager: EntityManager): Promise<void> {
  const data = dataOf(event);
  await manager.query(
    `insert into bench_ticket_view as v (ticket_id, customer_id, number, status, priority, last_version, events, last_event_at)
     values ($1, $2, $3, $4, $5, $6, 1, $7)
     on conflict (ticket_id) do update set
       status = case when excluded.last_version > v.last_version then excluded.status else v.status end,
       priority = case when excluded.last_version > v.last_version then excluded.priority else v.priority end,
       last_version = greatest(v.last_version, excluded.last_version),
       events = v.events + 1,
       last_event_at = greatest(v.last_event_at, excluded.last_event_at)`,
    [
      event.aggregateId,
      data.customerId,
      data.number,
      data.status,
      data.priority,
      event.aggregateVersion,
      event.occurredAt,
    ],
  );
  await manager.query(
    `insert into bench_customer_activity as c (customer_id, events, last_event_at) values ($1, 1, $2)
     on conflict (customer_id) do update set
       events = c.events + 1,
       last_event_at = greatest(c.last_event_at, excluded.last_event_at)`,
    [data.customerId, event.occurredAt],
  );
}

interface TicketFold {
  id: string;
  customerId: string;
  number: string;
  status: string;
  priority: string;
  version: number;
  events: number;
  lastEventAt: string;
}

/** The batched projector: fold in memory, then one multi-row upsert per table, rows sorted by key. */
export async function projectBatch(events: readonly DomainEvent[], manager: EntityManager): Promise<void> {
  const tickets = new Map<string, TicketFold>();
  const customers = new Map<string, { events: number; lastEventAt: string }>();
  for (const event of events) {
    const data = dataOf(event);
    const fold = tickets.get(event.aggregateId);
    if (!fold) {
      tickets.set(event.aggregateId, {
        id: event.aggregateId,
        ...data,
        version: event.aggregateVersion,
        events: 1,
        lastEventAt: event.occurredAt,
      });
    } else {
      fold.events += 1;
      if (event.aggregateVersion > fold.version)
        Object.assign(fold, data, { version: event.aggregateVersion });
      if (event.occurredAt > fold.lastEventAt) fold.lastEventAt = event.occurredAt;
    }
    const customer = customers.get(data.customerId);
    if (!customer) customers.set(data.customerId, { events: 1, lastEventAt: event.occurredAt });
    else {
      customer.events += 1;
      if (event.occurredAt > customer.lastEventAt) customer.lastEventAt = event.occurredAt;
    }
  }
  const rows = [...tickets.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  await manager.query(
    `insert into bench_ticket_view as v (ticket_id, customer_id, number, status, priority, last_version, events, last_event_at)
     select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::timestamptz[])
     on conflict (ticket_id) do update set
       status = case when excluded.last_version > v.last_version then excluded.status else v.status end,
       priority = case when excluded.last_version > v.last_version then excluded.priority else v.priority end,
       last_version = greatest(v.last_version, excluded.last_version),
       events = v.events + excluded.events,
       last_event_at = greatest(v.last_event_at, excluded.last_event_at)`,
    [
      rows.map((row) => row.id),
      rows.map((row) => row.customerId),
      rows.map((row) => row.number),
      rows.map((row) => row.status),
      rows.map((row) => row.priority),
      rows.map((row) => row.version),
      rows.map((row) => row.events),
      rows.map((row) => row.lastEventAt),
    ],
  );
  const activity = [...customers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  await manager.query(
    `insert into bench_customer_activity as c (customer_id, events, last_event_at)
     select * from unnest($1::uuid[], $2::int[], $3::timestamptz[])
     on conflict (customer_id) do update set
       events = c.events + excluded.events,
       last_event_at = greatest(c.last_event_at, excluded.last_event_at)`,
    [
      activity.map(([id]) => id),
      activity.map(([, row]) => row.events),
      activity.map(([, row]) => row.lastEventAt),
    ],
  );
}

/** Empties the read model and the consumer's processed events (before each measured run). */
export async function resetReadModel(dataSource: DataSource): Promise<void> {
  await dataSource.query(`truncate table ${READ_MODEL_TABLES.join(', ')}, processed_events`);
}

export async function processedCount(dataSource: DataSource, consumer: string): Promise<number> {
  const [{ n }] = await dataSource.query(
    'select count(*)::int as n from processed_events where consumer = $1',
    [consumer],
  );
  return n;
}

/** Events folded into the read model (each applied event counts once in bench_ticket_view.events). */
export async function foldedCount(dataSource: DataSource): Promise<number> {
  const [{ n }] = await dataSource.query('select coalesce(sum(events), 0)::int as n from bench_ticket_view');
  return n;
}
