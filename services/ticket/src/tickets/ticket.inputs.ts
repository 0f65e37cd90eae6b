// GraphQL inputs with their class-validator rules: shape and ranges are rejected as BAD_USER_INPUT (with the field)
// before a use-case runs. Ids (UUIDs) and NUL characters are checked for every argument by the graph kit.
import type { FaultCategory, TicketChannel, TicketKind } from '@opsgraph/contracts-events';
import { ConnectionArgs, Text } from '@opsgraph/graphql-kit';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import {
  SuggestionDecisionEnum,
  TicketCategoryEnum,
  TicketChannelEnum,
  TicketCloseReasonEnum,
  TicketKindEnum,
  TicketPriorityEnum,
  TicketProgressVisibilityEnum,
  TicketSeverityEnum,
  TicketStatusEnum,
} from './ticket.enums';
import type { TicketStatus } from './ticket.lifecycle';
import type { Impact, Priority, Urgency } from './ticket.priority';
import type { ProgressVisibility, SuggestionDecision } from './ticket.records';

const OCCURRED_AT_DESCRIPTION =
  'Import facility (historical backfill, e.g. from a legacy helpdesk), ADMIN only: when this happened. The change is ' +
  'recorded as of then — lifecycle timestamps, SLA clock and breach flags, audit entry and event occurredAt. Not in ' +
  'the future (5 s tolerance) and not before the ticket’s last change; omit it for live work.';

/** Historical import instant (ADMIN only; the command runner checks role and range). */
function OccurredAt(): PropertyDecorator {
  return (target, key) => {
    Field(() => Date, { nullable: true, description: OCCURRED_AT_DESCRIPTION })(target, key);
    IsOptional()(target, key);
  };
}

// ---- listing ----------------------------------------------------------------------------------------------------

@InputType('TicketTimeRange', { description: 'From (inclusive) to (exclusive); either end may be open' })
export class TicketTimeRange {
  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;
}

const MAX_FILTER_VALUES = 10;

/** An optional filter condition on an enum field: 1 to MAX_FILTER_VALUES values, of which the ticket has any. */
function AnyOf(enumType: object): PropertyDecorator {
  return (target, key) => {
    Field(() => [enumType], { nullable: true })(target, key);
    ArrayMinSize(1)(target, key);
    ArrayMaxSize(MAX_FILTER_VALUES)(target, key);
  };
}

@InputType('TicketFilter', {
  description: 'All given conditions must hold; a list matches any of its values',
})
export class TicketFilter {
  @AnyOf(TicketStatusEnum)
  status?: TicketStatus[] | null;

  @AnyOf(TicketKindEnum)
  kind?: TicketKind[] | null;

  @AnyOf(TicketCategoryEnum)
  category?: FaultCategory[] | null;

  @AnyOf(TicketChannelEnum)
  channel?: TicketChannel[] | null;

  @AnyOf(TicketPriorityEnum)
  priority?: Priority[] | null;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => ID, { nullable: true })
  assigneeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Lead department' })
  departmentId?: string | null;

  @Field(() => TicketTimeRange, { nullable: true })
  @ValidateNested()
  createdAt?: TicketTimeRange | null;

  @Field(() => TicketTimeRange, { nullable: true })
  @ValidateNested()
  resolvedAt?: TicketTimeRange | null;

  @Field(() => Boolean, { nullable: true, description: 'true: a deadline was breached; false: none was' })
  breached?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive text in the subject (at least 3 characters)',
  })
  @Length(3, 100)
  subjectContains?: string | null;
}

@ArgsType()
export class TicketsArgs extends ConnectionArgs {
  @Field(() => TicketFilter, { nullable: true })
  @ValidateNested()
  filter?: TicketFilter | null;
}

// ---- intake -----------------------------------------------------------------------------------------------------

