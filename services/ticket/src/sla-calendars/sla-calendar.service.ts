// Defining and changing SLA calendars (docs/product.md §12.1): permission → pure checks → one unit of work (row,
// assignments, audit line and event together). A change applies to tickets opened (or reassessed) afterwards.
import { SlaCalendarChanged, SlaCalendarDefined, type EventDefinition } from '@opsgraph/contracts-events';
import { BadUserInputError, ConflictError, type Caller, type RequestMeta } from '@opsgraph/domain';
import { draft, type UnitOfWork, type WriteTransaction } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { ticketPermissions } from '../permissions';
import { WEEKDAYS, type CalendarDefinition, type OpeningRange, type Weekday } from './business-hours.rules';
import { SlaCalendarReads, slaCalendarKind } from './sla-calendar.repository';
import { calendarInputProblems, type CalendarAssignment, type SlaCalendarRecord } from './sla-calendar.rules';

/** A calendar as the API takes it: opening ranges as a flat list of weekday ranges. */
export interface SlaCalendarInput {
  readonly name: string;
  readonly timeZone: string;
  readonly hours: readonly (OpeningRange & { weekday: Weekday })[];
  readonly holidays: CalendarDefinition['holidays'];
  readonly assignments: readonly CalendarAssignment[];
}

export function hoursByWeekday(hours: SlaCalendarInput['hours']): CalendarDefinition['hours'] {
  const byDay: Partial<Record<Weekday, OpeningRange[]>> = {};
  for (const { weekday, from, to } of hours) (byDay[weekday] ??= []).push({ from, to });
  return byDay;
}

export function flatHours(hours: CalendarDefinition['hours']): SlaCalendarInput['hours'] {
  return WEEKDAYS.flatMap((weekday) =>
    [...(hours[weekday] ?? [])].sort((a, b) => a.from.localeCompare(b.from)).map((r) => ({ weekday, ...r })),
  );
}

const snapshotOf = (c: SlaCalendarRecord) => ({
  calendarId: c.id,
  name: c.name,
  timeZone: c.timeZone,
  hours: flatHours(c.hours),
  holidays: [...c.holidays],
  assignments: [...c.assignments],
});

export class SlaCalendarService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  list(caller: Caller): Promise<SlaCalendarRecord[]> {
    ticketPermissions.require(caller, 'READ_INTERNAL');
    return new SlaCalendarReads(this.unitOfWork.dataSource.manager).list();
  }

  define(meta: RequestMeta, input: SlaCalendarInput): Promise<SlaCalendarRecord> {
    ticketPermissions.require(meta.caller, 'MANAGE_SLA_CALENDARS');
    return this.unitOfWork.run(meta, async (tx) => {
      const id = randomUUID();
      const calendar = await this.checked(tx, id, input);
      return this.save(
        tx,
        null,
        { ...calendar, version: 1, createdAt: tx.now },
        'DEFINE',
        SlaCalendarDefined,
      );
    });
  }

  change(
    meta: RequestMeta,
    ref: { calendarId: string; expectedVersion: number },
    input: SlaCalendarInput,
  ): Promise<SlaCalendarRecord> {
    ticketPermissions.require(meta.caller, 'MANAGE_SLA_CALENDARS');
    return this.unitOfWork.run(meta, async (tx) => {
      const current = await tx.load(slaCalendarKind, ref.calendarId, ref.expectedVersion);
      const calendar = await this.checked(tx, current.id, input);
      return this.save(
        tx,
        current,
        { ...calendar, version: current.version, createdAt: current.createdAt },
        'CHANGE',
        SlaCalendarChanged,
      );
    });
  }

  /** The calendar the input describes, refused (nothing written) when invalid, its name taken or a scope held. */
  private async checked(
    tx: WriteTransaction,
    id: string,
    input: SlaCalendarInput,
  ): Promise<Omit<SlaCalendarRecord, 'version' | 'createdAt'>> {
    const definition = { ...input, hours: hoursByWeekday(input.hours) };
    const problems = calendarInputProblems(definition);
    if (problems.length > 0) throw new BadUserInputError(problems[0]!.message, problems[0]!.field, problems);
    const reads = new SlaCalendarReads(tx.manager);
    const named = await reads.byName(input.name);
    if (named !== null && named.id !== id) {
      throw new ConflictError(`A calendar is already named ${input.name}`, { field: 'input.name' });
    }
    const held = await reads.heldElsewhere(id, input.assignments);
    if (held.length > 0) {
      const [first] = held;
      throw new ConflictError(`${first!.scope} ${first!.key} already uses calendar ${first!.calendarId}`, {
        field: 'input.assignments',
        held,
      });
    }
    return {
      id,
      name: input.name,
      timeZone: input.timeZone,
      hours: definition.hours,
      holidays: input.holidays,
      assignments: input.assignments,
      updatedAt: tx.now,
    };
  }

  private save(
    tx: WriteTransaction,
    before: SlaCalendarRecord | null,
    after: SlaCalendarRecord,
    action: string,
    event: EventDefinition,
  ): Promise<SlaCalendarRecord> {
    const snapshot = snapshotOf(after);
    return tx.save(slaCalendarKind, before, {
      after,
      action,
      events: [draft(event, snapshot as never)],
      changes: snapshot,
    });
  }
}
