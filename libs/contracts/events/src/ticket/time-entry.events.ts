// Time tracking (docs/product.md §12.7): worklogs per ticket by activity and employee. Each event carries the ticket's
// snapshot (like every event of the ticket topic), the entry after the change, and the ticket's logged total, so a
// consumer sums handling time without calling the ticket service back. Notes stay out (free text).
import { Type } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { DateOnly, DateTime, Nullable, StringEnum, Text, Uuid } from '../schema';
import { ticketSnapshotProperties } from './ticket.events';

export const TIME_ACTIVITIES = ['DIAGNOSIS', 'ON_SITE', 'REMOTE', 'TRAVEL'] as const;
export type TimeActivity = (typeof TIME_ACTIVITIES)[number];

const Minutes = (description: string) => Type.Integer({ minimum: 1, maximum: 1440, description });

const timeEntryProperties = {
  entryId: Uuid(),
  entryVersion: Type.Integer({ minimum: 1, description: 'The entry’s own version after the change.' }),
  employeeId: Uuid({ description: 'Who did the work.' }),
  employeeDepartmentId: Nullable(Uuid(), {
    description:
      'The employee’s department when the time was logged (as the ticket service’s directory knew it).',
  }),
  activity: StringEnum(TIME_ACTIVITIES),
  minutes: Minutes('Minutes worked, 1 to 1440.'),
  workedOn: DateOnly({ description: 'The day the work was done.' }),
  startedAt: Nullable(DateTime()),
  ticketTotalMinutes: Type.Integer({
    minimum: 0,
    description: 'Minutes logged on the ticket after the change (deleted entries left out).',
  }),
};

const timeEvent = snapshotEvents('ticket', ticketSnapshotProperties);

export const TicketTimeLogged = timeEvent(
  'ticket.time_logged',
  'Time was logged on the ticket: one entry of one employee and activity.',
  timeEntryProperties,
);

export const TicketTimeEntryUpdated = timeEvent(
  'ticket.time_entry_updated',
  'A time entry was corrected; `previous` is what it said before, so a consumer takes it out and puts the new one in.',
  {
    ...timeEntryProperties,
    previous: Type.Object(
      {
        activity: StringEnum(TIME_ACTIVITIES),
        minutes: Minutes('Minutes before the correction.'),
        workedOn: DateOnly(),
      },
      { additionalProperties: false },
    ),
  },
);

export const TicketTimeEntryDeleted = timeEvent(
  'ticket.time_entry_deleted',
  'A time entry was withdrawn (kept, marked deleted, audited): its minutes no longer count.',
  { ...timeEntryProperties, reason: Text() },
);

export const timeEntryEventDefinitions = [
  TicketTimeLogged,
  TicketTimeEntryUpdated,
  TicketTimeEntryDeleted,
] as const;
export type TimeEntryEvent = EventOf<(typeof timeEntryEventDefinitions)[number]>;
