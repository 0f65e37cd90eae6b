// time_entries: the entries of tickets (row locks for corrections), their pages, and the sums the reports read. Every
// sum leaves withdrawn entries out.
import type { EmployeeStatus } from '@opsgraph/contracts-events';
import type { EntityManager } from 'typeorm';
import { scopePredicate } from '../tickets/ticket.query';
import type { TicketScope } from '../tickets/ticket.access';
import type { TimeActivity, TimeEntry } from './time-entry.rules';

interface Row {
  id: string;
  version: number;
  ticket_id: string;
  employee_id: string;
  employee_department_id: string | null;
  activity: TimeActivity;
  minutes: number;
  worked_on: string;
  started_at: Date | null;
  note: string | null;
  logged_by: string;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  deleted_by: string | null;
  delete_reason: string | null;
}

const COLUMNS =
  'id, version, ticket_id, employee_id, employee_department_id, activity, minutes, ' +
  "to_char(worked_on, 'YYYY-MM-DD') as worked_on, started_at, note, logged_by, created_at, updated_at, deleted_at, " +
  'deleted_by, delete_reason';

const toEntry = (row: Row): TimeEntry => ({
  id: row.id,
  version: row.version,
  ticketId: row.ticket_id,
  employeeId: row.employee_id,
  employeeDepartmentId: row.employee_department_id,
  activity: row.activity,
  minutes: row.minutes,
  workedOn: row.worked_on,
  startedAt: row.started_at,
  note: row.note,
  loggedBy: row.logged_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  deletedAt: row.deleted_at,
  deletedBy: row.deleted_by,
  deleteReason: row.delete_reason,
});

/** Keyset of a ticket's entries, newest work first: (workedOn, createdAt, id) descending. */
export type EntryKeyset = readonly [workedOn: string, createdAt: string, id: string];
export const keysetOf = (entry: TimeEntry): EntryKeyset => [
  entry.workedOn,
  entry.createdAt.toISOString(),
  entry.id,
];

/** One group of the report's rows: minutes of one ticket, employee, department and activity. */
export interface ReportRow {
  readonly ticketId: string;
  readonly ticketNumber: string;
  readonly employeeId: string;
  readonly departmentId: string | null;
  readonly activity: TimeActivity;
  readonly minutes: number;
  readonly deletedAt: null;
}

export interface ReportFilter {
  readonly from: string;
  readonly to: string;
  readonly employeeId: string | null;
  readonly departmentId: string | null;
  readonly activity: TimeActivity | null;
}

