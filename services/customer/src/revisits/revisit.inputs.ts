import type { TicketChannel as Channel } from '@opsgraph/contracts-events';
import { ConnectionArgs, ExpectedVersion } from '@opsgraph/graphql-kit';
import { IsOptional, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { TicketChannel } from '../customers/customer.type';
import { RevisitStatus } from './revisit.type';
import type { RevisitStatus as Status } from './revisit.rules';

@InputType({
  description:
    'Schedules a care revisit (回訪) of a KEY_ACCOUNT or VIP customer (ADMIN, OPS_DIRECTOR, OPS_MANAGER, AGENT). Answers NOT_FOUND for an unknown customer and BAD_USER_INPUT with field for an invalid value.',
})
export class ScheduleRevisitInput {
  @Field(() => ID, { description: 'The customer to revisit; must be a KEY_ACCOUNT or VIP' })
  customerId: string;

  @Field({
    description:
      'When the revisit is due (DateTime, UTC); once past while SCHEDULED it appears in overdueRevisits',
  })
  dueAt: Date;

  @Field(() => ID, { description: 'The employee who will make the revisit' })
  assigneeEmployeeId: string;

  @Field({
    description:
      'What the revisit is about, 1–500 characters (no personal data: it is published in the revisit event)',
  })
  @Length(1, 500)
  purpose: string;

  @Field(() => ID, { nullable: true, description: 'The ticket that prompted it, if any' })
  ticketId?: string | null;
}

/** The revisit a change is made to, and the version it was made against. */
@InputType('RevisitVersionRef')
abstract class RevisitVersionRef {
  @Field(() => ID, { description: 'The revisit concerned (its id)' })
  revisitId: string;

  @ExpectedVersion()
  expectedVersion: number;
}

@InputType({
  description:
    "Records how a care revisit went (the revisit's assignee, or ADMIN, OPS_DIRECTOR, OPS_MANAGER, AGENT). Answers NOT_FOUND, INVALID_TRANSITION when it is not SCHEDULED, BAD_USER_INPUT for a revisitedAt in the future, CONFLICT for a stale expectedVersion.",
})
export class RecordRevisitOutcomeInput extends RevisitVersionRef {
  @Field({ description: 'When the revisit took place (not in the future)' })
  revisitedAt: Date;

  @Field(() => TicketChannel, { description: 'How the customer was reached for the revisit' })
  channel: Channel;

  @Field({
    description: 'Outcome notes; published in customer.revisit_recorded, so no phone numbers or e-mails',
  })
  @Length(1, 2000)
  outcome: string;

  @Field(() => Boolean, { nullable: true, description: 'Was the customer satisfied?' })
  satisfied?: boolean | null;
}

@InputType({
  description:
    'Cancels a SCHEDULED care revisit (ADMIN, OPS_DIRECTOR, OPS_MANAGER, AGENT). Answers NOT_FOUND for an unknown revisit, INVALID_TRANSITION when it is no longer SCHEDULED, CONFLICT for a stale expectedVersion.',
})
export class CancelRevisitInput extends RevisitVersionRef {
  @Field({
    description: "Why the revisit is cancelled, 1–500 characters; kept in the customer's audit trail",
  })
  @Length(1, 500)
  reason: string;
}

@InputType({ description: 'Narrows overdueRevisits; every field set must match (AND)' })
export class OverdueRevisitFilter {
  @Field(() => ID, {
    description: 'Only revisits assigned to this employee; null for anyone',
    nullable: true,
  })
  assigneeEmployeeId?: string | null;

  @Field(() => ID, { description: 'Only revisits of this customer; null for every customer', nullable: true })
  customerId?: string | null;
}

@ArgsType()
export class OverdueRevisitsArgs extends ConnectionArgs {
  @Field(() => OverdueRevisitFilter, {
    description: 'Optional narrowing by assignee and customer',
    nullable: true,
  })
  @IsOptional()
  @ValidateNested()
  filter?: OverdueRevisitFilter | null;
}

@ArgsType()
export class CustomerRevisitsArgs extends ConnectionArgs {
  @Field(() => [RevisitStatus], {
    description: 'Only revisits in these statuses; null or empty for all',
    nullable: true,
  })
  statuses?: Status[] | null;
}
