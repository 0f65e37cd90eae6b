// Time tracking on the graph (docs/product.md §12.7). Thin: rules in time-entry.rules.ts, use-cases in
// time-entry.service.ts. Ticket.timeSpent and Employee.timeSpent are batched per request (one query for a page).
import {
  ConnectionArgs,
  pageRequest,
  referenceTo,
  toConnection,
  type ConnectionShape,
} from '@opsgraph/graphql-kit';
import { BadUserInputError, type Caller } from '@opsgraph/domain';
import { metaOf } from '@opsgraph/service-kit';
import DataLoader from 'dataloader';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { TicketContext } from '../context';
import { ticketPermissions } from '../permissions';
import { EmployeeReference } from '../references/entity-references';
import type { Ticket } from '../tickets/ticket.model';
import { TicketType } from '../tickets/ticket.type';
import { keysetOf, type EntryKeyset } from './time-entry.repository';
import {
  isManager,
  periodProblem,
  sumBy,
  timeSpentOf,
  type TimeEntry,
  type TimeSpent,
} from './time-entry.rules';
import {
  DeleteTimeEntryInput,
  LogTimeInput,
  TimeEntryConnection,
  TimeEntryType,
  TimeSpentFilterInput,
  TimeSpentReportType,
  TimeSpentType,
  UpdateTimeEntryInput,
} from './time-entry.type';

/** What the graph shows of an entry. */
const toType = (entry: TimeEntry): TimeEntryType => ({
  ...entry,
  employee: { id: entry.employeeId },
  department: referenceTo(entry.employeeDepartmentId),
});

const mayReadInternal = (caller: Caller): boolean =>
  caller !== null && ticketPermissions.can(caller, 'READ_INTERNAL');

/** Per-request loaders, keyed by the request's context. */
const loaders = new WeakMap<
  object,
  { ticket: DataLoader<string, TimeSpent>; employee: DataLoader<string, TimeSpent> }
>();
function loadersOf(ctx: TicketContext) {
  let found = loaders.get(ctx);
  if (found === undefined) {
    const service = ctx.services.timeEntries;
    found = {
      ticket: new DataLoader(async (ticketIds: readonly string[]) => {
        const rows = await service.loggedOn(ticketIds);
        return ticketIds.map((id) =>
          timeSpentOf(rows.filter((row) => row.ticketId === id).map((row) => ({ ...row, deletedAt: null }))),
        );
      }),
      // Key: `employeeId|from|to`; one query per window.
      employee: new DataLoader(async (keys: readonly string[]) => {
        const byWindow = new Map<string, string[]>();
        for (const key of keys) {
          const [id, from, to] = key.split('|');
          byWindow.set(`${from}|${to}`, [...(byWindow.get(`${from}|${to}`) ?? []), id!]);
        }
        const spent = new Map<string, TimeSpent>();
        for (const [window, ids] of byWindow) {
          const [from, to] = window.split('|') as [string, string];
          const rows = await service.loggedBy(ids, from, to);
          for (const id of ids) {
            const own = rows
              .filter((row) => row.employeeId === id)
              .map((row) => ({ ...row, deletedAt: null }));
            spent.set(`${id}|${window}`, timeSpentOf(own));
          }
        }
        return keys.map((key) => spent.get(key)!);
      }),
    };
    loaders.set(ctx, found);
  }
  return found;
}

@ArgsType()
class TimeEntriesArgs extends ConnectionArgs {}

@ArgsType()
class EmployeeTimeSpentArgs {
  @Field({ description: 'First day (YYYY-MM-DD)' })
  from: string;

  @Field({ description: 'Last day (YYYY-MM-DD), included' })
  to: string;
}

@Resolver(() => TimeEntryType)
export class TimeEntryResolver {
  @Mutation(() => TimeEntryType, {
    description:
      'Logs time on a ticket (staff). BAD_USER_INPUT (minutes outside 1–1440, start or day in the future or before the ticket was opened, unknown or inactive employee, merged ticket), FORBIDDEN (for someone else unless a manager), NOT_FOUND (ticket); the ticket’s version goes up and ticket.time_logged is published',
  })
  async logTime(
    @Arg('input', { description: 'The ticket, activity, minutes and whose time it is' }) input: LogTimeInput,
    @Ctx() ctx: TicketContext,
  ): Promise<TimeEntryType> {
    const entry = await ctx.services.timeEntries.log(metaOf(ctx), {
      ticketId: input.ticketId,
      activity: input.activity,
      minutes: input.minutes,
      startedAt: input.startedAt ?? null,
      workedOn: input.workedOn ?? null,
      employeeId: input.employeeId ?? null,
      note: input.note ?? null,
    });
    return toType(entry);
  }

  @Mutation(() => TimeEntryType, {
    description:
      'Corrects a time entry. BAD_USER_INPUT (as logTime; a deleted entry), FORBIDDEN (not the employee, its logger or a manager), CONFLICT (stale expectedVersion), NOT_FOUND; publishes ticket.time_entry_updated',
  })
  async updateTimeEntry(
    @Arg('input', { description: 'The entry at the version read, and what changes' })
    input: UpdateTimeEntryInput,
    @Ctx() ctx: TicketContext,
  ): Promise<TimeEntryType> {
    const { id, expectedVersion, ...changes } = input;
    return toType(await ctx.services.timeEntries.update(metaOf(ctx), id, expectedVersion, changes));
  }

