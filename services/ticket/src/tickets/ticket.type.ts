// GraphQL object types of the ticket aggregate. Resolvers return the domain objects (Ticket, PlanStep, …); fields
// with the same name read straight from them, the rest are field resolvers (ticket.resolver.ts).
import type { FaultCategory, TicketChannel, TicketKind } from '@opsgraph/contracts-events';
import { Connection } from '@opsgraph/graphql-kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DepartmentReference, EmployeeReference } from '../references/entity-references';
import {
  SuggestionDecisionEnum,
  TicketCategoryEnum,
  TicketChannelEnum,
  TicketCloseReasonEnum,
  TicketHistoryActionEnum,
  TicketKindEnum,
  TicketPriorityEnum,
  TicketProgressVisibilityEnum,
  TicketSeverityEnum,
  TicketStatusEnum,
} from './ticket.enums';
import type { CloseReason, TicketStatus } from './ticket.lifecycle';
import type { Impact, Priority, Urgency } from './ticket.priority';
import type { HistoryAction, JsonObject, ProgressVisibility, SuggestionDecision } from './ticket.records';

@Directive('@key(fields: "id")')
@ObjectType('Ticket', { description: 'A service request, fault, consultation, complaint or suggestion' })
export class TicketType {
  @Field(() => ID, { description: 'The ticket’s id (UUID)' })
  id: string;

  @Field({ description: 'Human-readable number, e.g. TCK-000123' })
  number: string;

  @Field(() => TicketKindEnum, { description: 'What the customer came for' })
  kind: TicketKind;

  @Field(() => TicketCategoryEnum, { nullable: true, description: 'Set for FAULT tickets only' })
  category: FaultCategory | null;

  @Field(() => TicketChannelEnum, { description: 'Where the ticket was taken in' })
  channel: TicketChannel;

  @Field({ description: 'Short subject' })
  subject: string;

  @Field({ description: 'What the customer reported' })
  description: string;

  @Field(() => TicketSeverityEnum, { description: 'How soon it must be handled' })
  urgency: Urgency;

  @Field(() => TicketSeverityEnum, { description: 'How many or how much is affected' })
  impact: Impact;

  @Field(() => TicketPriorityEnum, { description: 'From urgency × impact' })
  priority: Priority;

  @Field(() => TicketStatusEnum, { description: 'Where the ticket is in its lifecycle' })
  status: TicketStatus;

  @Field(() => Int, { description: '0 (not escalated) to 3' })
  escalationLevel: number;

  @Field(() => Date, {
    nullable: true,
    description: 'The resolution time promised to the customer at intake',
  })
  promisedResolutionAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'First response' })
  acknowledgedAt: Date | null;

  @Field(() => Date, {
    description: 'When it was last resolved (DateTime, UTC); null while not resolved',
    nullable: true,
  })
  resolvedAt: Date | null;

  @Field(() => Date, {
    description: 'When it was closed (DateTime, UTC); null unless CLOSED',
    nullable: true,
  })
  closedAt: Date | null;

  @Field(() => TicketCloseReasonEnum, {
    description: 'Why it was closed; null unless CLOSED',
    nullable: true,
  })
  closeReason: CloseReason | null;

  @Field(() => String, {
    description: 'The resolution fed back to the customer; null until resolved (cleared on reopening)',
    nullable: true,
  })
  resolutionSummary: string | null;

  @Field(() => Int, { description: 'How often it was reopened' })
  reopenCount: number;

  @Field({ description: 'When it was opened (DateTime, UTC); the SLA clocks start here' })
  createdAt: Date;

  @Field({ description: 'When it last changed (DateTime, UTC)' })
  updatedAt: Date;

  @Field(() => Int, { description: 'Send it back as expectedVersion with the next change' })
  version: number;
}

export const TicketConnection = Connection(TicketType, 'Ticket');

@ObjectType('TicketContact', { description: 'How to reach the customer about this ticket (personal data)' })
export class TicketContactType {
  @Field(() => String, {
    description: 'Name (personal data; masked for TECHNICIAN, ANALYST and HR); null when none',
    nullable: true,
  })
  name: string | null;

  @Field(() => String, {
    description: 'Phone (personal data; masked for TECHNICIAN, ANALYST and HR); null when none',
    nullable: true,
  })
  phone: string | null;

  @Field(() => String, {
    description: 'E-mail (personal data; masked for TECHNICIAN, ANALYST and HR); null when none',
    nullable: true,
  })
  email: string | null;
}

@ObjectType('TicketSla', { description: 'Deadlines of the SLA policy of the ticket’s priority' })
export class TicketSlaType {
  @Field({ description: 'First response due' })
  responseDueAt: Date;

  @Field({ description: 'Resolution due; while paused, the deadline if the clock resumed now' })
  resolutionDueAt: Date;

  @Field({
    description:
      'The resolution clock stands still: PENDING_CUSTOMER, RESOLVED or CLOSED, or held by an incident (slaHold)',
  })
  paused: boolean;

  @Field(() => Int, { description: 'Seconds the resolution clock has been paused so far' })
  pausedSeconds: number;

  @Field(() => Date, {
    description: 'When the response deadline passed unacknowledged (DateTime, UTC); null if not breached',
    nullable: true,
  })
  responseBreachedAt: Date | null;

  @Field(() => Date, {
    description: 'When the resolution deadline passed unresolved (DateTime, UTC); null if not breached',
    nullable: true,
  })
  resolutionBreachedAt: Date | null;

  @Field({ description: 'A deadline was breached' })
  breached: boolean;
}

