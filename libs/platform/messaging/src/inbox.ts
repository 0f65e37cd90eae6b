import type { EntityManager } from 'typeorm';

/** Records the event as processed by `consumer`; false when it already was (a redelivery: skip it). */
export async function claimEvent(
  manager: EntityManager,
  consumer: string,
  eventId: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    'insert into processed_events (consumer, event_id) values ($1, $2) on conflict do nothing returning event_id',
    [consumer, eventId],
  );
  return rows.length > 0;
}

/** Bulk `claimEvent`: the ids that were new (duplicates within `eventIds` are claimed once). */
export async function claimEvents(
  manager: EntityManager,
  consumer: string,
  eventIds: readonly string[],
): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows: { event_id: string }[] = await manager.query(
    `insert into processed_events (consumer, event_id)
     select $1, id from unnest($2::uuid[]) as id
     on conflict do nothing returning event_id`,
    [consumer, eventIds],
  );
  return new Set(rows.map((row) => row.event_id));
}
