// Time tracking (docs/product.md §12.7). Each log, correction and withdrawal is a change of the ticket on the ticket
// runner (permission, the ticket locked within the caller's scope, one audit line, one event with the ticket's
// snapshot); the entry has a version of its own, so logging needs no ticket version and a correction checks the
// entry's. The pure rules (time-entry.rules.ts) decide; nothing is written when any refuses.
import {
  TicketTimeEntryDeleted,
  TicketTimeEntryUpdated,
  TicketTimeLogged,
  type EventDataOf,
} from '@opsgraph/contracts-events';
import {
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
  VersionConflictError,
  type Caller,
} from '@opsgraph/domain';
import { draft } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { referencesOf } from '../directory/directory.rules';
import type { ReferenceChecker } from '../directory/reference-checker';
import { ticketPermissions } from '../permissions';
import { requireCallerOf, scopeOf } from '../tickets/ticket.access';
import type { RequestMeta, TicketCommandRunner, TicketTransaction } from '../tickets/ticket.command-runner';
import { FieldForbiddenError } from '../tickets/ticket.errors';
import { snapshotOf } from '../tickets/ticket.events';
import type { Ticket } from '../tickets/ticket.model';
import {
  TimeEntryRepository,
  type EntryKeyset,
  type ReportFilter,
  type ReportRow,
} from './time-entry.repository';
import {
  employeeOf,
  employeeProblem,
  entryChangeProblem,
  loggingProblem,
  minutesProblem,
  periodProblem,
  workedOnOf,
  workProblem,
  type Problem,
  type TimeActivity,
  type TimeEntry,
  type WorkInput,
} from './time-entry.rules';

export interface LogTimeInput {
  readonly ticketId: string;
  readonly activity: TimeActivity;
  readonly minutes: number;
  readonly startedAt: Date | null;
  readonly workedOn: string | null;
  readonly employeeId: string | null;
  readonly note: string | null;
}

export interface UpdateTimeEntryInput {
  readonly activity?: TimeActivity | null;
  readonly minutes?: number | null;
  readonly startedAt?: Date | null;
  readonly workedOn?: string | null;
  readonly note?: string | null;
}

const refuse = (problem: Problem | null): void => {
  if (problem !== null) throw new BadUserInputError(problem.message, problem.field);
};

/** The event data of an entry: the ticket's snapshot, the entry and the ticket's total after the change. */
function entryData(ticket: Ticket, entry: TimeEntry, ticketTotalMinutes: number) {
  return {
    ...snapshotOf(ticket),
    entryId: entry.id,
    entryVersion: entry.version,
    employeeId: entry.employeeId,
    employeeDepartmentId: entry.employeeDepartmentId,
    activity: entry.activity,
    minutes: entry.minutes,
    workedOn: entry.workedOn,
    startedAt: entry.startedAt?.toISOString() ?? null,
    ticketTotalMinutes,
  } satisfies EventDataOf<typeof TicketTimeLogged>;
}

const detailsOf = (entry: TimeEntry) => ({
  entryId: entry.id,
  employeeId: entry.employeeId,
  activity: entry.activity,
  minutes: entry.minutes,
  workedOn: entry.workedOn,
});

export class TimeEntryService {
  constructor(
    private readonly runner: TicketCommandRunner,
    private readonly manager: EntityManager,
    private readonly references: ReferenceChecker,
  ) {}

  async log(meta: RequestMeta, input: LogTimeInput): Promise<TimeEntry> {
    const caller = ticketPermissions.require(meta.caller, 'LOG_TIME');
    refuse(minutesProblem(input.minutes));
    const employeeId = employeeOf(caller, input.employeeId);
    if (employeeId === null) {
      throw new BadUserInputError(
        'employeeId is required: the caller is not an employee',
        'input.employeeId',
      );
    }
    const notAllowed = loggingProblem(caller, employeeId);
    if (notAllowed !== null) throw new FieldForbiddenError(notAllowed.message, notAllowed.field);
    await this.references.require(referencesOf('EMPLOYEE', 'input.employeeId', [employeeId]));
    let logged: TimeEntry | undefined;
    await this.runner.change(
      meta,
      'LOG_TIME',
      { ticketId: input.ticketId, expectedVersion: null },
      async (ticket, { now, tx }) => {
        refuse(mergedProblem(ticket));
        const work: WorkInput = { ...input };
        refuse(workProblem(work, ticket.createdAt, now));
        const employee = await tx.timeEntries.employee(employeeId);
        refuse(employeeProblem(employeeId, employee?.status ?? null));
        const entry: TimeEntry = {
          id: randomUUID(),
          version: 1,
          ticketId: ticket.id,
          employeeId,
          employeeDepartmentId: employee?.departmentId ?? null,
          activity: input.activity,
          minutes: input.minutes,
          workedOn: workedOnOf(work, now),
          startedAt: input.startedAt,
          note: input.note,
          loggedBy: caller.userId,
          createdAt: now,
          updatedAt: now,
          deletedAt: null,
          deletedBy: null,
          deleteReason: null,
        };
        await tx.timeEntries.insert(entry);
        logged = entry;
        const total = await tx.timeEntries.totalOf(ticket.id);
        return {
          ticket,
          action: 'LOG_TIME',
          events: [draft(TicketTimeLogged, entryData(ticket, entry, total))],
          details: detailsOf(entry),
        };
      },
    );
    return logged!;
  }

