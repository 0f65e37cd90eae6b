import { Connection, graphqlEnumOf } from '@opsgraph/graphql-kit';
import type { TicketChannel as Channel } from '@opsgraph/contracts-events';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TicketChannel } from '../customers/customer.type';
import { REVISIT_STATUSES, type RevisitStatus as Status } from './revisit.rules';

export const RevisitStatus = graphqlEnumOf(
  REVISIT_STATUSES,
  'RevisitStatus',
  'SCHEDULED → COMPLETED or CANCELLED',
  {
    SCHEDULED: 'Planned, not yet done',
    COMPLETED: 'Done: the outcome is recorded',
    CANCELLED: 'Called off, with a reason',
  },
);

@ObjectType({ description: 'A care revisit (回訪) to a key account' })
export class Revisit {
  @Field(() => ID, { description: 'The revisit’s id' })
  id: string;

  @Field(() => ID, { description: 'The customer revisited' })
  customerId: string;

  @Field({ description: 'Why the customer is revisited' })
  purpose: string;

  @Field({ description: 'By when it should take place' })
  dueAt: Date;

  @Field({ description: 'Scheduled and due before now' })
  overdue: boolean;

  @Field(() => ID, { description: 'The employee who makes the revisit' })
  assigneeEmployeeId: string;

  @Field(() => ID, { nullable: true, description: 'The ticket that prompted it, if any' })
  ticketId: string | null;

  @Field(() => RevisitStatus, { description: 'Where the revisit stands' })
  status: Status;

  @Field(() => Date, { nullable: true, description: 'When it took place; null until COMPLETED' })
  revisitedAt: Date | null;

  @Field(() => TicketChannel, {
    nullable: true,
    description: 'How the customer was reached; null until COMPLETED',
  })
  channel: Channel | null;

  @Field(() => String, { nullable: true, description: 'What came of it; null until COMPLETED' })
  outcome: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the customer was satisfied; null if not asked',
  })
  satisfied: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled; null unless CANCELLED' })
  cancelReason: string | null;

  @Field(() => Int, {
    description: 'Optimistic-lock version: pass it as expectedVersion to change the revisit',
  })
  version: number;

  @Field({ description: 'When it was scheduled' })
  createdAt: Date;

  @Field({ description: 'When it last changed' })
  updatedAt: Date;
}

export const RevisitConnection = Connection(Revisit);
