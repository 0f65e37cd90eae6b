import { IsInt, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { TicketPriorityEnum } from '../tickets/ticket.enums';
import type { Priority } from '../tickets/ticket.priority';

const MINUTE = 60;
const NINETY_DAYS = 90 * 24 * 60 * 60;

@InputType('UpdateSlaPolicyInput')
export class UpdateSlaPolicyInput {
  @Field(() => TicketPriorityEnum)
  priority: Priority;

  @Field(() => Int)
  @IsInt()
  @Min(MINUTE)
  @Max(NINETY_DAYS)
  responseSeconds: number;

  @Field(() => Int)
  @IsInt()
  @Min(MINUTE)
  @Max(NINETY_DAYS)
  resolutionSeconds: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;
}
