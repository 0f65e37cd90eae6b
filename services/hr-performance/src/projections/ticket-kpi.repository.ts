import type { TicketKind } from '@opsgraph/contracts-events';
import type { EntityManager } from 'typeorm';
import type { KpiCounters } from '../kpi/kpi.math';
import type { Month } from '../kpi/kpi.period';
import type { KpiKey, TicketFact } from './ticket-kpi.rules';

/** Read-model tables of the ticket KPI projection (what a replay truncates). */
export const KPI_TABLES = ['kpi_ticket_facts', 'kpi_employee_monthly', 'kpi_department_monthly'] as const;

interface FactRow {
  ticket_id: string;
  kind: TicketKind;
  handler_id: string | null;
  department_id: string | null;
  opened_at: Date;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  snapshot_version: number;
  first_response_seconds: number | null;
  response_version: number;
  within_sla: boolean | null;
  resolution_seconds: number | null;
  resolution_version: number;
  satisfaction: number | null;
  survey_version: number;
  complaint_employee_id: string | null;
  complaint_department_id: string | null;
  complaint_version: number;
  last_event_at: Date;
}

interface CountersRow {
  tickets_handled: number;
  tickets_handled_resolved: number;
  tickets_resolved: number;
  resolved_with_sla_known: number;
  resolved_within_sla: number;
  first_response_count: number;
  first_response_total_seconds: string;
  first_response_p90_seconds: number | null;
  survey_count: number;
  survey_score_total: number;
  complaints_against: number;
  last_event_at: Date;
}

const toFact = (row: FactRow): TicketFact => ({
  ticketId: row.ticket_id,
  kind: row.kind,
  handlerId: row.handler_id,
  departmentId: row.department_id,
  openedAt: row.opened_at,
  acknowledgedAt: row.acknowledged_at,
  resolvedAt: row.resolved_at,
  snapshotVersion: row.snapshot_version,
  firstResponseSeconds: row.first_response_seconds,
  responseVersion: row.response_version,
  withinSla: row.within_sla,
  resolutionSeconds: row.resolution_seconds,
  resolutionVersion: row.resolution_version,
  satisfaction: row.satisfaction,
  surveyVersion: row.survey_version,
  complaintEmployeeId: row.complaint_employee_id,
  complaintDepartmentId: row.complaint_department_id,
  complaintVersion: row.complaint_version,
  lastEventAt: row.last_event_at,
});

