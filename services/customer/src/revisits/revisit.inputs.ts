import type { TicketChannel as Channel } from '@opsgraph/contracts-events';
import { ConnectionArgs, ExpectedVersion } from '@opsgraph/graphql-kit';
import { IsOptional, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { TicketChannel } from '../customers/customer.type';
import { RevisitStatus } from './revisit.type';
import type { RevisitStatus as Status } from './revisit.rules';

@InputType()
export class ScheduleRevisitInput {
  @Field(() => ID)
  customerId: string;

  @Field()
  dueAt: Date;

  @Field(() => ID, { description: 'The employee who will make the revisit' })
  assigneeEmployeeId: string;

  @Field()
  @Length(1, 500)
  purpose: string;

  @Field(() => ID, { nullable: true, description: 'The ticket that prompted it, if any' })
  ticketId?: string | null;
}

/** The revisit a change is made to, and the version it was made against. */
@InputType('RevisitVersionRef')
abstract class RevisitVersionRef {
  @Field(() => ID)
  revisitId: string;

  @ExpectedVersion()
  expectedVersion: number;
}

@InputType()
export class RecordRevisitOutcomeInput extends RevisitVersionRef {
  @Field({ description: 'When the revisit took place (not in the future)' })
  revisitedAt: Date;

  @Field(() => TicketChannel)
  channel: Channel;

  @Field({
    description: 'Outcome notes; published in customer.revisit_recorded, so no phone numbers or e-mails',
  })
  @Length(1, 2000)
  outcome: string;

  @Field(() => Boolean, { nullable: true, description: 'Was the customer satisfied?' })
  satisfied?: boolean | null;
}

@InputType()
export class CancelRevisitInput extends RevisitVersionRef {
  @Field()
  @Length(1, 500)
  reason: string;
}

@InputType()
export class OverdueRevisitFilter {
  @Field(() => ID, { nullable: true })
  assigneeEmployeeId?: string | null;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;
}

@ArgsType()
export class OverdueRevisitsArgs extends ConnectionArgs {
  @Field(() => OverdueRevisitFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: OverdueRevisitFilter | null;
}

@ArgsType()
export class CustomerRevisitsArgs extends ConnectionArgs {
  @Field(() => [RevisitStatus], { nullable: true })
  statuses?: Status[] | null;
}
