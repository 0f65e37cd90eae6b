import { Connection, graphqlEnumOf } from '@opsgraph/graphql-kit';
import type { TicketChannel as Channel } from '@opsgraph/contracts-events';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TicketChannel } from '../customers/customer.type';
import { REVISIT_STATUSES, type RevisitStatus as Status } from './revisit.rules';

export const RevisitStatus = graphqlEnumOf(
  REVISIT_STATUSES,
  'RevisitStatus',
  'SCHEDULED → COMPLETED or CANCELLED',
);

@ObjectType({ description: 'A care revisit (回訪) to a key account' })
export class Revisit {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  customerId: string;

  @Field()
  purpose: string;

  @Field()
  dueAt: Date;

  @Field({ description: 'Scheduled and due before now' })
  overdue: boolean;

  @Field(() => ID)
  assigneeEmployeeId: string;

  @Field(() => ID, { nullable: true })
  ticketId: string | null;

  @Field(() => RevisitStatus)
  status: Status;

  @Field(() => Date, { nullable: true })
  revisitedAt: Date | null;

  @Field(() => TicketChannel, { nullable: true })
  channel: Channel | null;

  @Field(() => String, { nullable: true })
  outcome: string | null;

  @Field(() => Boolean, { nullable: true })
  satisfied: boolean | null;

  @Field(() => String, { nullable: true })
  cancelReason: string | null;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

export const RevisitConnection = Connection(Revisit);
