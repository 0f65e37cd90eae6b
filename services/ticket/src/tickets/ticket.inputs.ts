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
  @Field(() => Date, { description: 'Inclusive start (DateTime, UTC); null for open-ended', nullable: true })
  from?: Date | null;

  @Field(() => Date, { description: 'Exclusive end (DateTime, UTC); null for open-ended', nullable: true })
  to?: Date | null;
}

const MAX_FILTER_VALUES = 10;

/** An optional filter condition on an enum field: 1 to MAX_FILTER_VALUES values, of which the ticket has any. */
function AnyOf(enumType: object, description: string): PropertyDecorator {
  return (target, key) => {
    Field(() => [enumType], { nullable: true, description })(target, key);
    ArrayMinSize(1)(target, key);
    ArrayMaxSize(MAX_FILTER_VALUES)(target, key);
  };
}

@InputType('TicketFilter', {
  description: 'All given conditions must hold; a list matches any of its values',
})
export class TicketFilter {
  @AnyOf(TicketStatusEnum, 'Only tickets in any of these statuses')
  status?: TicketStatus[] | null;

  @AnyOf(TicketKindEnum, 'Only tickets of any of these kinds')
  kind?: TicketKind[] | null;

  @AnyOf(TicketCategoryEnum, 'Only FAULT tickets of any of these categories')
  category?: FaultCategory[] | null;

  @AnyOf(TicketChannelEnum, 'Only tickets taken in through any of these channels')
  channel?: TicketChannel[] | null;

  @AnyOf(TicketPriorityEnum, 'Only tickets of any of these priorities')
  priority?: Priority[] | null;

  @Field(() => ID, { description: 'Only tickets of this customer', nullable: true })
  customerId?: string | null;

  @Field(() => ID, { description: 'Only tickets assigned to this employee', nullable: true })
  assigneeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Lead department' })
  departmentId?: string | null;

  @Field(() => TicketTimeRange, { description: 'Only tickets opened in this range', nullable: true })
  @ValidateNested()
  createdAt?: TicketTimeRange | null;

  @Field(() => TicketTimeRange, { description: 'Only tickets resolved in this range', nullable: true })
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
  @Field(() => TicketFilter, { description: 'Optional conditions; all given ones must hold', nullable: true })
  @ValidateNested()
  filter?: TicketFilter | null;
}

// ---- intake -----------------------------------------------------------------------------------------------------

@InputType('TicketContactInput', { description: 'The contact for this ticket (personal data)' })
export class TicketContactInput {
  @Field(() => String, { description: 'Name, up to 200 characters', nullable: true })
  @Text({ max: 200, optional: true })
  name?: string | null;