  async update(
    meta: RequestMeta,
    id: string,
    expectedVersion: number,
    input: UpdateTimeEntryInput,
  ): Promise<TimeEntry> {
    ticketPermissions.require(meta.caller, 'UPDATE_TIME_ENTRY');
    if (input.minutes !== undefined && input.minutes !== null) refuse(minutesProblem(input.minutes));
    return this.changeEntry(
      meta,
      'UPDATE_TIME_ENTRY',
      id,
      expectedVersion,
      async (ticket, entry, now, tx) => {
        const work: WorkInput = {
          activity: input.activity ?? entry.activity,
          minutes: input.minutes ?? entry.minutes,
          startedAt: input.startedAt === undefined ? entry.startedAt : input.startedAt,
          // A new start without a day moves the entry to the start's day.
          workedOn: input.workedOn ?? (input.startedAt ? null : entry.workedOn),
        };
        refuse(workProblem(work, ticket.createdAt, now));
        const after: TimeEntry = {
          ...entry,
          ...work,
          workedOn: workedOnOf(work, now),
          note: input.note === undefined ? entry.note : input.note,
          version: entry.version + 1,
          updatedAt: now,
        };
        if (!(await tx.timeEntries.update(after, entry.version))) {
          throw new VersionConflictError(`TimeEntry ${id}`, entry.version, -1);
        }
        const total = await tx.timeEntries.totalOf(ticket.id);
        const previous = { activity: entry.activity, minutes: entry.minutes, workedOn: entry.workedOn };
        return {
          entry: after,
          event: draft(TicketTimeEntryUpdated, { ...entryData(ticket, after, total), previous }),
          details: { ...detailsOf(after), previous },
        };
      },
    );
  }

  async delete(meta: RequestMeta, id: string, expectedVersion: number, reason: string): Promise<TimeEntry> {
    ticketPermissions.require(meta.caller, 'DELETE_TIME_ENTRY');
    return this.changeEntry(
      meta,
      'DELETE_TIME_ENTRY',
      id,
      expectedVersion,
      async (ticket, entry, now, tx) => {
        const caller = requireCallerOf(meta.caller);
        const after: TimeEntry = {
          ...entry,
          version: entry.version + 1,
          updatedAt: now,
          deletedAt: now,
          deletedBy: caller.userId,
          deleteReason: reason,
        };
        if (!(await tx.timeEntries.update(after, entry.version))) {
          throw new VersionConflictError(`TimeEntry ${id}`, entry.version, -1);
        }
        const total = await tx.timeEntries.totalOf(ticket.id);
        return {
          entry: after,
          event: draft(TicketTimeEntryDeleted, { ...entryData(ticket, after, total), reason }),
          details: { ...detailsOf(after), reason },
        };
      },
    );
  }

  /** Up to `limit` standing entries of the ticket after `after`, newest work first (the resolver checked access). */
  pageOf(ticketId: string, limit: number, after: EntryKeyset | null): Promise<TimeEntry[]> {
    return new TimeEntryRepository(this.manager).pageOf(ticketId, limit, after);
  }

  loggedOn(ticketIds: readonly string[]) {
    return new TimeEntryRepository(this.manager).loggedOn(ticketIds);
  }

  loggedBy(employeeIds: readonly string[], from: string, to: string) {
    return new TimeEntryRepository(this.manager).loggedBy(employeeIds, from, to);
  }

  /** The report's rows within the caller's tickets: staff of a department see its tickets, managers and analysts all. */
  report(caller: Caller, filter: ReportFilter): Promise<ReportRow[]> {
    ticketPermissions.require(caller, 'READ_INTERNAL');
    refuse(periodProblem(filter.from, filter.to));
    return new TimeEntryRepository(this.manager).report(filter, scopeOf(caller));
  }

  /**
   * Locks the ticket (runner), then the entry, checks its version and who may change it, and saves the ticket's change
   * with the entry's event.
   */
  private async changeEntry(
    meta: RequestMeta,
    action: 'UPDATE_TIME_ENTRY' | 'DELETE_TIME_ENTRY',
    id: string,
    expectedVersion: number,
    work: (
      ticket: Ticket,
      entry: TimeEntry,
      now: Date,
      tx: TicketTransaction,
    ) => Promise<{ entry: TimeEntry; event: ReturnType<typeof draft>; details: Record<string, unknown> }>,
  ): Promise<TimeEntry> {
    const found = await new TimeEntryRepository(this.manager).byId(id);
    if (found === null) throw new NotFoundError('TimeEntry', id);
    let changed: TimeEntry | undefined;
    await this.runner.change(
      meta,
      action,
      { ticketId: found.ticketId, expectedVersion: null },
      async (ticket, { now, caller, tx }) => {
        const entry = await tx.timeEntries.lock(id);
        if (entry === null) throw new NotFoundError('TimeEntry', id);
        const problem = entryChangeProblem(caller, entry);
        if (problem !== null) {
          if (entry.deletedAt !== null) throw new BadUserInputError(problem, 'id');
          throw new ForbiddenError(problem);
        }
        if (entry.version !== expectedVersion) {
          throw new VersionConflictError(`TimeEntry ${id}`, expectedVersion, entry.version);
        }
        const result = await work(ticket, entry, now, tx);
        changed = result.entry;
        return { ticket, action, events: [result.event], details: result.details as never };
      },
    );
    return changed!;
  }
}

/** A merged duplicate takes no more work: its survivor does. */
function mergedProblem(ticket: Ticket): Problem | null {
  if (ticket.mergedIntoId === null) return null;
  return {
    field: 'input.ticketId',
    message: `Ticket ${ticket.number} was merged into another ticket; log time on the survivor`,
  };
}
