// Maintenance plans, their schedule per covered asset, and maintenance records (child rows of the asset aggregate:
// the asset's row lock serialises changes to its schedules and records).
import type { EntityManager } from 'typeorm';
import { insertRow } from '../sql';
import type { Due, IntervalUnit } from './maintenance-schedule.rules';

export interface PlanRecord {
  readonly id: string;
  readonly assetId: string | null;
  readonly category: string | null;
  readonly model: string | null;
  readonly title: string;
  readonly intervalUnit: IntervalUnit;
  readonly intervalValue: number;
  readonly createdAt: Date;
}

export interface ScheduleRecord extends Due {
  readonly planId: string;
  readonly assetId: string;
  readonly lastDoneOn: string | null;
  readonly overdueReportedFor: string | null;
}

export interface MaintenanceRecord {
  readonly id: string;
  readonly assetId: string;
  readonly planId: string | null;
  readonly description: string;
  readonly performedBy: string | null;
  readonly parts: readonly { name: string; quantity: number; unitCost: number }[];
  readonly cost: number;
  readonly startedAt: Date;
  readonly completedAt: Date | null;
  readonly downtimeMinutes: number | null;
}

const PLAN = `id, asset_id as "assetId", category, model, title, interval_unit as "intervalUnit",
  interval_value as "intervalValue", created_at as "createdAt"`;
const SCHEDULE = `plan_id as "planId", asset_id as "assetId", last_done_on::text as "lastDoneOn", due_on::text as "dueOn",
  due_at_hours::float8 as "dueAtHours", overdue_reported_for as "overdueReportedFor"`;

export interface ScheduleView extends ScheduleRecord {
  readonly title: string;
  readonly intervalUnit: IntervalUnit;
  readonly intervalValue: number;
  readonly fleetPlan: boolean;
}
const RECORD = `id, asset_id as "assetId", plan_id as "planId", description, performed_by as "performedBy", parts,
  cost::float8 as cost, started_at as "startedAt", completed_at as "completedAt", downtime_minutes as "downtimeMinutes"`;

export class MaintenanceRepository {
  constructor(private readonly manager: EntityManager) {}

  insertPlan(plan: PlanRecord): Promise<void> {
    return insertRow(this.manager, 'maintenance_plans', {
      id: plan.id,
      asset_id: plan.assetId,
      category: plan.category,
      model: plan.model,
      title: plan.title,
      interval_unit: plan.intervalUnit,
      interval_value: plan.intervalValue,
      created_at: plan.createdAt,
    });
  }

  async plan(id: string): Promise<PlanRecord | null> {
    const rows: PlanRecord[] = await this.manager.query(
      `select ${PLAN} from maintenance_plans where id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Plans for a category and/or model that cover an asset of this category and model. */
  fleetPlansFor(category: string, model: string): Promise<PlanRecord[]> {
    return this.manager.query(
      `select ${PLAN} from maintenance_plans where asset_id is null
         and (category is null or category = $1) and (model is null or model = $2) order by created_at`,
      [category, model],
    );
  }

  /** Every calendar plan with its interval, for the suggestions. */
  calendarPlans(): Promise<PlanRecord[]> {
    return this.manager.query(
      `select ${PLAN} from maintenance_plans where interval_unit <> 'OPERATING_HOURS' order by created_at`,
    );
  }

  async upsertSchedule(schedule: ScheduleRecord): Promise<void> {
    await this.manager.query(
      `insert into maintenance_schedules (plan_id, asset_id, last_done_on, due_on, due_at_hours, overdue_reported_for)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (plan_id, asset_id) do update set last_done_on = $3, due_on = $4, due_at_hours = $5, overdue_reported_for = $6`,
      [
        schedule.planId,
        schedule.assetId,
        schedule.lastDoneOn,
        schedule.dueOn,
        schedule.dueAtHours,
        schedule.overdueReportedFor,
      ],
    );
  }

  async schedule(planId: string, assetId: string): Promise<ScheduleRecord | null> {
    const rows: ScheduleRecord[] = await this.manager.query(
      `select ${SCHEDULE} from maintenance_schedules where plan_id = $1 and asset_id = $2`,
      [planId, assetId],
    );
    return rows[0] ?? null;
  }

  /** The asset's schedules with their plans, soonest due first. */
  schedulesOf(assetId: string): Promise<ScheduleView[]> {
    return this.manager.query(
      `select s.plan_id as "planId", s.asset_id as "assetId", s.last_done_on::text as "lastDoneOn",
              s.due_on::text as "dueOn", s.due_at_hours::float8 as "dueAtHours",
              s.overdue_reported_for as "overdueReportedFor", p.title, p.interval_unit as "intervalUnit",
              p.interval_value as "intervalValue", p.asset_id is null as "fleetPlan"
       from maintenance_schedules s join maintenance_plans p on p.id = s.plan_id
       where s.asset_id = $1 order by s.due_on nulls last, s.due_at_hours`,
      [assetId],
    );
  }

  /**
   * One overdue schedule no one else holds, with its asset: both rows locked (SKIP LOCKED, so replicas scanning at
   * the same time take different ones and never wait on a maintenance job in progress), or null.
   */
  async claimOverdue(today: string): Promise<ScheduleRecord | null> {
    const rows: ScheduleRecord[] = await this.manager.query(
      `select s.plan_id as "planId", s.asset_id as "assetId", s.last_done_on::text as "lastDoneOn",
              s.due_on::text as "dueOn", s.due_at_hours::float8 as "dueAtHours", s.overdue_reported_for as "overdueReportedFor"
       from maintenance_schedules s join assets a on a.id = s.asset_id
       where a.status <> 'RETIRED' and (
         (s.due_on < $1::date and s.overdue_reported_for is distinct from s.due_on::text)
         or (s.due_at_hours <= a.operating_hours and s.overdue_reported_for is distinct from 'h' || s.due_at_hours::text))
       order by s.due_on nulls last limit 1
       for update of s, a skip locked`,
      [today],
    );
    return rows[0] ?? null;
  }

  insertRecord(record: MaintenanceRecord): Promise<void> {
    return insertRow(this.manager, 'maintenance_records', {
      id: record.id,
      asset_id: record.assetId,
      plan_id: record.planId,
      description: record.description,
      performed_by: record.performedBy,
      parts: JSON.stringify(record.parts),
      cost: record.cost,
      started_at: record.startedAt,
      completed_at: record.completedAt,
      downtime_minutes: record.downtimeMinutes,
    });
  }

  async completeRecord(record: MaintenanceRecord): Promise<void> {
    await this.manager.query(
      `update maintenance_records set performed_by = $2, parts = $3, cost = $4, completed_at = $5, downtime_minutes = $6
       where id = $1`,
      [
        record.id,
        record.performedBy,
        JSON.stringify(record.parts),
        record.cost,
        record.completedAt,
        record.downtimeMinutes,
      ],
    );
  }

  async record(id: string): Promise<MaintenanceRecord | null> {
    const rows: MaintenanceRecord[] = await this.manager.query(
      `select ${RECORD} from maintenance_records where id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  recordsOf(assetId: string): Promise<MaintenanceRecord[]> {
    return this.manager.query(
      `select ${RECORD} from maintenance_records where asset_id = $1 order by started_at desc`,
      [assetId],
    );
  }
}