  @Field(() => String, { description: 'Phone number, e.g. +86 138 1234 5678', nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{3,30}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @Field(() => String, { description: 'E-mail address', nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string | null;
}

@InputType('OpenTicketInput', {
  description:
    'Opens a ticket (staff, or a customer for itself): status NEW, priority from urgency × impact, SLA deadlines from the priority’s policy and the chosen calendar; routed when no department is given. Answers BAD_USER_INPUT with field for an unknown customer, asset or department',
})
export class OpenTicketInput {
  @Field(() => TicketKindEnum, { description: 'What the customer came for' })
  kind: TicketKind;

  @Field(() => TicketCategoryEnum, {
    nullable: true,
    description: 'Required for FAULT tickets, not allowed otherwise',
  })
  category?: FaultCategory | null;

  @Field(() => TicketChannelEnum, { description: 'Where the ticket was taken in' })
  channel: TicketChannel;

  @Field({ description: 'Short subject, 1–200 characters' })
  @Text({ max: 200 })
  subject: string;

  @Field({ description: 'What the customer reported, 1–10000 characters' })
  @Text({ max: 10_000 })
  description: string;

  @Field(() => ID, { nullable: true, description: 'Required for staff; a customer opens for itself' })
  customerId?: string | null;

  @Field(() => TicketContactInput, {
    description: 'Contact snapshot for this ticket (personal data); null for none',
    nullable: true,
  })
  @ValidateNested()
  contact?: TicketContactInput | null;

  @Field(() => TicketSeverityEnum, { description: 'How soon it must be handled: LOW, MEDIUM, HIGH' })
  urgency: Urgency;

  @Field(() => TicketSeverityEnum, { description: 'How many or how much is affected: LOW, MEDIUM, HIGH' })
  impact: Impact;

  @Field(() => ID, { nullable: true, description: 'Route at intake to a lead department' })
  departmentId?: string | null;

  @Field(() => ID, {
    description: 'The asset the ticket concerns (e.g. a FAULT); null for none',
    nullable: true,
  })
  assetId?: string | null;

  @Field(() => ID, { description: 'The incident the ticket belongs to; null for none', nullable: true })
  incidentId?: string | null;

  @Field(() => Date, {
    description: 'The resolution time promised to the customer (DateTime, UTC); null when none was promised',
    nullable: true,
  })
  promisedResolutionAt?: Date | null;

  @OccurredAt()
  occurredAt?: Date | null;
}

// ---- changes of an existing ticket ------------------------------------------------------------------------------

/** Fields every change of an existing ticket has. type-graphql inherits fields only from a decorated base class; no
 * field uses this one, so it stays out of the schema. */
@InputType()
export abstract class TicketChangeInput {
  @Field(() => ID, { description: 'The ticket' })
  ticketId: string;

  @Field(() => Int, { description: 'The version the client last saw; a stale one is a CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @OccurredAt()
  occurredAt?: Date | null;
}

@InputType('AcknowledgeTicketInput', {
  description:
    'First response to a NEW ticket: moves it to ACKNOWLEDGED and stops the response clock (AGENT, TECHNICIAN, managers). Answers INVALID_TRANSITION with currentState from any other status, CONFLICT for a stale expectedVersion',
})
export class AcknowledgeTicketInput extends TicketChangeInput {}

@InputType('AssignTicketInput', {
  description:
    'Assigns a NEW, ACKNOWLEDGED or REOPENED ticket to an employee and lead department (assigning a NEW one is also its first response), or re-assigns one being handled, which keeps its status (AGENT, TECHNICIAN, managers within their scope). Answers BAD_USER_INPUT with field for an unknown or not ACTIVE assignee, INVALID_TRANSITION, CONFLICT',
})
export class AssignTicketInput extends TicketChangeInput {
  @Field(() => ID, { description: 'The employee who handles the ticket; must be ACTIVE' })
  assigneeId: string;

  @Field(() => ID, { nullable: true, description: 'Lead department; defaults to the current one' })
  departmentId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the collaborating departments when given' })
  @ArrayMaxSize(10)
  @ArrayUnique()
  collaboratingDepartmentIds?: string[] | null;
}

@InputType('StartTicketWorkInput', {
  description: 'Starts work on an ASSIGNED or REOPENED ticket: IN_PROGRESS',
})
export class StartTicketWorkInput extends TicketChangeInput {}

@InputType('AwaitCustomerInput', {
  description:
    'Moves an IN_PROGRESS ticket to PENDING_CUSTOMER: the resolution clock pauses until the customer responds (recordCustomerResponse)',
})
export class AwaitCustomerInput extends TicketChangeInput {
  @Field(() => String, { nullable: true, description: 'What the customer is asked for' })
  @Text({ max: 1000, optional: true })
  reason?: string | null;
}

@InputType('RecordCustomerResponseInput', {
  description:
    'Records that the customer answered a PENDING_CUSTOMER ticket: back to IN_PROGRESS, the resolution clock runs again (unless an incident still holds it)',
})
export class RecordCustomerResponseInput extends TicketChangeInput {
  @Field(() => String, { description: 'What the customer answered, up to 1000 characters', nullable: true })
  @Text({ max: 1000, optional: true })
  note?: string | null;
}

@InputType('ResolveTicketInput', {
  description:
    'Resolves a ticket with a summary fed back to the customer. A COMPLAINT not ready, or a parent with open children, answers INVALID_TRANSITION',
})
export class ResolveTicketInput extends TicketChangeInput {
  @Field({ description: 'The resolution, fed back to the customer' })
  @Text({ max: 5000 })
  resolutionSummary: string;
}

@InputType('CloseTicketInput', {
  description:
    'Closes a RESOLVED ticket: by the customer confirming (CUSTOMER_CONFIRMED) or by staff (AGENT). A COMPLAINT closes only when ready (see Ticket.complaintClosure), else INVALID_TRANSITION with missing',
})
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
  @Field({ description: 'Why, 1–1000 characters' })
  @Text({ max: 1000 })
  reason: string;
}

@InputType('ReopenTicketInput', {
  description:
    'Reopens a RESOLVED or CLOSED ticket: REOPENED, its reopen count rises and its resolution is cleared',
})
export class ReopenTicketInput extends ReasonedTicketChangeInput {}

@InputType('TransferTicketInput', { description: 'Transfers a ticket to another lead department (recorded)' })
export class TransferTicketInput extends TicketChangeInput {
  @Field(() => ID, { description: 'The new lead department' })
  departmentId: string;

  @Field(() => ID, { nullable: true, description: 'Without one the ticket waits in the department’s queue' })
  assigneeId?: string | null;

  @Field({ description: 'Why, 1–1000 characters' })
  @Text({ max: 1000 })
  reason: string;
}

@InputType('EscalateTicketInput', {
  description: 'Escalates a ticket beyond the handler’s authority (recorded in the audit trail)',
})
export class EscalateTicketInput extends ReasonedTicketChangeInput {}

// ---- records ----------------------------------------------------------------------------------------------------

@InputType('AddTicketProgressInput', {
  description:
    'Adds a PUBLIC progress update (shown to the customer) or an INTERNAL note (staff only). A customer may add PUBLIC updates to its own tickets only',
})
export class AddTicketProgressInput extends TicketChangeInput {
  @Field(() => TicketProgressVisibilityEnum, {
    description: 'PUBLIC for the customer to see, INTERNAL for staff only',
  })
  visibility: ProgressVisibility;

  @Field({ description: 'The text, 1–10000 characters (plain text; the console escapes it)' })
  @Text({ max: 10_000 })
  body: string;
}

@InputType('TicketPlanStepInput', { description: 'One step of an execution plan' })
export class TicketPlanStepInput {
  @Field({ description: 'What to do, 1–200 characters' })
  @Text({ max: 200 })
  title: string;

  @Field(() => ID, { nullable: true, description: 'Employee responsible for the step' })
  ownerId?: string | null;

  @Field(() => Date, { description: 'When it is due (DateTime, UTC); null for none', nullable: true })
  dueAt?: Date | null;
}

@InputType('PlanTicketStepsInput', {
  description:
    'Sets the execution plan of a ticket: ordered steps with owner and due time (AGENT, TECHNICIAN, managers). An owner must be ACTIVE',
})
export class PlanTicketStepsInput extends TicketChangeInput {
  @Field(() => [TicketPlanStepInput], { description: 'Replaces the steps not done yet, in this order' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  steps: TicketPlanStepInput[];
}

@InputType('CompleteTicketStepInput', { description: 'Marks a step of the ticket’s execution plan done' })
export class CompleteTicketStepInput extends TicketChangeInput {
  @Field(() => ID, { description: 'The plan step' })
  stepId: string;
}

/** A survey score: an Int from 1 to 5. */
const Score =
  (description: string): PropertyDecorator =>
  (target, key) => {
    Field(() => Int, { description })(target, key);
    IsInt()(target, key);
    Min(1)(target, key);
    Max(5)(target, key);
  };

@InputType('SubmitTicketSurveyInput', {
  description:
    'The satisfaction survey after resolution, one per ticket (the customer, or staff recording one taken by phone); a second one is a CONFLICT',
})
export class SubmitTicketSurveyInput extends TicketChangeInput {
  @Score('Overall satisfaction, 1–5')
  overall: number;

  @Score('Quality of the resolution, 1–5')
  quality: number;

  @Score('Speed of the handling, 1–5')
  efficiency: number;

  @Score('Communication with the customer, 1–5')
  communication: number;

  @Field(() => String, { description: 'A comment, up to 2000 characters', nullable: true })
  @Text({ max: 2000, optional: true })
  comment?: string | null;
}

@InputType('RecordComplaintInvestigationInput', {
  description:
    'Records a COMPLAINT’s investigation (OPS_MANAGER, OPS_DIRECTOR, ADMIN). Answers BAD_USER_INPUT with field for an unknown department or employee',
})
export class RecordComplaintInvestigationInput extends TicketChangeInput {
  @Field({ description: 'What was found, 1–5000 characters' })
  @Text({ max: 5000 })
  findings: string;

  @Field({ description: 'The root cause, 1–2000 characters; counted for recurring causes' })
  @Text({ max: 2000 })
  rootCause: string;

  @Field(() => ID, { description: 'The department responsible' })
  responsibleDepartmentId: string;

  @Field(() => ID, { description: 'The employee responsible; null for none', nullable: true })
  responsibleEmployeeId?: string | null;

  @Field({ description: 'The corrective action decided, 1–2000 characters' })
  @Text({ max: 2000 })
  correctiveAction: string;

  @Field({ description: 'When it must be done (DateTime, UTC)' })
  correctiveActionDueAt: Date;

  @Field(() => String, { nullable: true, description: 'What the complainant was told' })
  @Text({ max: 2000, optional: true })
  feedbackToComplainant?: string | null;
}

@InputType('RecordComplaintFollowUpInput', {
  description: 'Records the follow-up visit (回訪) of a COMPLAINT (OPS_MANAGER, OPS_DIRECTOR, ADMIN)',
})
export class RecordComplaintFollowUpInput extends TicketChangeInput {
  @Field({ description: 'When the follow-up visit took place' })
  followUpAt: Date;

  @Field({ description: 'What the complainant said, 1–2000 characters' })
  @Text({ max: 2000 })
  result: string;

  @Field({ description: 'Whether the complainant was satisfied' })
  satisfied: boolean;
}

@InputType('ReviewSuggestionInput', {
  description: 'Accepts or rejects a SUGGESTION ticket with a reason (OPS_MANAGER, OPS_DIRECTOR, ADMIN)',
})
export class ReviewSuggestionInput extends TicketChangeInput {
  @Field(() => SuggestionDecisionEnum, { description: 'ACCEPTED or REJECTED' })
  decision: SuggestionDecision;

  @Field({ description: 'Why, 1–2000 characters' })
  @Text({ max: 2000 })
  reason: string;
}
