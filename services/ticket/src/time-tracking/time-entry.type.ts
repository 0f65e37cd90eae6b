// The GraphQL shapes of time tracking (docs/product.md §12.7).
import { Connection, graphqlEnumOf, Text } from '@opsgraph/graphql-kit';
import { IsInt, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DepartmentReference, EmployeeReference } from '../references/entity-references';
import {
  MAX_MINUTES,
  MAX_REPORT_DAYS,
  MIN_MINUTES,
  TIME_ACTIVITIES,
  type TimeActivity,
} from './time-entry.rules';

const MINUTES = `Minutes worked, a whole number from ${MIN_MINUTES} to ${MAX_MINUTES} (one day); anything else is BAD_USER_INPUT on this field`;

export const TimeActivityEnum = graphqlEnumOf(
  TIME_ACTIVITIES,
  'TimeActivity',
  'What the logged time was spent on',
  {
    DIAGNOSIS: 'Finding the cause (analysis, reproduction, log reading)',
    ON_SITE: 'Work at the customer’s or the asset’s location',
    REMOTE: 'Work done remotely (remote session, phone, configuration)',
    TRAVEL: 'Travel to and from the site',
  },
);

@ObjectType('TimeEntry', { description: 'Time one employee spent on a ticket for one activity (a worklog)' })
export class TimeEntryType {
  @Field(() => ID, { description: 'The time entry’s id' })
  id: string;

  @Field(() => Int, {
    description: 'The entry’s own version: pass it as expectedVersion to correct or delete it',
  })
  version: number;

  @Field(() => ID, { description: 'The ticket the time was spent on' })
  ticketId: string;

  @Field(() => EmployeeReference, { description: 'Who did the work' })
  employee: EmployeeReference;

  @Field(() => DepartmentReference, {
    nullable: true,
    description: 'The employee’s department when the time was logged (null when the directory knew none)',
  })
  department: DepartmentReference | null;

  @Field(() => TimeActivityEnum, { description: 'What the time was spent on' })
  activity: TimeActivity;

  @Field(() => Int, { description: 'Minutes worked (1 to 1440)' })
  minutes: number;

  @Field({ description: 'The day the work was done (YYYY-MM-DD, UTC)' })
  workedOn: string;

  @Field(() => Date, { nullable: true, description: 'When the work started, if given' })
  startedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'What was done (staff only, never published in events)',
  })
  note: string | null;

  @Field({ description: 'The user who logged it: the employee, or a manager for them' })
  loggedBy: string;

  @Field(() => Date, { description: 'When it was logged' })
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last corrected (or logged)' })
  updatedAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'Set once the entry was withdrawn; it then counts nowhere',
  })
  deletedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the entry was withdrawn' })
  deleteReason: string | null;
}

export const TimeEntryConnection = Connection(TimeEntryType, 'TimeEntry');

@ObjectType('ActivityMinutes', { description: 'Minutes of one activity' })
export class ActivityMinutesType {
  @Field(() => TimeActivityEnum, { description: 'The activity' })
  activity: TimeActivity;

  @Field(() => Int, { description: 'Minutes logged for it' })
  minutes: number;
}

@ObjectType('TimeSpent', { description: 'Logged time (withdrawn entries left out): in all and per activity' })
export class TimeSpentType {
  @Field(() => Int, { description: 'Minutes in all' })
  totalMinutes: number;

  @Field(() => [ActivityMinutesType], {
    description:
      'Minutes per activity, every activity listed (0 when none), in the order DIAGNOSIS, ON_SITE, REMOTE, TRAVEL',
  })
  byActivity: ActivityMinutesType[];
}

@ObjectType('TicketTimeSpent', { description: 'Time logged on one ticket in the report’s window' })
export class TicketTimeSpentType {
  @Field(() => ID, { description: 'The ticket' })
  ticketId: string;

  @Field({ description: 'The ticket’s number' })
  number: string;

  @Field(() => TimeSpentType, { description: 'Its logged time' })
  spent: TimeSpentType;
}

@ObjectType('EmployeeTimeSpent', { description: 'Time one employee logged in the report’s window' })
export class EmployeeTimeSpentType {
  @Field(() => EmployeeReference, { description: 'The employee' })
  employee: EmployeeReference;

  @Field(() => TimeSpentType, { description: 'Their logged time' })
  spent: TimeSpentType;
}

