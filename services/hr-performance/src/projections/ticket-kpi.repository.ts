import type { EntityManager } from 'typeorm';
import type { KpiCounters } from '../kpi/kpi.math';
import type { Month } from '../kpi/kpi.period';
import type { KpiKey, TicketFact } from './ticket-kpi.rules';

/** Read-model tables of the ticket KPI projection (what a replay truncates). */
export const KPI_TABLES = ['kpi_ticket_facts', 'kpi_employee_monthly', 'kpi_department_monthly'] as const;

// Each field and the column that stores it, in the tables' column order: the row readers and the upserts below
// all follow these maps.
const FACT_COLUMNS: ColumnsOf<TicketFact> = {
  ticketId: 'ticket_id',
  kind: 'kind',
  handlerId: 'handler_id',
  departmentId: 'department_id',
  openedAt: 'opened_at',
  acknowledgedAt: 'acknowledged_at',
  resolvedAt: 'resolved_at',
  snapshotVersion: 'snapshot_version',
  firstResponseSeconds: 'first_response_seconds',
  responseVersion: 'response_version',
  withinSla: 'within_sla',
  resolutionSeconds: 'resolution_seconds',
  resolutionVersion: 'resolution_version',
  satisfaction: 'satisfaction',
  surveyVersion: 'survey_version',
  complaintEmployeeId: 'complaint_employee_id',
  complaintDepartmentId: 'complaint_department_id',
  complaintVersion: 'complaint_version',
  lastEventAt: 'last_event_at',
  mergedIntoId: 'merged_into_id',
};

const MONTH_COLUMNS: ColumnsOf<FactMonths> = {
  intakeMonth: 'intake_month',
  responseMonth: 'response_month',
  resolutionMonth: 'resolution_month',
  complaintMonth: 'complaint_month',
};

const COUNTER_COLUMNS: ColumnsOf<KpiCounters> = {
  ticketsHandled: 'tickets_handled',
  ticketsHandledResolved: 'tickets_handled_resolved',
  ticketsResolved: 'tickets_resolved',
  resolvedWithSlaKnown: 'resolved_with_sla_known',
  resolvedWithinSla: 'resolved_within_sla',
  firstResponseCount: 'first_response_count',
  firstResponseTotalSeconds: 'first_response_total_seconds',
  firstResponseP90Seconds: 'first_response_p90_seconds',
  surveyCount: 'survey_count',
  surveyScoreTotal: 'survey_score_total',
  complaintsAgainst: 'complaints_against',
  lastEventAt: 'last_event_at',
};

type ColumnsOf<T> = { readonly [K in keyof T]-?: string };
type Row = Record<string, unknown>;

const fields = <T>(columns: ColumnsOf<T>) => Object.keys(columns) as (keyof T & string)[];

/** The record a row holds, by the column map. */
function fromRow<T>(columns: ColumnsOf<T>, row: Row): T {
  return Object.fromEntries(fields(columns).map((field) => [field, row[columns[field]]])) as T;
}

/** The record's values in the column map's order (statement parameters). */
function valuesOf<T>(columns: ColumnsOf<T>, record: T): unknown[] {
  return fields(columns).map((field) => record[field]);
}

/**
 * `insert … on conflict (keys) do update set` every other column to the incoming value; the parameters are the
 * columns' values in order.
 */
function upsert(table: string, keys: readonly string[], columns: readonly string[]): string {
  const updates = columns
    .filter((column) => !keys.includes(column))
    .map((column) => `${column} = excluded.${column}`);
  return `insert into ${table} (${columns.join(', ')})
       values (${columns.map((_, index) => `$${index + 1}`).join(', ')})
       on conflict (${keys.join(', ')}) do update set ${updates.join(', ')}`;
}

const toFact = (row: Row): TicketFact => fromRow(FACT_COLUMNS, row);

// bigint sums arrive as strings.
const toCounters = (row: Row): KpiCounters => ({
  ...fromRow(COUNTER_COLUMNS, row),
  firstResponseTotalSeconds: Number(row.first_response_total_seconds),
});

const FACT_UPSERT = upsert(
  'kpi_ticket_facts',
  [FACT_COLUMNS.ticketId],
  [...Object.values(FACT_COLUMNS), ...Object.values(MONTH_COLUMNS)],
);

