// sla_calendars and their assignments: the unit of work's store (locked read, versioned writes) and the reads.
import type { AggregateKind } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import { DirectoryRepository } from '../directory/directory.repository';
import type { Priority } from '../tickets/ticket.priority';
import type { CalendarDefinition } from './business-hours.rules';
import {
  chooseCalendar,
  snapshotOfCalendar,
  type CalendarAssignment,
  type CalendarScope,
  type SlaCalendarRecord,
  type SlaCalendarSnapshot,
} from './sla-calendar.rules';

interface Row {
  id: string;
  version: number;
  name: string;
  time_zone: string;
  hours: CalendarDefinition['hours'];
  holidays: CalendarDefinition['holidays'];
  created_at: Date;
  updated_at: Date;
  assignments: { scope: CalendarScope; key: string }[] | null;
}

const SELECT = `
  select c.*, (select json_agg(json_build_object('scope', a.scope, 'key', a.scope_key) order by a.scope, a.scope_key)
                 from sla_calendar_assignments a where a.calendar_id = c.id) as assignments
    from sla_calendars c`;

const toCalendar = (row: Row): SlaCalendarRecord => ({
  id: row.id,
  version: row.version,
  name: row.name,
  timeZone: row.time_zone,
  hours: row.hours,
  holidays: row.holidays,
  assignments: row.assignments ?? [],
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const valuesOf = (c: SlaCalendarRecord): unknown[] => [
  c.id,
  c.version,
  c.name,
  c.timeZone,
  JSON.stringify(c.hours),
  JSON.stringify(c.holidays),
  c.createdAt,
  c.updatedAt,
];

async function replaceAssignments(manager: EntityManager, calendar: SlaCalendarRecord): Promise<void> {
  await manager.query('delete from sla_calendar_assignments where calendar_id = $1', [calendar.id]);
  for (const assignment of calendar.assignments) {
    await manager.query(
      'insert into sla_calendar_assignments (scope, scope_key, calendar_id) values ($1, $2, $3)',
      [assignment.scope, assignment.key, calendar.id],
    );
  }
}

export const slaCalendarKind: AggregateKind<SlaCalendarRecord> = {
  type: 'calendar',
  label: 'SlaCalendar',
  store: {
    async lock(manager, id) {
      const rows: Row[] = await manager.query(`${SELECT} where c.id = $1 for update of c`, [id]);
      return rows[0] ? toCalendar(rows[0]) : null;
    },
    async insert(manager, calendar) {
      await manager.query(
        `insert into sla_calendars (id, version, name, time_zone, hours, holidays, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        valuesOf(calendar),
      );
      await replaceAssignments(manager, calendar);
    },
    async update(manager, calendar, expectedVersion) {
      const [, affected] = await manager.query(
        `update sla_calendars set version = $2, name = $3, time_zone = $4, hours = $5, holidays = $6,
                created_at = $7, updated_at = $8
          where id = $1 and version = $9`,
        [...valuesOf(calendar), expectedVersion],
      );
      if (affected !== 1) return false;
      await replaceAssignments(manager, calendar);
      return true;
    },
  },
};

export class SlaCalendarReads {
  constructor(private readonly manager: EntityManager) {}

  async list(): Promise<SlaCalendarRecord[]> {
    const rows: Row[] = await this.manager.query(`${SELECT} order by c.name`);
    return rows.map(toCalendar);
  }

  async byId(id: string): Promise<SlaCalendarRecord | null> {
    const rows: Row[] = await this.manager.query(`${SELECT} where c.id = $1`, [id]);
    return rows[0] ? toCalendar(rows[0]) : null;
  }

  async byName(name: string): Promise<SlaCalendarRecord | null> {
    const rows: Row[] = await this.manager.query(`${SELECT} where c.name = $1`, [name]);
    return rows[0] ? toCalendar(rows[0]) : null;
  }

  /** The assignments among `wanted` that another calendar than `calendarId` holds. */
  async heldElsewhere(
    calendarId: string,
    wanted: readonly CalendarAssignment[],
  ): Promise<(CalendarAssignment & { calendarId: string })[]> {
    if (wanted.length === 0) return [];
    const rows: { scope: CalendarScope; key: string; calendar_id: string }[] = await this.manager.query(
      `select scope, scope_key as key, calendar_id from sla_calendar_assignments
        where calendar_id <> $1 and (scope || ':' || scope_key) = any($2::text[])`,
      [calendarId, wanted.map((a) => `${a.scope}:${a.key}`)],
    );
    return rows.map((row) => ({ scope: row.scope, key: row.key, calendarId: row.calendar_id }));
  }

  /** The calendar a ticket's clock starts in: by its customer's tier, lead department or priority; null: 24×7. */
  async forTicket(ticket: {
    customerId: string;
    departmentId: string | null;
    priority: Priority;
  }): Promise<SlaCalendarSnapshot | null> {
    const tier = await new DirectoryRepository(this.manager).customerTier(ticket.customerId);
    const rows: { scope: CalendarScope; key: string; calendar_id: string }[] = await this.manager.query(
      `select scope, scope_key as key, calendar_id from sla_calendar_assignments
        where (scope = 'CUSTOMER_TIER' and scope_key = $1) or (scope = 'DEPARTMENT' and scope_key = $2)
           or (scope = 'PRIORITY' and scope_key = $3)`,
      [tier ?? '', ticket.departmentId ?? '', ticket.priority],
    );
    const assignments = rows.map((row) => ({ scope: row.scope, key: row.key, calendarId: row.calendar_id }));
    const choice = chooseCalendar(assignments, {
      tier,
      departmentId: ticket.departmentId,
      priority: ticket.priority,
    });
    const calendar = choice && (await this.byId(choice.calendarId));
    return calendar ? snapshotOfCalendar(calendar) : null;
  }
}
