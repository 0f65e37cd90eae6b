// Which calendar a ticket's SLA clock counts in (docs/product.md §12.1), and the calendar aggregate's pure rules.
import { isUuid } from '@opsgraph/graphql-kit';
import { CUSTOMER_TIERS, type CustomerTier } from '@opsgraph/contracts-events';
import { CONTINUOUS_CALENDAR, type SlaCalendar } from '../sla/sla-calendar';
import type { Priority } from '../tickets/ticket.priority';
import { BusinessHoursCalendar, calendarProblems, type CalendarDefinition } from './business-hours.rules';

export const CALENDAR_SCOPES = ['CUSTOMER_TIER', 'DEPARTMENT', 'PRIORITY'] as const;
export type CalendarScope = (typeof CALENDAR_SCOPES)[number];

export interface CalendarAssignment {
  readonly scope: CalendarScope;
  /** A tier (STANDARD…), a department id, or a priority (P1…). */
  readonly key: string;
}

export interface SlaCalendarRecord extends CalendarDefinition {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly assignments: readonly CalendarAssignment[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What a ticket keeps of the calendar its clock started with: a later edit does not move promised deadlines. */
export interface SlaCalendarSnapshot extends CalendarDefinition {
  readonly id: string;
  readonly name: string;
}

/** The working time of a ticket: its calendar's business hours, or 24×7 without one. */
export function calendarOf(snapshot: SlaCalendarSnapshot | null): SlaCalendar {
  return snapshot === null ? CONTINUOUS_CALENDAR : new BusinessHoursCalendar(snapshot);
}

export function snapshotOfCalendar(calendar: SlaCalendarRecord): SlaCalendarSnapshot {
  const { id, name, timeZone, hours, holidays } = calendar;
  return { id, name, timeZone, hours, holidays };
}

export interface CalendarChoice {
  readonly calendarId: string;
  readonly assignment: CalendarAssignment;
}

/**
 * The most specific assignment that applies: the customer's tier first (what was promised to the customer), then
 * the lead department (the hours its people work), then the priority's SLA policy; null keeps 24×7.
 */
export function chooseCalendar(
  assignments: readonly (CalendarAssignment & { calendarId: string })[],
  ticket: { tier: CustomerTier | null; departmentId: string | null; priority: Priority },
): CalendarChoice | null {
  const wanted: CalendarAssignment[] = [
    ...(ticket.tier ? [{ scope: 'CUSTOMER_TIER' as const, key: ticket.tier }] : []),
    ...(ticket.departmentId ? [{ scope: 'DEPARTMENT' as const, key: ticket.departmentId }] : []),
    { scope: 'PRIORITY', key: ticket.priority },
  ];
  for (const assignment of wanted) {
    const found = assignments.find((a) => a.scope === assignment.scope && a.key === assignment.key);
    if (found) return { calendarId: found.calendarId, assignment };
  }
  return null;
}

const TIERS: readonly string[] = CUSTOMER_TIERS;
const PRIORITIES: readonly string[] = ['P1', 'P2', 'P3', 'P4'];

/** Problems of a calendar as input (field paths under `input.`), empty when it can be saved. */
export function calendarInputProblems(
  definition: CalendarDefinition & { assignments: readonly CalendarAssignment[] },
): { field: string; message: string }[] {
  const problems = calendarProblems(definition).map((p) => ({ ...p, field: `input.${p.field}` }));
  const seen = new Set<string>();
  definition.assignments.forEach((assignment, index) => {
    const field = `input.assignments.${index}.key`;
    const valid =
      assignment.scope === 'CUSTOMER_TIER'
        ? TIERS.includes(assignment.key)
        : assignment.scope === 'PRIORITY'
          ? PRIORITIES.includes(assignment.key)
          : isUuid(assignment.key);
    if (!valid) problems.push({ field, message: `Not a valid ${assignment.scope} key: ${assignment.key}` });
    const id = `${assignment.scope}:${assignment.key}`;
    if (seen.has(id)) problems.push({ field, message: `Assigned twice: ${id}` });
    seen.add(id);
  });
  return problems;
}