@ObjectType('TicketProgress', { description: 'A progress update (PUBLIC) or internal note (INTERNAL)' })
export class TicketProgressType {
  @Field(() => ID, { description: 'The update’s id' })
  id: string;

  @Field(() => TicketProgressVisibilityEnum, { description: 'PUBLIC or INTERNAL' })
  visibility: ProgressVisibility;

  @Field({ description: 'The text (plain text; escape it)' })
  body: string;

  @Field(() => String, { nullable: true, description: 'User id of the author' })
  authorId: string | null;

  @Field({ description: 'Role of the author, e.g. AGENT or CUSTOMER' })
  authorRole: string;

  @Field({ description: 'When it was added (DateTime, UTC)' })
  createdAt: Date;
}

@ObjectType('TicketHistoryEntry', { description: 'One change of the ticket in its audit trail' })
export class TicketHistoryEntryType {
  @Field(() => Int, { description: 'The ticket version after the change' })
  ticketVersion: number;

  @Field(() => TicketHistoryActionEnum, { description: 'What the change did' })
  action: HistoryAction;

  @Field(() => TicketStatusEnum, { description: 'Status before; null for OPEN', nullable: true })
  fromStatus: TicketStatus | null;

  @Field(() => TicketStatusEnum, {
    description: 'Status after (the same as before for a change that keeps it)',
  })
  toStatus: TicketStatus;

  @Field(() => String, { nullable: true, description: 'null for the system' })
  actorId: string | null;

  @Field({ description: 'The role the actor acted in, e.g. AGENT or system' })
  actorRole: string;

  @Field({ description: 'When (DateTime, UTC)' })
  occurredAt: Date;

  @Field(() => GraphQLJSONObject, {
    description: 'The change’s details (fields before and after, reasons); its keys depend on action',
  })
  details: JsonObject;
}

@ObjectType('TicketPlanStep', { description: 'A step of the execution plan' })
export class TicketPlanStepType {
  @Field(() => ID, { description: 'The step’s id' })
  id: string;

  @Field(() => Int, { description: 'Its place in the plan, from 1' })
  position: number;

  @Field({ description: 'What to do' })
  title: string;

  @Field(() => EmployeeReference, { description: 'The employee who owns it; null for none', nullable: true })
  owner: EmployeeReference | null;

  @Field(() => Date, { description: 'When it is due (DateTime, UTC); null for no due time', nullable: true })
  dueAt: Date | null;

  @Field(() => Date, { description: 'When it was done (DateTime, UTC); null while open', nullable: true })
  doneAt: Date | null;
}

@ObjectType('TicketSurvey', { description: 'The customer’s satisfaction survey, scores 1–5' })
export class TicketSurveyType {
  @Field(() => ID, { description: 'The survey’s id' })
  id: string;

  @Field(() => Int, { description: 'Overall satisfaction, 1–5' })
  overall: number;

  @Field(() => Int, { description: 'Quality, 1–5' })
  quality: number;

  @Field(() => Int, { description: 'Efficiency, 1–5' })
  efficiency: number;

  @Field(() => Int, { description: 'Communication, 1–5' })
  communication: number;

  @Field(() => String, { description: 'The customer’s comment; null when none', nullable: true })
  comment: string | null;

  @Field({ description: 'When it was submitted (DateTime, UTC)' })
  submittedAt: Date;
}

@ObjectType('ComplaintFollowUp', { description: 'The follow-up visit (回訪) to the complainant' })
export class ComplaintFollowUpType {
  @Field({ description: 'When the follow-up visit took place (DateTime, UTC)' })
  at: Date;

  @Field({ description: 'What the complainant said' })
  result: string;

  @Field({ description: 'Whether the complainant was satisfied with the handling' })
  satisfied: boolean;
}

@ObjectType('ComplaintHandling', { description: 'Investigation and follow-up of a COMPLAINT ticket' })
export class ComplaintHandlingType {
  @Field({ description: 'What the investigation found' })
  findings: string;

  @Field({ description: 'The root cause; recurring causes raise ticket.complaint_cause_recurring' })
  rootCause: string;

  @Field(() => DepartmentReference, {
    nullable: true,
    description: 'Always set; null only when the HR subgraph cannot answer',
  })
  responsibleDepartment: DepartmentReference;

  @Field(() => EmployeeReference, {
    description: 'The employee held responsible; null when none was named',
    nullable: true,
  })
  responsibleEmployee: EmployeeReference | null;

  @Field({ description: 'The corrective action decided at investigation' })
  correctiveAction: string;

  @Field({ description: 'When that action must be done (DateTime, UTC)' })
  correctiveActionDueAt: Date;

  @Field(() => String, { description: 'What the complainant was told; null until given', nullable: true })
  feedbackToComplainant: string | null;

  @Field({ description: 'When the investigation was recorded (DateTime, UTC)' })
  investigatedAt: Date;

  @Field(() => ComplaintFollowUpType, {
    description: 'The follow-up visit (回訪); null until recorded',
    nullable: true,
  })
  followUp: ComplaintFollowUpType | null;
}

@ObjectType('SuggestionReview', { description: 'The review of a SUGGESTION ticket' })
export class SuggestionReviewType {
  @Field(() => SuggestionDecisionEnum, { description: 'ACCEPTED or REJECTED' })
  decision: SuggestionDecision;

  @Field({ description: 'Why' })
  reason: string;

  @Field({ description: 'When it was reviewed (DateTime, UTC)' })
  reviewedAt: Date;
}
