import { IsInt, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { TicketPriorityEnum } from '../tickets/ticket.enums';
import type { Priority } from '../tickets/ticket.priority';

const MINUTE = 60;
const NINETY_DAYS = 90 * 24 * 60 * 60;

@InputType('UpdateSlaPolicyInput', {
  description: 'Changes a priority’s SLA targets (ADMIN, OPS_DIRECTOR); tickets opened later use them',
})
export class UpdateSlaPolicyInput {
  @Field(() => TicketPriorityEnum, { description: 'The priority' })
  priority: Priority;

  @Field(() => Int, {
    description: 'First-response target in working seconds of the ticket’s calendar, 60 s to 90 days',
  })
  @IsInt()
  @Min(MINUTE)
  @Max(NINETY_DAYS)
  responseSeconds: number;

  @Field(() => Int, {
    description: 'Resolution target in working seconds of the ticket’s calendar, 60 s to 90 days',
  })
  @IsInt()
  @Min(MINUTE)
  @Max(NINETY_DAYS)
  resolutionSeconds: number;

  @Field(() => Int, { description: 'The version the client last saw; a stale one is a CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}