@InputType('TicketContactInput')
export class TicketContactInput {
  @Field(() => String, { nullable: true })
  @Text({ max: 200, optional: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{3,30}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string | null;
}

@InputType('OpenTicketInput')
export class OpenTicketInput {
  @Field(() => TicketKindEnum)
  kind: TicketKind;

  @Field(() => TicketCategoryEnum, {
    nullable: true,
    description: 'Required for FAULT tickets, not allowed otherwise',
  })
  category?: FaultCategory | null;

  @Field(() => TicketChannelEnum)
  channel: TicketChannel;

  @Field()
  @Text({ max: 200 })
  subject: string;

  @Field()
  @Text({ max: 10_000 })
  description: string;

  @Field(() => ID, { nullable: true, description: 'Required for staff; a customer opens for itself' })
  customerId?: string | null;

  @Field(() => TicketContactInput, { nullable: true })
  @ValidateNested()
  contact?: TicketContactInput | null;

  @Field(() => TicketSeverityEnum)
  urgency: Urgency;

  @Field(() => TicketSeverityEnum)
  impact: Impact;

  @Field(() => ID, { nullable: true, description: 'Route at intake to a lead department' })
  departmentId?: string | null;

  @Field(() => ID, { nullable: true })
  assetId?: string | null;

  @Field(() => ID, { nullable: true })
  incidentId?: string | null;

  @Field(() => Date, { nullable: true })
  promisedResolutionAt?: Date | null;

  @OccurredAt()
  occurredAt?: Date | null;
}

// ---- changes of an existing ticket ------------------------------------------------------------------------------

/** Fields every change of an existing ticket has. type-graphql inherits fields only from a decorated base class; no
 * field uses this one, so it stays out of the schema. */
@InputType()
export abstract class TicketChangeInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => Int, { description: 'The version the client last saw; a stale one is a CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @OccurredAt()
  occurredAt?: Date | null;
}

@InputType('AcknowledgeTicketInput')
export class AcknowledgeTicketInput extends TicketChangeInput {}

@InputType('AssignTicketInput')
export class AssignTicketInput extends TicketChangeInput {
  @Field(() => ID)
  assigneeId: string;

  @Field(() => ID, { nullable: true, description: 'Lead department; defaults to the current one' })
  departmentId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the collaborating departments when given' })
  @ArrayMaxSize(10)
  @ArrayUnique()
  collaboratingDepartmentIds?: string[] | null;
}

@InputType('StartTicketWorkInput')
export class StartTicketWorkInput extends TicketChangeInput {}

@InputType('AwaitCustomerInput')
export class AwaitCustomerInput extends TicketChangeInput {
  @Field(() => String, { nullable: true, description: 'What the customer is asked for' })
  @Text({ max: 1000, optional: true })
  reason?: string | null;
}

@InputType('RecordCustomerResponseInput')
export class RecordCustomerResponseInput extends TicketChangeInput {
  @Field(() => String, { nullable: true })
  @Text({ max: 1000, optional: true })
  note?: string | null;
}

@InputType('ResolveTicketInput')
export class ResolveTicketInput extends TicketChangeInput {
  @Field({ description: 'The resolution, fed back to the customer' })
  @Text({ max: 5000 })
  resolutionSummary: string;
}

@InputType('CloseTicketInput')
export class CloseTicketInput extends TicketChangeInput {
  @Field(() => TicketCloseReasonEnum, {
    description: 'CUSTOMER_CONFIRMED or AGENT (AUTO_CLOSED is the system’s)',
  })
  @IsIn(['CUSTOMER_CONFIRMED', 'AGENT'], { message: 'reason must be CUSTOMER_CONFIRMED or AGENT' })
  reason: 'CUSTOMER_CONFIRMED' | 'AGENT';
}

/** A change that needs a reason (kept in the audit trail and the event). */
@InputType()
export abstract class ReasonedTicketChangeInput extends TicketChangeInput {
  @Field()
  @Text({ max: 1000 })
  reason: string;
}

@InputType('ReopenTicketInput')
export class ReopenTicketInput extends ReasonedTicketChangeInput {}

@InputType('TransferTicketInput')
export class TransferTicketInput extends TicketChangeInput {
  @Field(() => ID)
  departmentId: string;

  @Field(() => ID, { nullable: true, description: 'Without one the ticket waits in the department’s queue' })
  assigneeId?: string | null;

  @Field()
  @Text({ max: 1000 })
  reason: string;
}

@InputType('EscalateTicketInput')
export class EscalateTicketInput extends ReasonedTicketChangeInput {}

// ---- records ----------------------------------------------------------------------------------------------------

@InputType('AddTicketProgressInput')
export class AddTicketProgressInput extends TicketChangeInput {
  @Field(() => TicketProgressVisibilityEnum)
  visibility: ProgressVisibility;

  @Field()
  @Text({ max: 10_000 })
  body: string;
}

@InputType('TicketPlanStepInput')
export class TicketPlanStepInput {
  @Field()
  @Text({ max: 200 })
  title: string;

  @Field(() => ID, { nullable: true, description: 'Employee responsible for the step' })
  ownerId?: string | null;

  @Field(() => Date, { nullable: true })
  dueAt?: Date | null;
}

@InputType('PlanTicketStepsInput')
export class PlanTicketStepsInput extends TicketChangeInput {
  @Field(() => [TicketPlanStepInput], { description: 'Replaces the steps not done yet, in this order' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  steps: TicketPlanStepInput[];
}

@InputType('CompleteTicketStepInput')
export class CompleteTicketStepInput extends TicketChangeInput {
  @Field(() => ID)
  stepId: string;
}

/** A survey score: an Int from 1 to 5. */
const Score: PropertyDecorator = (target, key) => {
  Field(() => Int)(target, key);
  IsInt()(target, key);
  Min(1)(target, key);
  Max(5)(target, key);
};

@InputType('SubmitTicketSurveyInput')
export class SubmitTicketSurveyInput extends TicketChangeInput {
  @Score
  overall: number;

  @Score
  quality: number;

  @Score
  efficiency: number;

  @Score
  communication: number;

  @Field(() => String, { nullable: true })
  @Text({ max: 2000, optional: true })
  comment?: string | null;
}

@InputType('RecordComplaintInvestigationInput')
export class RecordComplaintInvestigationInput extends TicketChangeInput {
  @Field()
  @Text({ max: 5000 })
  findings: string;

  @Field()
  @Text({ max: 2000 })
  rootCause: string;

  @Field(() => ID)
  responsibleDepartmentId: string;

  @Field(() => ID, { nullable: true })
  responsibleEmployeeId?: string | null;

  @Field()
  @Text({ max: 2000 })
  correctiveAction: string;

  @Field()
  correctiveActionDueAt: Date;

  @Field(() => String, { nullable: true, description: 'What the complainant was told' })
  @Text({ max: 2000, optional: true })
  feedbackToComplainant?: string | null;
}

@InputType('RecordComplaintFollowUpInput')
export class RecordComplaintFollowUpInput extends TicketChangeInput {
  @Field({ description: 'When the follow-up visit took place' })
  followUpAt: Date;

  @Field()
  @Text({ max: 2000 })
  result: string;

  @Field({ description: 'Whether the complainant was satisfied' })
  satisfied: boolean;
}

@InputType('ReviewSuggestionInput')
export class ReviewSuggestionInput extends TicketChangeInput {
  @Field(() => SuggestionDecisionEnum)
  decision: SuggestionDecision;

  @Field()
  @Text({ max: 2000 })
  reason: string;
}
