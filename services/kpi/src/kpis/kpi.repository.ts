// The kpis table: the unit of work's store (locked read, versioned writes) and the reads of the graph.
import { BadUserInputError } from '@opsgraph/domain';
import { isUuid, type CursorValues, type PageRequest } from '@opsgraph/graphql-kit';
import type { AggregateKind } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import type { KpiRecord } from './kpi.rules';

const COLUMNS = 'id, title, version, created_at as "createdAt"';

export const kpiKind: AggregateKind<KpiRecord> = {
  type: 'kpi',
  label: 'Kpi',
  store: {
    async lock(manager, id) {
      const rows: KpiRecord[] = await manager.query(`select ${COLUMNS} from kpis where id = $1 for update`, [
        id,
      ]);
      return rows[0] ?? null;
    },
    async insert(manager, row) {
      await manager.query('insert into kpis (id, title, version, created_at) values ($1, $2, $3, $4)', [
        row.id,
        row.title,
        row.version,
        row.createdAt,
      ]);
    },
    async update(manager, row, expectedVersion) {
      const [, affected] = await manager.query(
        'update kpis set title = $2, version = $3 where id = $1 and version = $4',
        [row.id, row.title, row.version, expectedVersion],
      );
      return affected === 1;
    },
  },
};

/** The keyset of the list, newest first: `[createdAt, id]`. */
export const cursorOf = (row: KpiRecord): CursorValues => [row.createdAt.toISOString(), row.id];

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function keyset(after: CursorValues): [string, string] {
  const [createdAt, id] = after;
  if (
    typeof createdAt !== 'string' ||
    !ISO_INSTANT.test(createdAt) ||
    typeof id !== 'string' ||
    !isUuid(id)
  ) {
    throw new BadUserInputError('Invalid cursor in "after"', 'after');
  }
  return [createdAt, id];
}

export class KpiReads {
  constructor(private readonly manager: EntityManager) {}

  byIds(ids: readonly string[]): Promise<KpiRecord[]> {
    return this.manager.query(`select ${COLUMNS} from kpis where id = any($1)`, [ids]);
  }

  /** Up to `first + 1` rows after the cursor (toConnection tells a next page from the extra one), and the total. */
  async page({ first, after }: PageRequest): Promise<{ rows: KpiRecord[]; total: number }> {
    const [createdAt, id] = after ? keyset(after) : [null, null];
    const rows: KpiRecord[] = await this.manager.query(
      `select ${COLUMNS} from kpis
       where $1::timestamptz is null or (created_at, id) < ($1::timestamptz, $2::uuid)
       order by created_at desc, id desc limit $3`,
      [createdAt, id, first + 1],
    );
    const [{ total }] = await this.manager.query('select count(*)::int as total from kpis');
    return { rows, total };
  }
}