export type MonthlyTable = 'kpi_employee_monthly' | 'kpi_department_monthly';
const SUBJECT_COLUMN: Record<MonthlyTable, string> = {
  kpi_employee_monthly: 'employee_id',
  kpi_department_monthly: 'department_id',
};

/** The only database access of the ticket KPI read model (projection writes and KPI reads). */
export class TicketKpiRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The facts of these tickets, row-locked until the transaction ends. */
  async lockFacts(ticketIds: readonly string[]): Promise<Map<string, TicketFact>> {
    const rows: (Row & { ticket_id: string })[] = await this.manager.query(
      'select * from kpi_ticket_facts where ticket_id = any($1::uuid[]) order by ticket_id for update',
      [ticketIds],
    );
    return new Map(rows.map((row) => [row.ticket_id, toFact(row)]));
  }

  async saveFact(fact: TicketFact, months: FactMonths): Promise<void> {
    await this.manager.query(FACT_UPSERT, [
      ...valuesOf(FACT_COLUMNS, fact),
      ...valuesOf(MONTH_COLUMNS, months),
    ]);
  }

  /**
   * Serializes recomputations of the same (subject, month) across transactions (several consumer instances share
   * the partitions): a recomputation then always sees the facts that earlier ones committed. Keys in sorted order,
   * so two transactions never wait on each other in a cycle.
   */
  async lockKeys(keys: readonly string[]): Promise<void> {
    for (const key of [...keys].sort()) {
      await this.manager.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
    }
  }

  /** Facts that may count for the employee in the month (handled by them, or a complaint against them). */
  async factsForEmployee(employeeId: string, month: Month): Promise<TicketFact[]> {
    const rows: Row[] = await this.manager.query(
      `select * from kpi_ticket_facts
       where handler_id = $1 and (intake_month = $2 or response_month = $2 or resolution_month = $2)
       union
       select * from kpi_ticket_facts where complaint_employee_id = $1 and complaint_month = $2`,
      [employeeId, month],
    );
    return rows.map(toFact);
  }

  async factsForDepartments(departmentIds: readonly string[], month: Month): Promise<TicketFact[]> {
    const rows: Row[] = await this.manager.query(
      `select * from kpi_ticket_facts
       where department_id = any($1::uuid[]) and (intake_month = $2 or response_month = $2 or resolution_month = $2)
       union
       select * from kpi_ticket_facts where complaint_department_id = any($1::uuid[]) and complaint_month = $2`,
      [departmentIds, month],
    );
    return rows.map(toFact);
  }

  /** Stores the month's counters, or removes the row when nothing counts any more. */
  async writeMonthly(table: MonthlyTable, key: KpiKey, counters: KpiCounters | null) {
    const subject = SUBJECT_COLUMN[table];
    if (counters === null) {
      await this.manager.query(`delete from ${table} where ${subject} = $1 and month = $2`, [
        key.subjectId,
        key.month,
      ]);
      return;
    }
    await this.manager.query(
      upsert(table, [subject, 'month'], [subject, 'month', ...Object.values(COUNTER_COLUMNS)]),
      [key.subjectId, key.month, ...valuesOf(COUNTER_COLUMNS, counters)],
    );
  }

  /** Stored counters for each `subjectId|month` key (absent keys: no row, i.e. nothing counted). */
  async readMonthly(table: MonthlyTable, keys: readonly KpiKey[]): Promise<Map<string, KpiCounters>> {
    if (keys.length === 0) return new Map();
    const subject = SUBJECT_COLUMN[table];
    const rows: (Row & { subject_id: string; month: string })[] = await this.manager.query(
      `select t.*, t.${subject} as subject_id from ${table} t
       join unnest($1::uuid[], $2::text[]) as k(subject_id, month) on t.${subject} = k.subject_id and t.month = k.month`,
      [keys.map((key) => key.subjectId), keys.map((key) => key.month)],
    );
    return new Map(rows.map((row) => [`${row.subject_id}|${row.month}`, toCounters(row)]));
  }
}

export interface FactMonths {
  intakeMonth: Month;
  responseMonth: Month | null;
  resolutionMonth: Month | null;
  complaintMonth: Month | null;
}