const toCounters = (row: CountersRow): KpiCounters => ({
  ticketsHandled: row.tickets_handled,
  ticketsHandledResolved: row.tickets_handled_resolved,
  ticketsResolved: row.tickets_resolved,
  resolvedWithSlaKnown: row.resolved_with_sla_known,
  resolvedWithinSla: row.resolved_within_sla,
  firstResponseCount: row.first_response_count,
  firstResponseTotalSeconds: Number(row.first_response_total_seconds),
  firstResponseP90Seconds: row.first_response_p90_seconds,
  surveyCount: row.survey_count,
  surveyScoreTotal: row.survey_score_total,
  complaintsAgainst: row.complaints_against,
  lastEventAt: row.last_event_at,
});

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
    const rows: FactRow[] = await this.manager.query(
      'select * from kpi_ticket_facts where ticket_id = any($1::uuid[]) order by ticket_id for update',
      [ticketIds],
    );
    return new Map(rows.map((row) => [row.ticket_id, toFact(row)]));
  }

  async saveFact(fact: TicketFact, months: FactMonths): Promise<void> {
    await this.manager.query(
      `insert into kpi_ticket_facts (
         ticket_id, kind, handler_id, department_id, opened_at, acknowledged_at, resolved_at, snapshot_version,
         first_response_seconds, response_version, within_sla, resolution_seconds, resolution_version,
         satisfaction, survey_version, complaint_employee_id, complaint_department_id, complaint_version,
         last_event_at, intake_month, response_month, resolution_month, complaint_month)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
       on conflict (ticket_id) do update set
         kind = excluded.kind, handler_id = excluded.handler_id, department_id = excluded.department_id,
         opened_at = excluded.opened_at, acknowledged_at = excluded.acknowledged_at,
         resolved_at = excluded.resolved_at, snapshot_version = excluded.snapshot_version,
         first_response_seconds = excluded.first_response_seconds, response_version = excluded.response_version,
         within_sla = excluded.within_sla, resolution_seconds = excluded.resolution_seconds,
         resolution_version = excluded.resolution_version, satisfaction = excluded.satisfaction,
         survey_version = excluded.survey_version, complaint_employee_id = excluded.complaint_employee_id,
         complaint_department_id = excluded.complaint_department_id,
         complaint_version = excluded.complaint_version, last_event_at = excluded.last_event_at,
         intake_month = excluded.intake_month, response_month = excluded.response_month,
         resolution_month = excluded.resolution_month, complaint_month = excluded.complaint_month`,
      [
        fact.ticketId,
        fact.kind,
        fact.handlerId,
        fact.departmentId,
        fact.openedAt,
        fact.acknowledgedAt,
        fact.resolvedAt,
        fact.snapshotVersion,
        fact.firstResponseSeconds,
        fact.responseVersion,
        fact.withinSla,
        fact.resolutionSeconds,
        fact.resolutionVersion,
        fact.satisfaction,
        fact.surveyVersion,
        fact.complaintEmployeeId,
        fact.complaintDepartmentId,
        fact.complaintVersion,
        fact.lastEventAt,
        months.intakeMonth,
        months.responseMonth,
        months.resolutionMonth,
        months.complaintMonth,
      ],
    );
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
    const rows: FactRow[] = await this.manager.query(
      `select * from kpi_ticket_facts
       where handler_id = $1 and (intake_month = $2 or response_month = $2 or resolution_month = $2)
       union
       select * from kpi_ticket_facts where complaint_employee_id = $1 and complaint_month = $2`,
      [employeeId, month],
    );
    return rows.map(toFact);
  }

  async factsForDepartments(departmentIds: readonly string[], month: Month): Promise<TicketFact[]> {
    const rows: FactRow[] = await this.manager.query(
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
      `insert into ${table} (${subject}, month, tickets_handled, tickets_handled_resolved, tickets_resolved,
         resolved_with_sla_known, resolved_within_sla, first_response_count, first_response_total_seconds,
         first_response_p90_seconds, survey_count, survey_score_total, complaints_against, last_event_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       on conflict (${subject}, month) do update set
         tickets_handled = excluded.tickets_handled, tickets_handled_resolved = excluded.tickets_handled_resolved,
         tickets_resolved = excluded.tickets_resolved, resolved_with_sla_known = excluded.resolved_with_sla_known,
         resolved_within_sla = excluded.resolved_within_sla, first_response_count = excluded.first_response_count,
         first_response_total_seconds = excluded.first_response_total_seconds,
         first_response_p90_seconds = excluded.first_response_p90_seconds, survey_count = excluded.survey_count,
         survey_score_total = excluded.survey_score_total, complaints_against = excluded.complaints_against,
         last_event_at = excluded.last_event_at`,
      [
        key.subjectId,
        key.month,
        counters.ticketsHandled,
        counters.ticketsHandledResolved,
        counters.ticketsResolved,
        counters.resolvedWithSlaKnown,
        counters.resolvedWithinSla,
        counters.firstResponseCount,
        counters.firstResponseTotalSeconds,
        counters.firstResponseP90Seconds,
        counters.surveyCount,
        counters.surveyScoreTotal,
        counters.complaintsAgainst,
        counters.lastEventAt,
      ],
    );
  }

  /** Stored counters for each `subjectId|month` key (absent keys: no row, i.e. nothing counted). */
  async readMonthly(table: MonthlyTable, keys: readonly KpiKey[]): Promise<Map<string, KpiCounters>> {
    if (keys.length === 0) return new Map();
    const subject = SUBJECT_COLUMN[table];
    const rows: (CountersRow & { subject_id: string; month: string })[] = await this.manager.query(
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