@ObjectType('DepartmentTimeSpent', {
  description: 'Time logged by employees of one department (their department when they logged it)',
})
export class DepartmentTimeSpentType {
  @Field(() => DepartmentReference, {
    nullable: true,
    description: 'The department; null groups time of employees the directory knew no department of',
  })
  department: DepartmentReference | null;

  @Field(() => TimeSpentType, { description: 'Its logged time' })
  spent: TimeSpentType;
}

@ObjectType('TimeSpentReport', {
  description:
    'Logged time over a window of days, in all and summed per ticket, employee and department (most first)',
})
export class TimeSpentReportType {
  @Field(() => TimeSpentType, { description: 'Everything the filter admits' })
  total: TimeSpentType;

  @Field(() => [TicketTimeSpentType], { description: 'Per ticket, most minutes first' })
  byTicket: TicketTimeSpentType[];

  @Field(() => [EmployeeTimeSpentType], { description: 'Per employee, most minutes first' })
  byEmployee: EmployeeTimeSpentType[];

  @Field(() => [DepartmentTimeSpentType], { description: 'Per department, most minutes first' })
  byDepartment: DepartmentTimeSpentType[];
}

@InputType('LogTimeInput', {
  description:
    'Time spent on a ticket (AGENT and TECHNICIAN for themselves; OPS_MANAGER, OPS_DIRECTOR, ADMIN for anyone)',
})
export class LogTimeInput {
  @Field(() => ID, { description: 'The ticket; one outside the caller’s tickets is NOT_FOUND' })
  ticketId: string;

  @Field(() => TimeActivityEnum, { description: 'What the time was spent on' })
  activity: TimeActivity;

  @Field(() => Int, { description: MINUTES })
  minutes: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When the work started: not in the future, not before the ticket was opened',
  })
  startedAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The day of the work (YYYY-MM-DD, UTC); default the day of startedAt, else today. Not in the future, not before the ticket was opened',
  })
  workedOn?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Whose time it is (default: the caller); must be an ACTIVE employee. Only managers name someone else (FORBIDDEN otherwise)',
  })
  employeeId?: string | null;

  @Field(() => String, { nullable: true, description: 'What was done, up to 2000 characters (staff only)' })
  @Text({ max: 2000, optional: true })
  note?: string | null;
}

@InputType('UpdateTimeEntryInput', {
  description:
    'Corrects a time entry (its employee, whoever logged it, or a manager); omitted fields stay. Same rules as logging',
})
export class UpdateTimeEntryInput {
  @Field(() => ID, { description: 'The time entry' })
  id: string;

  @Field(() => Int, { description: 'The entry’s version as read; a stale one is a CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => TimeActivityEnum, { nullable: true, description: 'The corrected activity' })
  activity?: TimeActivity | null;

  @Field(() => Int, { nullable: true, description: MINUTES })
  minutes?: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'The corrected start (moves the entry to its day unless workedOn is given)',
  })
  startedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The corrected day (YYYY-MM-DD)' })
  workedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The corrected note, up to 2000 characters' })
  @Text({ max: 2000, optional: true })
  note?: string | null;
}

@InputType('DeleteTimeEntryInput', {
  description:
    'Withdraws a time entry (kept and audited, counted nowhere): its employee, whoever logged it, or a manager',
})
export class DeleteTimeEntryInput {
  @Field(() => ID, { description: 'The time entry' })
  id: string;

  @Field(() => Int, { description: 'The entry’s version as read; a stale one is a CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ description: 'Why it is withdrawn, 1–500 characters (in the audit trail and the event)' })
  @Text({ max: 500 })
  reason: string;
}

@InputType('TimeSpentFilter', {
  description: `A window of days (at most ${MAX_REPORT_DAYS}, both ends included) and optional narrowing`,
})
export class TimeSpentFilterInput {
  @Field({ description: 'First day (YYYY-MM-DD)' })
  from: string;

  @Field({ description: 'Last day (YYYY-MM-DD), included' })
  to: string;

  @Field(() => ID, { nullable: true, description: 'Only this employee’s time' })
  employeeId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only time of employees of this department (their department when they logged it; the ticket service knows no department tree, so sub-departments are not included)',
  })
  departmentId?: string | null;

  @Field(() => TimeActivityEnum, { nullable: true, description: 'Only this activity' })
  activity?: TimeActivity | null;
}
