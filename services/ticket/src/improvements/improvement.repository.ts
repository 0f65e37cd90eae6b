// The improvements table: the unit of work's store (locked read, versioned writes) and the register's reads.
import type { AggregateKind } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import { columnStore } from '../persistence/column-store';
import type { Improvement } from './improvement.rules';

const COLUMNS = [
  'id',
  'version',
  'title',
  'description',
  'source',
  'source_ticket_id',
  'finding',
  'owner_id',
  'deadline',
  'kpi',
  'direction',
  'baseline',
  'target',
  'status',
  'implemented_at',
  'implementation_note',
  'verified_at',
  'measured',
  'verification_note',
  'overdue_reported_for',
  'created_at',
  'updated_at',
] as const;

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

const valuesOf = (i: Improvement): unknown[] => [
  i.id,
  i.version,
  i.title,
  i.description,
  i.source,
  i.sourceTicketId,
  i.finding,
  i.ownerId,
  i.deadline,
  i.effect.kpi,
  i.effect.direction,
  i.effect.baseline,
  i.effect.target,
  i.status,
  i.implementedAt,
  i.implementationNote,
  i.verifiedAt,
  i.measured,
  i.verificationNote,
  i.overdueReportedFor,
  i.createdAt,
  i.updatedAt,
];

export const improvementKind: AggregateKind<Improvement> = {
  type: 'improvement',
  label: 'Improvement',
  store: columnStore({ table: 'improvements', columns: COLUMNS, valuesOf, fromRow: toImprovement }),
};

export class ImprovementReads {
  constructor(private readonly manager: EntityManager) {}

  async byIds(ids: readonly string[]): Promise<Improvement[]> {
    const rows: Row[] = await this.manager.query('select * from improvements where id = any($1::uuid[])', [[...ids]]);
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
