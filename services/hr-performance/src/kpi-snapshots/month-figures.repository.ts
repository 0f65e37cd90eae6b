// The employees' monthly KPI figures from the KPI service's snapshots (month-figures.rules.ts), one row per
// employee and month: `kpi_employee_months`.
import type { EntityManager } from 'typeorm';
import { supersedes, type EmployeeMonth, type MonthFigures } from './month-figures.rules';

export const MONTH_FIGURES_TABLES = ['kpi_employee_months'] as const;

export interface EmployeeMonthKey {
  readonly employeeId: string;
  readonly month: string;
}

export const monthKey = (key: EmployeeMonthKey): string => `${key.employeeId}|${key.month}`;

interface Row {
  employeeId: string;
  month: string;
  source: EmployeeMonth['source'];
  asOf: Date;
  tickets: number;
  ticketsResolved: number;
  resolutionRate: number | null;
  slaBreachRate: number | null;
  complaintsAgainst: number;
  surveyCount: number;
  csatAverage: number | null;
}

const COLUMNS = `employee_id as "employeeId", month, source, as_of as "asOf", tickets,
  tickets_resolved as "ticketsResolved", resolution_rate as "resolutionRate", sla_breach_rate as "slaBreachRate",
  complaints_against as "complaintsAgainst", survey_count as "surveyCount", csat_average as "csatAverage"`;

const figuresOf = (row: Row): MonthFigures => ({
  tickets: row.tickets,
  ticketsResolved: row.ticketsResolved,
  resolutionRate: row.resolutionRate,
  slaBreachRate: row.slaBreachRate,
  complaintsAgainst: row.complaintsAgainst,
  surveyCount: row.surveyCount,
  csatAverage: row.csatAverage,
});

export class MonthFiguresRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Stores the month when it supersedes what is stored (a close over live updates, a later live update over an
   * earlier one). The stored row is locked while deciding, so two consumers of the topic cannot interleave.
   */
  async record(month: EmployeeMonth): Promise<boolean> {
    const { figures } = month;
    const values = [
      month.employeeId,
      month.month,
      month.source,
      month.asOf,
      figures.tickets,
      figures.ticketsResolved,
      figures.resolutionRate,
      figures.slaBreachRate,
      figures.complaintsAgainst,
      figures.surveyCount,
      figures.csatAverage,
    ];
    const inserted = (await this.manager.query(
      `insert into kpi_employee_months (employee_id, month, source, as_of, tickets, tickets_resolved,
         resolution_rate, sla_breach_rate, complaints_against, survey_count, csat_average)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (employee_id, month) do nothing returning employee_id`,
      values,
    )) as unknown[];
    if (inserted.length > 0) return true;
    const [stored] = (await this.manager.query(
      `select source, as_of as "asOf" from kpi_employee_months where employee_id = $1 and month = $2 for update`,
      [month.employeeId, month.month],
    )) as { source: EmployeeMonth['source']; asOf: Date }[];
    if (!supersedes(month, { source: stored.source, asOf: stored.asOf.toISOString() })) return false;
    await this.manager.query(
      `update kpi_employee_months set source = $3, as_of = $4, tickets = $5, tickets_resolved = $6,
         resolution_rate = $7, sla_breach_rate = $8, complaints_against = $9, survey_count = $10, csat_average = $11
       where employee_id = $1 and month = $2`,
      values,
    );
    return true;
  }

  /** The stored figures per `employeeId|month` (absent: no snapshot yet). */
  async read(keys: readonly EmployeeMonthKey[]): Promise<Map<string, MonthFigures>> {
    if (keys.length === 0) return new Map();
    const rows = (await this.manager.query(
      `select ${COLUMNS} from kpi_employee_months
       where (employee_id, month) in (select * from unnest($1::uuid[], $2::text[]))
`,
      [keys.map((key) => key.employeeId), keys.map((key) => key.month)],
    )) as Row[];
    return new Map(rows.map((row) => [monthKey(row), figuresOf(row)]));
  }
}
