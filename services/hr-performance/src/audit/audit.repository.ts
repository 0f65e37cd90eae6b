import type { EntityManager } from 'typeorm';
import type { Actor } from '../request';

export interface AuditRecord {
  aggregateType: 'department' | 'employee' | 'kpi_definition';
  aggregateId: string;
  aggregateVersion: number;
  action: string;
  /** The aggregate's values after the change (and what the change was about, e.g. an effective date). */
  changes: Record<string, unknown>;
}

export interface AuditEntry extends AuditRecord {
  actorId: string | null;
  actorRole: string;
  occurredAt: Date;
}

interface AuditRow {
  aggregate_type: AuditRecord['aggregateType'];
  aggregate_id: string;
  aggregate_version: number;
  action: string;
  changes: Record<string, unknown>;
  actor_id: string | null;
  actor_role: string;
  occurred_at: Date;
}

/** The organisation's audit trail: written in the transaction of the change it records. */
export class AuditRepository {
  async record(manager: EntityManager, actor: Actor, record: AuditRecord): Promise<void> {
    await manager.query(
      `insert into audit_log (aggregate_type, aggregate_id, aggregate_version, action, changes, actor_id, actor_role, correlation_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        record.aggregateType,
        record.aggregateId,
        record.aggregateVersion,
        record.action,
        JSON.stringify(record.changes),
        actor.userId,
        actor.role,
        actor.correlationId,
      ],
    );
  }

  async history(
    manager: EntityManager,
    aggregateType: AuditRecord['aggregateType'],
    aggregateId: string,
  ): Promise<AuditEntry[]> {
    const rows: AuditRow[] = await manager.query(
      `select aggregate_type, aggregate_id, aggregate_version, action, changes, actor_id, actor_role, occurred_at
       from audit_log where aggregate_type = $1 and aggregate_id = $2 order by id`,
      [aggregateType, aggregateId],
    );
    return rows.map((row) => ({
      aggregateType: row.aggregate_type,
      aggregateId: row.aggregate_id,
      aggregateVersion: row.aggregate_version,
      action: row.action,
      changes: row.changes,
      actorId: row.actor_id,
      actorRole: row.actor_role,
      occurredAt: row.occurred_at,
    }));
  }
}
