// The contingency_plans table (the aggregate: which version is current) and its immutable version rows.
import { sqlTableStore, type AggregateKind, type SqlColumns } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import type { PlanRecord, PlanVersionRecord } from './plan.rules';

const PLAN = `id, category, severity, current_version as "currentVersion", version, created_at as "createdAt",
  updated_at as "updatedAt"`;
const VERSION = `plan_id as "planId", plan_version as "planVersion", title, command_roles as "commandRoles", steps,
  resources, contacts, change_note as "changeNote", source_drill_id as "sourceDrillId",
  source_incident_id as "sourceIncidentId", created_at as "createdAt", created_by as "createdBy"`;

const FIELDS: SqlColumns<PlanRecord> = [
  ['category', (r) => r.category],
  ['severity', (r) => r.severity],
  ['current_version', (r) => r.currentVersion],
  ['version', (r) => r.version],
  ['created_at', (r) => r.createdAt],
  ['updated_at', (r) => r.updatedAt],
];

export const planKind: AggregateKind<PlanRecord> = {
  type: 'contingency_plan',
  label: 'ContingencyPlan',
  store: sqlTableStore({ table: 'contingency_plans', select: PLAN, columns: FIELDS }),
};

export class PlanReads {
  constructor(private readonly manager: EntityManager) {}

  async byIds(ids: readonly string[]): Promise<PlanRecord[]> {
    return this.manager.query(`select ${PLAN} from contingency_plans where id = any($1)`, [ids]);
  }

  list(filter: { category?: string | null; severity?: string | null }): Promise<PlanRecord[]> {
    return this.manager.query(
      `select ${PLAN} from contingency_plans
       where ($1::text is null or category = $1) and ($2::text is null or severity = $2)
       order by category, severity`,
      [filter.category ?? null, filter.severity ?? null],
    );
  }

  /** Every version of the plans, oldest first. */
  versionsOf(planIds: readonly string[]): Promise<PlanVersionRecord[]> {
    return this.manager.query(
      `select ${VERSION} from contingency_plan_versions where plan_id = any($1) order by plan_id, plan_version`,
      [planIds],
    );
  }

  async version(planId: string, planVersion: number): Promise<PlanVersionRecord | null> {
    const rows: PlanVersionRecord[] = await this.manager.query(
      `select ${VERSION} from contingency_plan_versions where plan_id = $1 and plan_version = $2`,
      [planId, planVersion],
    );
    return rows[0] ?? null;
  }

  async insertVersion(row: PlanVersionRecord): Promise<void> {
    await this.manager.query(
      `insert into contingency_plan_versions
         (plan_id, plan_version, title, command_roles, steps, resources, contacts, change_note, source_drill_id,
          source_incident_id, created_at, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        row.planId,
        row.planVersion,
        row.title,
        row.commandRoles,
        JSON.stringify(row.steps),
        row.resources,
        JSON.stringify(row.contacts),
        row.changeNote,
        row.sourceDrillId,
        row.sourceIncidentId,
        row.createdAt,
        row.createdBy,
      ],
    );
  }
}

/** The plan a drill rehearsed or an incident ran; undefined when there is no such drill or incident. */
export async function planOf(
  manager: EntityManager,
  table: 'drills' | 'incidents',
  id: string,
): Promise<string | null | undefined> {
  const rows: { planId: string | null }[] = await manager.query(
    `select plan_id as "planId" from ${table} where id = $1`,
    [id],
  );
  return rows.length === 0 ? undefined : rows[0]!.planId;
}
