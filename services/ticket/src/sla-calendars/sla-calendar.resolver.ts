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

const WeekdayEnum = graphqlEnumOf(SLA_CALENDAR_WEEKDAYS, 'Weekday', 'A day of the week');
const ScopeEnum = graphqlEnumOf(
  SLA_CALENDAR_SCOPES,
  'SlaCalendarScope',
  'What a calendar is assigned to; a ticket uses its customer tier’s, else its department’s, else its priority’s',
);

@ObjectType('OpeningHours')
@InputType('OpeningHoursInput')
class OpeningHours {
  @Field(() => WeekdayEnum)
  weekday: Weekday;

  @Field({ description: 'Local wall time HH:MM' })
  @Text({ max: 5 })
  from: string;

  @Field({ description: 'Local wall time HH:MM (24:00 = end of day)' })
  @Text({ max: 5 })
  to: string;
}

@ObjectType('SlaHoliday')
@InputType('SlaHolidayInput')
class SlaHoliday {
  @Field({ description: 'YYYY-MM-DD (that date) or MM-DD (every year)' })
  @Text({ max: 10 })
  date: string;

  @Field()
  @Text({ max: 200 })
  name: string;
}

@ObjectType('SlaCalendarAssignment')
@InputType('SlaCalendarAssignmentInput')
class SlaCalendarAssignment {
  @Field(() => ScopeEnum)
  scope: CalendarScope;

  @Field({
    description: 'A customer tier (STANDARD, KEY_ACCOUNT, VIP), a department id or a priority (P1..P4)',
  })
  @Text({ max: 64 })
  key: string;
}

@ObjectType('SlaCalendar', { description: 'Business hours and holidays that SLA clocks count in' })
export class SlaCalendarType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field()
  name: string;

  @Field({ description: 'IANA time zone' })
  timeZone: string;

  @Field(() => [SlaHoliday])
  holidays: SlaHoliday[];

  @Field(() => [SlaCalendarAssignment])
  assignments: SlaCalendarAssignment[];

  @Field()
  updatedAt: Date;
}

@InputType('DefineSlaCalendarInput')
export class DefineSlaCalendarInput {
  @Field()
  @Text({ max: 200 })
  name: string;

  @Field({ description: 'IANA time zone, e.g. Asia/Shanghai or Europe/Berlin' })
  @Text({ max: 64 })
  timeZone: string;

  @Field(() => [OpeningHours])
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  hours: OpeningHours[];

  @Field(() => [SlaHoliday], { defaultValue: [] })
  @ArrayMaxSize(400)
  @ValidateNested({ each: true })
  holidays: SlaHoliday[];

  @Field(() => [SlaCalendarAssignment], { defaultValue: [] })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  assignments: SlaCalendarAssignment[];
}

@InputType('ChangeSlaCalendarInput')
export class ChangeSlaCalendarInput extends DefineSlaCalendarInput {
  @Field(() => ID)
  calendarId: string;

  @Field(() => Int)
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
    @Arg('input') input: DefineSlaCalendarInput,
    @Ctx() ctx: TicketContext,
  ): Promise<SlaCalendarRecord> {
    return ctx.services.slaCalendars.define(metaOf(ctx), input);
  }

  @Mutation(() => SlaCalendarType, {
    description:
      'Changes a calendar for tickets opened from now on; open tickets keep theirs (ADMIN, OPS_DIRECTOR)',
  })
  changeSlaCalendar(
    @Arg('input') input: ChangeSlaCalendarInput,
    @Ctx() ctx: TicketContext,
  ): Promise<SlaCalendarRecord> {
    const { calendarId, expectedVersion, ...definition } = input;
    return ctx.services.slaCalendars.change(metaOf(ctx), { calendarId, expectedVersion }, definition);
  }

  @FieldResolver(() => [OpeningHours])
  hours(@Root() calendar: SlaCalendarRecord): OpeningHours[] {
    return flatHours(calendar.hours).map((range) => ({ ...range }));
  }
}
