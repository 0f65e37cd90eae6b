import { Field, Int, ObjectType } from 'type-graphql';
import { TicketPriorityEnum } from '../tickets/ticket.enums';
import type { Priority } from '../tickets/ticket.priority';

@ObjectType('SlaPolicy', { description: 'SLA targets for one priority, in seconds (24×7 clock)' })
export class SlaPolicyType {
  @Field(() => TicketPriorityEnum, { description: 'The priority the targets apply to' })
  priority: Priority;

  @Field(() => Int, { description: 'First response due this many seconds after opening' })
  responseSeconds: number;

  @Field(() => Int, { description: 'Resolution due this many seconds after opening, pauses excluded' })
  resolutionSeconds: number;

  @Field(() => Int, {
    description: 'Optimistic-lock version: pass it as expectedVersion to change the policy',
  })
  version: number;

  @Field({ description: 'When the targets last changed (DateTime, UTC)' })
  updatedAt: Date;
}
