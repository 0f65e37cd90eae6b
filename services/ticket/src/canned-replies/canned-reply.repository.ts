// canned_replies: the unit of work's store and the reads.
import { sqlTableStore, type AggregateKind } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';

export interface CannedReply {
  readonly id: string;
  readonly version: number;
  /** null: for every department. */
  readonly departmentId: string | null;
  readonly title: string;
  readonly body: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface Row {
  id: string;
  version: number;
  department_id: string | null;
  title: string;
  body: string;
  created_at: Date;
  updated_at: Date;
}

const toReply = (row: Row): CannedReply => ({
  id: row.id,
  version: row.version,
  departmentId: row.department_id,
  title: row.title,
  body: row.body,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const cannedReplyKind: AggregateKind<CannedReply> = {
  type: 'canned-reply',
  label: 'CannedReply',
  store: sqlTableStore({
    table: 'canned_replies',
    columns: [
      ['version', (r: CannedReply) => r.version],
      ['department_id', (r: CannedReply) => r.departmentId],
      ['title', (r: CannedReply) => r.title],
      ['body', (r: CannedReply) => r.body],
      ['created_at', (r: CannedReply) => r.createdAt],
      ['updated_at', (r: CannedReply) => r.updatedAt],
    ],
    fromRow: toReply,
  }),
};

export class CannedReplyReads {
  constructor(private readonly manager: EntityManager) {}

  /** The replies for every department and, when given, those of `departmentId`; by title. */
  async forDepartment(departmentId: string | null): Promise<CannedReply[]> {
    const rows: Row[] = await this.manager.query(
      'select * from canned_replies where department_id is null or department_id = $1 order by title, id',
      [departmentId],
    );
    return rows.map(toReply);
  }

  async delete(id: string): Promise<void> {
    await this.manager.query('delete from canned_replies where id = $1', [id]);
  }

  async byId(id: string): Promise<CannedReply | null> {
    const rows: Row[] = await this.manager.query('select * from canned_replies where id = $1', [id]);
    return rows[0] ? toReply(rows[0]) : null;
  }
}