  @Mutation(() => TimeEntryType, {
    description:
      'Withdraws a time entry with a reason (soft delete, audited). BAD_USER_INPUT (already deleted), FORBIDDEN, CONFLICT (stale expectedVersion), NOT_FOUND; publishes ticket.time_entry_deleted',
  })
  async deleteTimeEntry(
    @Arg('input', { description: 'The entry at the version read, and why' }) input: DeleteTimeEntryInput,
    @Ctx() ctx: TicketContext,
  ): Promise<TimeEntryType> {
    return toType(
      await ctx.services.timeEntries.delete(metaOf(ctx), input.id, input.expectedVersion, input.reason),
    );
  }

  @Query(() => TimeSpentReportType, {
    description:
      'Logged time over a window of days, summed per ticket, employee and department (staff and analysts; AGENT and TECHNICIAN see their department’s tickets)',
  })
  async timeSpent(
    @Arg('filter', { description: 'The days and optional narrowing' }) filter: TimeSpentFilterInput,
    @Ctx() ctx: TicketContext,
  ): Promise<TimeSpentReportType> {
    const rows = await ctx.services.timeEntries.report(ctx.caller, {
      from: filter.from,
      to: filter.to,
      employeeId: filter.employeeId ?? null,
      departmentId: filter.departmentId ?? null,
      activity: filter.activity ?? null,
    });
    const numbers = new Map(rows.map((row) => [row.ticketId, row.ticketNumber]));
    return {
      total: timeSpentOf(rows) as TimeSpentType,
      byTicket: sumBy(rows, (row) => row.ticketId).map(({ key, spent }) => ({
        ticketId: key,
        number: numbers.get(key)!,
        spent: spent as TimeSpentType,
      })),
      byEmployee: sumBy(rows, (row) => row.employeeId).map(({ key, spent }) => ({
        employee: { id: key },
        spent: spent as TimeSpentType,
      })),
      byDepartment: sumBy(rows, (row) => row.departmentId).map(({ key, spent }) => ({
        department: referenceTo(key),
        spent: spent as TimeSpentType,
      })),
    };
  }
}

@Resolver(() => TicketType)
export class TicketTimeResolver {
  @FieldResolver(() => TimeEntryConnection, {
    nullable: true,
    description: 'Time logged on the ticket, newest work first (staff and analysts; null for customers)',
  })
  async timeEntries(
    @Root() ticket: Ticket,
    @Args() args: TimeEntriesArgs,
    @Ctx() ctx: TicketContext,
  ): Promise<ConnectionShape<TimeEntryType> | null> {
    if (!mayReadInternal(ctx.caller)) return null;
    const page = pageRequest(args);
    const after = page.after === null ? null : entryKeyset(page.after);
    const service = ctx.services.timeEntries;
    const rows = await service.pageOf(ticket.id, page.first + 1, after);
    const count = (await service.loggedOn([ticket.id])).reduce((sum, row) => sum + row.count, 0);
    const built = toConnection(rows, page.first, (entry) => [...keysetOf(entry)], count);
    return { ...built, edges: built.edges.map((edge) => ({ cursor: edge.cursor, node: toType(edge.node) })) };
  }

  @FieldResolver(() => TimeSpentType, {
    nullable: true,
    description:
      'Minutes logged on the ticket, in all and per activity (staff and analysts; null for customers)',
  })
  async timeSpent(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): Promise<TimeSpent | null> {
    if (!mayReadInternal(ctx.caller)) return null;
    return loadersOf(ctx).ticket.load(ticket.id);
  }
}

@Resolver(() => EmployeeReference)
export class EmployeeTimeResolver {
  @FieldResolver(() => TimeSpentType, {
    nullable: true,
    description:
      'Minutes the employee logged on tickets over the days (managers and analysts for anyone, staff for themselves; null otherwise or when the ticket subgraph cannot answer)',
  })
  async timeSpent(
    @Root() employee: EmployeeReference,
    @Args() args: EmployeeTimeSpentArgs,
    @Ctx() ctx: TicketContext,
  ): Promise<TimeSpent | null> {
    const caller = ctx.caller;
    if (!mayReadInternal(caller)) return null;
    const everyone = isManager(caller!) || caller!.role === 'ANALYST';
    if (!everyone && caller!.employeeId !== employee.id) return null;
    const problem = periodProblem(args.from, args.to);
    if (problem !== null) throw new BadUserInputError(problem.message, problem.field.replace('filter.', ''));
    return loadersOf(ctx).employee.load(`${employee.id}|${args.from}|${args.to}`);
  }
}

function entryKeyset(values: readonly unknown[]): EntryKeyset {
  const [workedOn, createdAt, id] = values;
  if (
    values.length !== 3 ||
    typeof workedOn !== 'string' ||
    typeof createdAt !== 'string' ||
    typeof id !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(workedOn) ||
    Number.isNaN(Date.parse(createdAt)) ||
    !/^[0-9a-f-]{36}$/i.test(id)
  ) {
    throw new BadUserInputError('Invalid cursor in "after"', 'after');
  }
  return [workedOn, createdAt, id];
}
