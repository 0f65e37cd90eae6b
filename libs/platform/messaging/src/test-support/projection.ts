import type { DomainEvent } from '@opsgraph/contracts-events';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tiny read model: per aggregate, how many events were applied, the last version and how many arrived out of
 * order. Duplicate effects show as `applied` above the number of distinct events.
 */
export class CreateTestProjection1900000000000 implements MigrationInterface {
  name = 'CreateTestProjection1900000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table test_projection (
      aggregate_id uuid primary key,
      applied int not null,
      last_version int not null,
      out_of_order int not null
    )`);
    await runner.query('create table test_aggregate (id uuid primary key, version int not null)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table test_aggregate');
    await runner.query('drop table test_projection');
  }
}

export async function applyEvent(manager: EntityManager, event: DomainEvent): Promise<void> {
  await manager.query(
    `insert into test_projection (aggregate_id, applied, last_version, out_of_order)
     values ($1, 1, $2, case when $2 = 1 then 0 else 1 end)
     on conflict (aggregate_id) do update set
       applied = test_projection.applied + 1,
       last_version = excluded.last_version,
       out_of_order = test_projection.out_of_order
         + case when excluded.last_version = test_projection.last_version + 1 then 0 else 1 end`,
    [event.aggregateId, event.aggregateVersion],
  );
}

/** The batched form: one upsert, rows sorted by aggregate id (a stable lock order). */
export async function applyEvents(manager: EntityManager, events: readonly DomainEvent[]): Promise<void> {
  const byAggregate = new Map<string, { count: number; first: number; last: number; outOfOrder: number }>();
  for (const event of events) {
    const entry = byAggregate.get(event.aggregateId);
    if (!entry) {
      byAggregate.set(event.aggregateId, {
        count: 1,
        first: event.aggregateVersion,
        last: event.aggregateVersion,
        outOfOrder: 0,
      });
    } else {
      entry.outOfOrder += event.aggregateVersion === entry.last + 1 ? 0 : 1;
      entry.count += 1;
      entry.last = event.aggregateVersion;
    }
  }
  const rows = [...byAggregate].sort(([a], [b]) => a.localeCompare(b));
  await manager.query(
    `with incoming as (
       select * from unnest($1::uuid[], $2::int[], $3::int[], $4::int[], $5::int[]) as t(id, n, first, last, ooo)
     )
     insert into test_projection (aggregate_id, applied, last_version, out_of_order)
     select i.id, i.n, i.last, i.ooo + case when i.first = coalesce(p.last_version, 0) + 1 then 0 else 1 end
       from incoming i left join test_projection p on p.aggregate_id = i.id
      order by i.id
     on conflict (aggregate_id) do update set
       applied = test_projection.applied + excluded.applied,
       last_version = excluded.last_version,
       out_of_order = test_projection.out_of_order + excluded.out_of_order`,
    [
      rows.map(([id]) => id),
      rows.map(([, row]) => row.count),
      rows.map(([, row]) => row.first),
      rows.map(([, row]) => row.last),
      rows.map(([, row]) => row.outOfOrder),
    ],
  );
}

export interface ProjectionSummary {
  aggregates: number;
  applied: number;
  outOfOrder: number;
}

export async function projectionSummary(dataSource: DataSource): Promise<ProjectionSummary> {
  const [row] = await dataSource.query(
    `select count(*)::int as aggregates, coalesce(sum(applied), 0)::int as applied,
            coalesce(sum(out_of_order), 0)::int as "outOfOrder" from test_projection`,
  );
  return row;
}

/** Per aggregate: applied events beyond the distinct events expected (`expected`: aggregate id → count). */
export async function duplicateEffects(
  dataSource: DataSource,
  expected: Map<string, number>,
): Promise<number> {
  const rows: { aggregate_id: string; applied: number }[] = await dataSource.query(
    'select aggregate_id, applied from test_projection',
  );
  return rows.reduce((sum, row) => sum + Math.max(0, row.applied - (expected.get(row.aggregate_id) ?? 0)), 0);
}

export async function projectionHash(dataSource: DataSource): Promise<string> {
  const [{ hash }] = await dataSource.query(
    `select md5(coalesce(string_agg(concat_ws(':', aggregate_id, applied, last_version, out_of_order), ','
                                    order by aggregate_id), '')) as hash
       from test_projection`,
  );
  return hash;
}

export function countPerAggregate(events: readonly DomainEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(event.aggregateId, (counts.get(event.aggregateId) ?? 0) + 1);
  return counts;
}