export class TimeEntryRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(entry: TimeEntry): Promise<void> {
    await this.manager.query(
      `insert into time_entries (id, version, ticket_id, employee_id, employee_department_id, activity, minutes,
         worked_on, started_at, note, logged_by, created_at, updated_at, deleted_at, deleted_by, delete_reason)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        entry.id,
        entry.version,
        entry.ticketId,
        entry.employeeId,
        entry.employeeDepartmentId,
        entry.activity,
        entry.minutes,
        entry.workedOn,
        entry.startedAt,
        entry.note,
        entry.loggedBy,
        entry.createdAt,
        entry.updatedAt,
        entry.deletedAt,
        entry.deletedBy,
        entry.deleteReason,
      ],
    );
  }

  /** Writes the changeable columns where the row is still at `expectedVersion`; false when it is not. */
  async update(entry: TimeEntry, expectedVersion: number): Promise<boolean> {
    const result: unknown = await this.manager.query(
      `update time_entries set version = $2, activity = $3, minutes = $4, worked_on = $5, started_at = $6, note = $7,
         updated_at = $8, deleted_at = $9, deleted_by = $10, delete_reason = $11
       where id = $1 and version = $12 returning id`,
      [
        entry.id,
        entry.version,
        entry.activity,
        entry.minutes,
        entry.workedOn,
        entry.startedAt,
        entry.note,
        entry.updatedAt,
        entry.deletedAt,
        entry.deletedBy,
        entry.deleteReason,
        expectedVersion,
      ],
    );
    // TypeORM answers an UPDATE with [returned rows, affected count].
    const [, affected] = result as [unknown[], number];
    return affected === 1;
  }

  /** The entry with its row locked until the transaction ends; null when absent. */
  async lock(id: string): Promise<TimeEntry | null> {
    const rows: Row[] = await this.manager.query(
      `select ${COLUMNS} from time_entries where id = $1 for update`,
      [id],
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async byId(id: string): Promise<TimeEntry | null> {
    const rows: Row[] = await this.manager.query(`select ${COLUMNS} from time_entries where id = $1`, [id]);
    return rows[0] ? toEntry(rows[0]) : null;
  }

  /** Minutes logged on the ticket (withdrawn entries left out). */
  async totalOf(ticketId: string): Promise<number> {
    const rows: { total: number }[] = await this.manager.query(
      'select coalesce(sum(minutes), 0)::int as total from time_entries where ticket_id = $1 and deleted_at is null',
      [ticketId],
    );
    return rows[0]?.total ?? 0;
  }

  /** Up to `limit` standing entries of the ticket after `after`, newest work first. */
  async pageOf(ticketId: string, limit: number, after: EntryKeyset | null): Promise<TimeEntry[]> {
    const params: unknown[] = [ticketId, limit];
    let seek = '';
    if (after !== null) {
      params.push(...after);
      seek = 'and (worked_on, created_at, id) < ($3::date, $4::timestamptz, $5::uuid)';
    }
    const rows: Row[] = await this.manager.query(
      `select ${COLUMNS} from time_entries where ticket_id = $1 and deleted_at is null ${seek}
        order by worked_on desc, created_at desc, id desc limit $2`,
      params,
    );
    return rows.map(toEntry);
  }

  /** Entries standing per ticket of `ticketIds` (for counts), and their minutes per activity, in one query. */
  async loggedOn(
    ticketIds: readonly string[],
  ): Promise<{ ticketId: string; activity: TimeActivity; minutes: number; count: number }[]> {
    if (ticketIds.length === 0) return [];
    const rows: { ticket_id: string; activity: TimeActivity; minutes: number; count: number }[] =
      await this.manager.query(
        `select ticket_id, activity, sum(minutes)::int as minutes, count(*)::int as count from time_entries
          where ticket_id = any($1::uuid[]) and deleted_at is null group by ticket_id, activity`,
        [[...ticketIds]],
      );
    return rows.map((row) => ({
      ticketId: row.ticket_id,
      activity: row.activity,
      minutes: row.minutes,
      count: row.count,
    }));
  }

  /** Minutes per employee of `employeeIds` and activity over the days [from, to] (all tickets). */
  async loggedBy(
    employeeIds: readonly string[],
    from: string,
    to: string,
  ): Promise<{ employeeId: string; activity: TimeActivity; minutes: number }[]> {
    if (employeeIds.length === 0) return [];
    const rows: { employee_id: string; activity: TimeActivity; minutes: number }[] = await this.manager.query(
      `select employee_id, activity, sum(minutes)::int as minutes from time_entries
        where employee_id = any($1::uuid[]) and worked_on between $2::date and $3::date and deleted_at is null
        group by employee_id, activity`,
      [[...employeeIds], from, to],
    );
    return rows.map((row) => ({ employeeId: row.employee_id, activity: row.activity, minutes: row.minutes }));
  }

  /** The report's groups (ticket × employee × department × activity) over the days, within the caller's tickets. */
  async report(filter: ReportFilter, scope: TicketScope): Promise<ReportRow[]> {
    const scoped = scopePredicate((name) => `t.${name}`, scope);
    const clauses = [
      'e.deleted_at is null',
      'e.worked_on between cast(:from as date) and cast(:to as date)',
      ...scoped.clauses,
    ];
    const params: Record<string, unknown> = { ...scoped.params, from: filter.from, to: filter.to };
    if (filter.employeeId !== null) {
      clauses.push('e.employee_id = :employeeId');
      params['employeeId'] = filter.employeeId;
    }
    if (filter.departmentId !== null) {
      clauses.push('e.employee_department_id = :departmentId');
      params['departmentId'] = filter.departmentId;
    }
    if (filter.activity !== null) {
      clauses.push('e.activity = :activity');
      params['activity'] = filter.activity;
    }
    const [sql, values] = this.manager.connection.driver.escapeQueryWithParameters(
      `select e.ticket_id, t.number, e.employee_id, e.employee_department_id, e.activity,
              sum(e.minutes)::int as minutes
         from time_entries e join tickets t on t.id = e.ticket_id
        where ${clauses.join(' and ')}
        group by e.ticket_id, t.number, e.employee_id, e.employee_department_id, e.activity`,
      params,
    );
    const rows: {
      ticket_id: string;
      number: string;
      employee_id: string;
      employee_department_id: string | null;
      activity: TimeActivity;
      minutes: number;
    }[] = await this.manager.query(sql, values);
    return rows.map((row) => ({
      ticketId: row.ticket_id,
      ticketNumber: row.number,
      employeeId: row.employee_id,
      departmentId: row.employee_department_id,
      activity: row.activity,
      minutes: row.minutes,
      deletedAt: null,
    }));
  }

  /** The employee as the directory knows it (null: unknown). */
  async employee(id: string): Promise<{ status: EmployeeStatus; departmentId: string | null } | null> {
    const rows: { status: EmployeeStatus; department_id: string | null }[] = await this.manager.query(
      'select status, department_id from known_employees where id = $1',
      [id],
    );
    return rows[0] ? { status: rows[0].status, departmentId: rows[0].department_id } : null;
  }
}
