import { Field, Int, ObjectType } from 'type-graphql';
import { TicketPriorityEnum } from '../tickets/ticket.enums';
import type { Priority } from '../tickets/ticket.priority';

@ObjectType('SlaPolicy', { description: 'SLA targets for one priority, in seconds (24×7 clock)' })
export class SlaPolicyType {
  @Field(() => TicketPriorityEnum)
  priority: Priority;

  @Field(() => Int, { description: 'First response due this many seconds after opening' })
  responseSeconds: number;

  @Field(() => Int, { description: 'Resolution due this many seconds after opening, pauses excluded' })
  resolutionSeconds: number;

  @Field(() => Int)
  version: number;

  @Field()
  updatedAt: Date;
}
