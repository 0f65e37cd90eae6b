// The improvements table: the unit of work's store (locked read, versioned writes) and the register's reads.
import { sqlTableStore, type AggregateKind, type SqlColumns } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import type { Improvement } from './improvement.rules';

interface Row {
  id: string;
  version: number;
  title: string;
  description: string;
  source: Improvement['source'];
  source_ticket_id: string | null;
  finding: string | null;
  owner_id: string;
  deadline: Date;
  kpi: string;
  direction: Improvement['effect']['direction'];
  baseline: number;
  target: number;
  status: Improvement['status'];
  implemented_at: Date | null;
  implementation_note: string | null;
  verified_at: Date | null;
  measured: number | null;
  verification_note: string | null;
  overdue_reported_for: Date | null;
  created_at: Date;
  updated_at: Date;
}

const toImprovement = (row: Row): Improvement => ({
  id: row.id,
  version: row.version,
  title: row.title,
  description: row.description,
  source: row.source,
  sourceTicketId: row.source_ticket_id,
  finding: row.finding,
  ownerId: row.owner_id,
  deadline: row.deadline,
  effect: { kpi: row.kpi, direction: row.direction, baseline: row.baseline, target: row.target },
  status: row.status,
  implementedAt: row.implemented_at,
  implementationNote: row.implementation_note,
  verifiedAt: row.verified_at,
  measured: row.measured,
  verificationNote: row.verification_note,
  overdueReportedFor: row.overdue_reported_for,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const COLUMNS: SqlColumns<Improvement> = [
  ['version', (i) => i.version],
  ['title', (i) => i.title],
  ['description', (i) => i.description],
  ['source', (i) => i.source],
  ['source_ticket_id', (i) => i.sourceTicketId],
  ['finding', (i) => i.finding],
  ['owner_id', (i) => i.ownerId],
  ['deadline', (i) => i.deadline],
  ['kpi', (i) => i.effect.kpi],
  ['direction', (i) => i.effect.direction],
  ['baseline', (i) => i.effect.baseline],
  ['target', (i) => i.effect.target],
  ['status', (i) => i.status],
  ['implemented_at', (i) => i.implementedAt],
  ['implementation_note', (i) => i.implementationNote],
  ['verified_at', (i) => i.verifiedAt],
  ['measured', (i) => i.measured],
  ['verification_note', (i) => i.verificationNote],
  ['overdue_reported_for', (i) => i.overdueReportedFor],
  ['created_at', (i) => i.createdAt],
  ['updated_at', (i) => i.updatedAt],
];

export const improvementKind: AggregateKind<Improvement> = {
  type: 'improvement',
  label: 'Improvement',
  store: sqlTableStore({ table: 'improvements', columns: COLUMNS, fromRow: toImprovement }),
};

export class ImprovementReads {
  constructor(private readonly manager: EntityManager) {}

  async byIds(ids: readonly string[]): Promise<Improvement[]> {
    const rows: Row[] = await this.manager.query('select * from improvements where id = any($1::uuid[])', [
      [...ids],
    ]);
    return rows.map(toImprovement);
  }

  /** By deadline, soonest first; `statuses` empty: all. */
  async list(statuses: readonly string[], limit: number): Promise<Improvement[]> {
    const rows: Row[] = await this.manager.query(
      `select * from improvements where cardinality($1::text[]) = 0 or status = any($1::text[])
        order by deadline, id limit $2`,
      [[...statuses], limit],
    );
    return rows.map(toImprovement);
  }

  /** An open improvement past its deadline and not reported for it, locked (SKIP LOCKED: replicas take others). */
  async claimOverdue(now: Date): Promise<string | null> {
    const rows: { id: string }[] = await this.manager.query(
      `select id from improvements
        where status = 'OPEN' and deadline <= $1 and overdue_reported_for is distinct from deadline
        limit 1 for update skip locked`,
      [now],
    );
    return rows[0]?.id ?? null;
  }
}
