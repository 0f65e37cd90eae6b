// The one audit trail shape: a row per change of an aggregate, written in the transaction of the change. Every
// service keeps it in its own `audit_log` table (auditLogMigration); `changes` holds what the change was about.
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';

export interface AuditLine {
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly aggregateVersion: number;
  readonly action: string;
  readonly changes: Readonly<Record<string, unknown>> | readonly unknown[];
  readonly actorId: string | null;
  readonly actorRole: string;
  readonly correlationId: string | null;
  readonly occurredAt: Date;
}

export interface AuditEntry extends AuditLine {
  readonly id: string;
}

interface AuditRow {
  id: string;
  aggregate_type: string;
  aggregate_id: string;
  aggregate_version: number;
  action: string;
  changes: Record<string, unknown> | unknown[];
  actor_id: string | null;
  actor_role: string;
  correlation_id: string | null;
  occurred_at: Date;
}

const COLUMNS = 9;

export const AuditLog = {
  async append(manager: EntityManager, lines: readonly AuditLine[]): Promise<void> {
    if (lines.length === 0) return;
    const placeholders = lines.map(
      (_, row) =>
        `(${Array.from({ length: COLUMNS }, (__, column) => `$${row * COLUMNS + column + 1}`).join(', ')})`,
    );
    await manager.query(
      `insert into audit_log (aggregate_type, aggregate_id, aggregate_version, action, changes, actor_id, actor_role, correlation_id, occurred_at)
       values ${placeholders.join(', ')}`,
      lines.flatMap((line) => [
        line.aggregateType,
        line.aggregateId,
        line.aggregateVersion,
        line.action,
        JSON.stringify(line.changes),
        line.actorId,
        line.actorRole,
        line.correlationId,
        line.occurredAt,
      ]),
    );
  },

  /** One aggregate's trail, oldest first. */
  async of(
    manager: EntityManager,
    aggregateType: string,
    aggregateIds: readonly string[],
  ): Promise<AuditEntry[]> {
    if (aggregateIds.length === 0) return [];
    const rows: AuditRow[] = await manager.query(
      `select id, aggregate_type, aggregate_id, aggregate_version, action, changes, actor_id, actor_role, correlation_id, occurred_at
       from audit_log where aggregate_type = $1 and aggregate_id = any($2) order by id`,
      [aggregateType, aggregateIds],
    );
    return rows.map((row) => ({
      id: String(row.id),
      aggregateType: row.aggregate_type,
      aggregateId: row.aggregate_id,
      aggregateVersion: row.aggregate_version,
      action: row.action,
      changes: row.changes,
      actorId: row.actor_id,
      actorRole: row.actor_role,
      correlationId: row.correlation_id,
      occurredAt: row.occurred_at,
    }));
  },
};

/** Creates `audit_log` (if a service's older migration has not already): add it to the service's migrations. */
export class CreateAuditLog1700000000100 implements MigrationInterface {
  name = 'CreateAuditLog1700000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table if not exists audit_log (
        id bigint generated always as identity primary key,
        aggregate_type text not null,
        aggregate_id text not null,
        aggregate_version int not null,
        action text not null,
        changes jsonb not null,
        actor_id text null,
        actor_role text not null,
        correlation_id text null,
        occurred_at timestamptz not null default now()
      )`);
    await runner.query(
      'create index if not exists audit_log_aggregate_idx on audit_log (aggregate_type, aggregate_id, id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table if exists audit_log');
  }
}
