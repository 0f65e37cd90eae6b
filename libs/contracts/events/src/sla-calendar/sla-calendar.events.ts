// SLA calendars (docs/product.md §12.1): business hours per weekday in a time zone, holidays, and what they are
// assigned to. Each event carries the calendar after it; tickets keep the calendar their clock started with.
import { Type } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { StringEnum, Text, Uuid } from '../schema';

export const SLA_CALENDAR_SCOPES = ['CUSTOMER_TIER', 'DEPARTMENT', 'PRIORITY'] as const;
export const SLA_CALENDAR_WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;

const OpeningRange = Type.Object(
  {
    weekday: StringEnum(SLA_CALENDAR_WEEKDAYS),
    from: Type.String({ description: 'Local wall time HH:MM.' }),
    to: Type.String({ description: 'Local wall time HH:MM; 24:00 is the end of the day.' }),
  },
  { additionalProperties: false },
);
const Holiday = Type.Object(
  {
    date: Type.String({ description: 'YYYY-MM-DD (that date) or MM-DD (every year).' }),
    name: Text(),
  },
  { additionalProperties: false },
);
const Assignment = Type.Object(
  {
    scope: StringEnum(SLA_CALENDAR_SCOPES),
    key: Type.String({ description: 'A customer tier, a department id or a priority (P1..P4).' }),
  },
  { additionalProperties: false },
);

export const slaCalendarSnapshotProperties = {
  calendarId: Uuid(),
  name: Text(),
  timeZone: Type.String({ description: 'IANA time zone, e.g. Asia/Shanghai.' }),
  hours: Type.Array(OpeningRange),
  holidays: Type.Array(Holiday),
  assignments: Type.Array(Assignment),
};

const slaCalendarEvent = snapshotEvents('calendar', slaCalendarSnapshotProperties);

export const SlaCalendarDefined = slaCalendarEvent(
  'calendar.defined',
  'A business-hours calendar for SLA clocks was defined.',
  {},
);
export const SlaCalendarChanged = slaCalendarEvent(
  'calendar.changed',
  'A calendar’s hours, holidays or assignments changed; tickets opened from now on count in the new calendar.',
  {},
);

export const slaCalendarEventDefinitions = [SlaCalendarDefined, SlaCalendarChanged] as const;
export type SlaCalendarEvent = EventOf<(typeof slaCalendarEventDefinitions)[number]>;
