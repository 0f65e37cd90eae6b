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
  @Field(() => ID)
  id: string;

  @Field({ description: 'Human-readable number, e.g. TCK-000123' })
  number: string;

  @Field(() => TicketKindEnum)
  kind: TicketKind;

  @Field(() => TicketCategoryEnum, { nullable: true, description: 'Set for FAULT tickets only' })
  category: FaultCategory | null;

  @Field(() => TicketChannelEnum)
  channel: TicketChannel;

  @Field()
  subject: string;

  @Field()
  description: string;

  @Field(() => TicketSeverityEnum)
  urgency: Urgency;

  @Field(() => TicketSeverityEnum)
  impact: Impact;

  @Field(() => TicketPriorityEnum, { description: 'From urgency × impact' })
  priority: Priority;

  @Field(() => TicketStatusEnum)
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

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => TicketCloseReasonEnum, { nullable: true })
  closeReason: CloseReason | null;

  @Field(() => String, { nullable: true })
  resolutionSummary: string | null;

  @Field(() => Int)
  reopenCount: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Int, { description: 'Send it back as expectedVersion with the next change' })
  version: number;
}

export const TicketConnection = Connection(TicketType, 'Ticket');

@ObjectType('TicketContact', { description: 'How to reach the customer about this ticket (personal data)' })
export class TicketContactType {
  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;
}

@ObjectType('TicketSla', { description: 'Deadlines of the SLA policy of the ticket’s priority' })
export class TicketSlaType {
  @Field({ description: 'First response due' })
  responseDueAt: Date;

  @Field({ description: 'Resolution due; while paused, the deadline if the clock resumed now' })
  resolutionDueAt: Date;

  @Field({ description: 'The resolution clock stands still (PENDING_CUSTOMER, RESOLVED, CLOSED)' })
  paused: boolean;

  @Field(() => Int, { description: 'Seconds the resolution clock has been paused so far' })
  pausedSeconds: number;

  @Field(() => Date, { nullable: true })
  responseBreachedAt: Date | null;

  @Field(() => Date, { nullable: true })
  resolutionBreachedAt: Date | null;

  @Field({ description: 'A deadline was breached' })
  breached: boolean;
}

@ObjectType('TicketProgress', { description: 'A progress update (PUBLIC) or internal note (INTERNAL)' })
export class TicketProgressType {
  @Field(() => ID)
  id: string;

  @Field(() => TicketProgressVisibilityEnum)
  visibility: ProgressVisibility;

  @Field()
  body: string;

  @Field(() => String, { nullable: true, description: 'User id of the author' })
  authorId: string | null;

  @Field({ description: 'Role of the author, e.g. AGENT or CUSTOMER' })
  authorRole: string;

  @Field()
  createdAt: Date;
}

@ObjectType('TicketHistoryEntry', { description: 'One change of the ticket in its audit trail' })
export class TicketHistoryEntryType {
  @Field(() => Int, { description: 'The ticket version after the change' })
  ticketVersion: number;

  @Field(() => TicketHistoryActionEnum)
  action: HistoryAction;

  @Field(() => TicketStatusEnum, { nullable: true })
  fromStatus: TicketStatus | null;

  @Field(() => TicketStatusEnum)
  toStatus: TicketStatus;

  @Field(() => String, { nullable: true, description: 'null for the system' })
  actorId: string | null;

  @Field()
  actorRole: string;

  @Field()
  occurredAt: Date;

  @Field(() => GraphQLJSONObject)
  details: JsonObject;
}

@ObjectType('TicketPlanStep', { description: 'A step of the execution plan' })
export class TicketPlanStepType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  position: number;

  @Field()
  title: string;

  @Field(() => EmployeeReference, { nullable: true })
  owner: EmployeeReference | null;

  @Field(() => Date, { nullable: true })
  dueAt: Date | null;

  @Field(() => Date, { nullable: true })
  doneAt: Date | null;
}

@ObjectType('TicketSurvey', { description: 'The customer’s satisfaction survey, scores 1–5' })
export class TicketSurveyType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  overall: number;

  @Field(() => Int)
  quality: number;

  @Field(() => Int)
  efficiency: number;

  @Field(() => Int)
  communication: number;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field()
  submittedAt: Date;
}

@ObjectType('ComplaintFollowUp', { description: 'The follow-up visit (回訪) to the complainant' })
export class ComplaintFollowUpType {
  @Field()
  at: Date;

  @Field()
  result: string;

  @Field()
  satisfied: boolean;
}

@ObjectType('ComplaintHandling', { description: 'Investigation and follow-up of a COMPLAINT ticket' })
export class ComplaintHandlingType {
  @Field()
  findings: string;

  @Field()
  rootCause: string;

  @Field(() => DepartmentReference, {
    nullable: true,
    description: 'Always set; null only when the HR subgraph cannot answer',
  })
  responsibleDepartment: DepartmentReference;

  @Field(() => EmployeeReference, { nullable: true })
  responsibleEmployee: EmployeeReference | null;

  @Field()
  correctiveAction: string;

  @Field()
  correctiveActionDueAt: Date;

  @Field(() => String, { nullable: true })
  feedbackToComplainant: string | null;

  @Field()
  investigatedAt: Date;

  @Field(() => ComplaintFollowUpType, { nullable: true })
  followUp: ComplaintFollowUpType | null;
}

@ObjectType('SuggestionReview', { description: 'The review of a SUGGESTION ticket' })
export class SuggestionReviewType {
  @Field(() => SuggestionDecisionEnum)
  decision: SuggestionDecision;

  @Field()
  reason: string;

  @Field()
  reviewedAt: Date;
}
