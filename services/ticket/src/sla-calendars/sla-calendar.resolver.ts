// SLA calendars on the graph (docs/product.md §12.1). Thin: rules in business-hours.rules.ts and sla-calendar.rules.ts.
import { SLA_CALENDAR_SCOPES, SLA_CALENDAR_WEEKDAYS } from '@opsgraph/contracts-events';
import { graphqlEnumOf, Text } from '@opsgraph/graphql-kit';
import { metaOf } from '@opsgraph/service-kit';
import { ArrayMaxSize, IsInt, Min, ValidateNested } from 'class-validator';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { TicketContext } from '../context';
import type { Weekday } from './business-hours.rules';
import { flatHours } from './sla-calendar.service';
import type { CalendarScope, SlaCalendarRecord } from './sla-calendar.rules';

const WeekdayEnum = graphqlEnumOf(SLA_CALENDAR_WEEKDAYS, 'Weekday', 'A day of the week', {
  MON: 'Monday',
  TUE: 'Tuesday',
  WED: 'Wednesday',
  THU: 'Thursday',
  FRI: 'Friday',
  SAT: 'Saturday',
  SUN: 'Sunday',
});
const ScopeEnum = graphqlEnumOf(
  SLA_CALENDAR_SCOPES,
  'SlaCalendarScope',
  'What a calendar is assigned to; a ticket uses its customer tier’s, else its department’s, else its priority’s',
  {
    CUSTOMER_TIER: 'A customer tier (checked first when a ticket is opened)',
    DEPARTMENT: 'A lead department (checked second)',
    PRIORITY: 'A priority’s SLA policy (checked last)',
  },
);

@ObjectType('OpeningHours', {
  description: 'One opening-hours range of a weekday, in the calendar’s local time',
})
@InputType('OpeningHoursInput', {
  description: 'One opening-hours range of a weekday, in the calendar’s local time',
})
class OpeningHours {
  @Field(() => WeekdayEnum, { description: 'The weekday' })
  weekday: Weekday;

  @Field({ description: 'Local wall time HH:MM' })
  @Text({ max: 5 })
  from: string;

  @Field({ description: 'Local wall time HH:MM (24:00 = end of day)' })
  @Text({ max: 5 })
  to: string;
}

@ObjectType('SlaHoliday', {
  description: 'A holiday closing the whole local day: dated or recurring every year',
})
@InputType('SlaHolidayInput', {
  description: 'A holiday closing the whole local day: dated or recurring every year',
})
class SlaHoliday {
  @Field({ description: 'YYYY-MM-DD (that date) or MM-DD (every year)' })
  @Text({ max: 10 })
  date: string;

  @Field({ description: 'The holiday’s name, 1–200 characters' })
  @Text({ max: 200 })
  name: string;
}

@ObjectType('SlaCalendarAssignment', {
  description: 'Where a calendar applies: to a customer tier, a lead department or a priority',
})
@InputType('SlaCalendarAssignmentInput', {
  description: 'Where a calendar applies: to a customer tier, a lead department or a priority',
})
class SlaCalendarAssignment {
  @Field(() => ScopeEnum, {
    description: 'What the value names: a customer tier, a department or a priority',
  })
  scope: CalendarScope;

  @Field({
    description: 'A customer tier (STANDARD, KEY_ACCOUNT, VIP), a department id or a priority (P1..P4)',
  })
  @Text({ max: 64 })
  key: string;
}

@ObjectType('SlaCalendar', { description: 'Business hours and holidays that SLA clocks count in' })
export class SlaCalendarType {
  @Field(() => ID, { description: 'The calendar’s id' })
  id: string;

  @Field(() => Int, {
    description: 'Optimistic-lock version: pass it as expectedVersion to change the calendar',
  })
  version: number;

  @Field({ description: 'The calendar’s name' })
  name: string;

  @Field({ description: 'IANA time zone' })
  timeZone: string;

  @Field(() => [SlaHoliday], { description: 'Holidays, each closing a whole local day' })
  holidays: SlaHoliday[];

  @Field(() => [SlaCalendarAssignment], { description: 'Where the calendar applies' })
  assignments: SlaCalendarAssignment[];

  @Field({ description: 'When it last changed (DateTime, UTC)' })
  updatedAt: Date;
}

@InputType('DefineSlaCalendarInput', {
  description:
    'Defines a business-hours calendar for SLA targets (ADMIN, OPS_DIRECTOR); publishes calendar.defined',
})
export class DefineSlaCalendarInput {
  @Field({ description: 'The calendar’s name, 1–200 characters' })
  @Text({ max: 200 })
  name: string;

  @Field({ description: 'IANA time zone, e.g. Asia/Shanghai or Europe/Berlin' })
  @Text({ max: 64 })
  timeZone: string;

  @Field(() => [OpeningHours], {
    description: 'Opening hours per weekday; a weekday without ranges is closed',
  })
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  hours: OpeningHours[];

  @Field(() => [SlaHoliday], {
    description: 'Holidays, each closing a whole local day; up to 400',
    defaultValue: [],
  })
  @ArrayMaxSize(400)
  @ValidateNested({ each: true })
  holidays: SlaHoliday[];

  @Field(() => [SlaCalendarAssignment], {
    description: 'Where the calendar applies: customer tiers, departments, priorities; up to 200',
    defaultValue: [],
  })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  assignments: SlaCalendarAssignment[];
}

@InputType('ChangeSlaCalendarInput', {
  description:
    'Replaces a calendar’s name, hours, holidays and assignments (ADMIN, OPS_DIRECTOR); tickets already opened keep their copy and their deadlines. Publishes calendar.changed',
})
export class ChangeSlaCalendarInput extends DefineSlaCalendarInput {
  @Field(() => ID, { description: 'The calendar to change' })
  calendarId: string;

  @Field(() => Int, { description: 'The version the client last saw; a stale one is a CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@Resolver(() => SlaCalendarType)
export class SlaCalendarResolver {
  @Query(() => [SlaCalendarType], { description: 'SLA calendars by name (staff and analysts)' })
  slaCalendars(@Ctx() ctx: TicketContext): Promise<SlaCalendarRecord[]> {
    return ctx.services.slaCalendars.list(ctx.caller);
  }

  @Mutation(() => SlaCalendarType, { description: 'Defines a business-hours calendar (ADMIN, OPS_DIRECTOR)' })
  defineSlaCalendar(
    @Arg('input', { description: 'The calendar’s zone, hours, holidays and assignments' })
    input: DefineSlaCalendarInput,
    @Ctx() ctx: TicketContext,
  ): Promise<SlaCalendarRecord> {
    return ctx.services.slaCalendars.define(metaOf(ctx), input);
  }

  @Mutation(() => SlaCalendarType, {
    description:
      'Changes a calendar for tickets opened from now on; open tickets keep theirs (ADMIN, OPS_DIRECTOR)',
  })
  changeSlaCalendar(
    @Arg('input', { description: 'The calendar and its new definition' }) input: ChangeSlaCalendarInput,
    @Ctx() ctx: TicketContext,
  ): Promise<SlaCalendarRecord> {
    const { calendarId, expectedVersion, ...definition } = input;
    return ctx.services.slaCalendars.change(metaOf(ctx), { calendarId, expectedVersion }, definition);
  }

  @FieldResolver(() => [OpeningHours], { description: 'Opening hours per weekday' })
  hours(@Root() calendar: SlaCalendarRecord): OpeningHours[] {
    return flatHours(calendar.hours).map((range) => ({ ...range }));
  }
}
