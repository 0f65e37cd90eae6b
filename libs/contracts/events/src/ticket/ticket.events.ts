import { Type, type Static } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { DateTime, Nullable, StringEnum, Text, Uuid } from '../schema';

export const TICKET_KINDS = [
  'SERVICE_REQUEST',
  'FAULT',
  'CONSULTATION',
  'COMPLAINT',
  'SUGGESTION',
  // 表揚: a customer's praise, credited to employees (ticket.praise_credited).
  'PRAISE',
] as const;
export const FAULT_CATEGORIES = ['SYSTEM_FAULT', 'FUNCTION_ANOMALY', 'DATA_ISSUE', 'OTHER'] as const;
export const TICKET_CHANNELS = [
  'PHONE',
  'EMAIL',
  'WEB',
  'APP',
  'ONLINE_CHAT',
  'SOCIAL_MEDIA',
  'HOTLINE',
  'WALK_IN',
] as const;
/**
 * What each channel means, for every GraphQL enum built from TICKET_CHANNELS (the ticket and customer subgraphs
 * both expose `TicketChannel`; composition needs their descriptions to agree).
 */
export const TICKET_CHANNEL_DESCRIPTIONS: { readonly [C in (typeof TICKET_CHANNELS)[number]]: string } = {
  PHONE: 'A phone call to the service desk',
  EMAIL: 'An e-mail to the service desk',
  WEB: 'The web form or customer portal',
  APP: 'The mobile app',
  ONLINE_CHAT: 'The online chat with an agent',
  SOCIAL_MEDIA: 'A message on a social-media account of the company',
  HOTLINE: 'The service hotline (also used for tickets the incident fan-out opens)',
  WALK_IN: 'In person at a service counter',
};
export const TICKET_PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const TICKET_STATUSES = [
  'NEW',
  'ACKNOWLEDGED',
  'ASSIGNED',
  'IN_PROGRESS',
  'PENDING_CUSTOMER',
  'RESOLVED',
  'CLOSED',
  'REOPENED',
] as const;
export const PROGRESS_VISIBILITIES = ['PUBLIC', 'INTERNAL'] as const;
export const TICKET_CLOSED_BY = ['CUSTOMER_CONFIRMED', 'AUTO_CLOSED', 'AGENT'] as const;
export const SLA_DEADLINES = ['RESPONSE', 'RESOLUTION'] as const;
export const SUGGESTION_DECISIONS = ['ACCEPTED', 'REJECTED'] as const;

export type TicketKind = (typeof TICKET_KINDS)[number];
export type FaultCategory = (typeof FAULT_CATEGORIES)[number];
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type TicketStatus = (typeof TICKET_STATUSES)[number];

const Status = StringEnum(TICKET_STATUSES);
const Score = Type.Integer({ minimum: 1, maximum: 5 });
const Seconds = Type.Integer({ minimum: 0 });

/**
 * State of the ticket after the event, carried by every ticket event so that consumers
 * (customer service history, HR KPI, KPI service) never call the ticket service back.
 * No customer personal data: the customer is referenced by id only.
 */
export const ticketSnapshotProperties = {
  ticketId: Uuid(),
  number: Type.String({ pattern: '^TCK-[0-9]{6,}$', examples: ['TCK-000123'] }),
  kind: StringEnum(TICKET_KINDS),
  category: Nullable(StringEnum(FAULT_CATEGORIES), { description: 'Set for FAULT tickets only.' }),
  channel: StringEnum(TICKET_CHANNELS),
  priority: StringEnum(TICKET_PRIORITIES),
  status: Status,
  customerId: Uuid(),
  assigneeId: Nullable(Uuid()),
  departmentId: Nullable(Uuid({ description: 'Lead department.' })),
  openedAt: DateTime(),
  acknowledgedAt: Nullable(DateTime()),
  resolvedAt: Nullable(DateTime()),
  closedAt: Nullable(DateTime()),
  responseDueAt: Nullable(DateTime()),
  resolutionDueAt: Nullable(DateTime()),
  escalationLevel: Type.Integer({ minimum: 0 }),
};

export const TicketSnapshotSchema = Type.Object(ticketSnapshotProperties, { additionalProperties: false });

const ticketEvent = snapshotEvents('ticket', ticketSnapshotProperties);

export const TicketOpened = ticketEvent('ticket.opened', 'A ticket was taken in from any channel.', {
  assetId: Nullable(Uuid({ description: 'The asset concerned, if any.' })),
  incidentId: Nullable(Uuid({ description: 'The incident the ticket belongs to, if any.' })),
});

export const TicketAcknowledged = ticketEvent(
  'ticket.acknowledged',
  'First response given; the response-time clock stops.',
  {
    firstResponseSeconds: Type.Integer({ minimum: 0, description: 'Business-clock seconds since opening.' }),
  },
);

export const TicketAssigned = ticketEvent(
  'ticket.assigned',
  'Lead department and assignee set (the snapshot holds the new ones), with optional collaborating departments.',
  {
    previousAssigneeId: Nullable(Uuid()),
    previousDepartmentId: Nullable(Uuid()),
    collaboratingDepartmentIds: Type.Array(Uuid(), { uniqueItems: true }),
  },
);

export const TicketTransferred = ticketEvent(
  'ticket.transferred',
  'The ticket moved to another department (and possibly assignee), e.g. beyond the handler’s authority.',
  {
    fromDepartmentId: Nullable(Uuid()),
    toDepartmentId: Uuid(),
    fromAssigneeId: Nullable(Uuid()),
    toAssigneeId: Nullable(Uuid()),
    reason: Text(),
  },
);

export const TicketEscalated = ticketEvent(
  'ticket.escalated',
  'The ticket was escalated to a higher level.',
  {
    fromLevel: Type.Integer({ minimum: 0 }),
    toLevel: Type.Integer({ minimum: 1 }),
    reason: Text(),
  },
);

export const TicketProgressAdded = ticketEvent(
  'ticket.progress_added',
  'A progress update (PUBLIC, visible to the customer) or internal note (INTERNAL) was added. ' +
    'The body is operator-written text; it must not carry customer personal data.',
  {
    progressId: Uuid(),
    visibility: StringEnum(PROGRESS_VISIBILITIES),
    body: Text(),
  },
);

export const TicketStatusChanged = ticketEvent(
  'ticket.status_changed',
  'A status transition that has no dedicated event (e.g. IN_PROGRESS ⇄ PENDING_CUSTOMER, which pauses the SLA ' +
    'clock). Transitions with their own event (acknowledged, assigned, resolved, reopened, closed) do not emit this.',
  { from: Status, to: Status, reason: Nullable(Text()) },
);

export const TicketResolved = ticketEvent(
  'ticket.resolved',
  'A resolution was given and fed back to the customer.',
  {
    resolutionSummary: Text(),
    firstResponseSeconds: Nullable(Seconds),
    resolutionSeconds: Type.Integer({
      minimum: 0,
      description: 'Business-clock seconds from opening to resolution, excluding PENDING_CUSTOMER pauses.',
    }),
    withinSla: Nullable(Type.Boolean(), { description: 'null when no SLA policy applied.' }),
  },
);

export const TicketReopened = ticketEvent('ticket.reopened', 'A resolved or closed ticket was reopened.', {
  previousStatus: StringEnum(['RESOLVED', 'CLOSED'] as const),
  reason: Text(),
});

export const TicketClosed = ticketEvent('ticket.closed', 'The ticket was closed.', {
  closedBy: StringEnum(TICKET_CLOSED_BY),
});

export const TicketSurveySubmitted = ticketEvent(
  'ticket.survey_submitted',
  'The customer’s satisfaction survey (one per ticket), scores 1–5.',
  {
    surveyId: Uuid(),
    overall: Score,
    quality: Score,
    efficiency: Score,
    communication: Score,
    comment: Nullable(Text()),
    submittedAt: DateTime(),
  },
);

export const TicketSlaBreached = ticketEvent(
  'ticket.sla_breached',
  'A response or resolution deadline passed; emitted the moment it passes.',
  { deadline: StringEnum(SLA_DEADLINES), dueAt: DateTime(), breachedAt: DateTime() },
);

export const TicketComplaintInvestigated = ticketEvent(
  'ticket.complaint_investigated',
  'Investigation of a COMPLAINT ticket recorded: findings, root cause, responsibility and corrective action.',
  {
    findings: Text(),
    rootCause: Text(),
    responsibleDepartmentId: Uuid(),
    responsibleEmployeeId: Nullable(Uuid()),
    correctiveAction: Text(),
    correctiveActionDueAt: DateTime(),
  },
);

export const TicketComplaintFollowUpRecorded = ticketEvent(
  'ticket.complaint_follow_up_recorded',
  'The follow-up visit (回訪) to a complainant and its result.',
  { followUpAt: DateTime(), result: Text(), satisfied: Type.Boolean() },
);

export const TicketSuggestionReviewed = ticketEvent(
  'ticket.suggestion_reviewed',
  'A SUGGESTION ticket was reviewed and accepted or rejected.',
  { decision: StringEnum(SUGGESTION_DECISIONS), reason: Text() },
);

const PlanStep = Type.Object(
  {
    stepId: Uuid(),
    position: Type.Integer({ minimum: 1 }),
    title: Text(),
    ownerId: Nullable(Uuid()),
    dueAt: Nullable(DateTime()),
  },
  { additionalProperties: false },
);

export const TicketPlanUpdated = ticketEvent(
  'ticket.plan_updated',
  'The execution plan (000 §二(三)1) was set: the open steps, in order; steps already done are kept and not repeated.',
  { openSteps: Type.Array(PlanStep), doneStepCount: Type.Integer({ minimum: 0 }) },
);

export const TicketPlanStepCompleted = ticketEvent(
  'ticket.plan_step_completed',
  'One step of the execution plan was done.',
  {
    stepId: Uuid(),
    position: Type.Integer({ minimum: 1 }),
    completedBy: Nullable(Type.String({ minLength: 1 })),
  },
);

export const TicketMerged = ticketEvent(
  'ticket.merged',
  'A duplicate was merged into another open ticket of the same customer (the survivor): the snapshot shows it CLOSED; ' +
    'its notes and links moved to the survivor, and it no longer counts as a ticket of its own (count the survivor).',
  {
    survivorTicketId: Uuid({ description: 'The ticket it was merged into.' }),
    survivorNumber: Type.String({ pattern: '^TCK-[0-9]{6,}$' }),
  },
);

/** What the other ticket of a link is to this one. */
export const TICKET_LINK_ROLES = ['PARENT', 'CHILD', 'RELATED'] as const;

const link = {
  role: StringEnum(TICKET_LINK_ROLES, {
    description: 'What the other ticket is to this one: its PARENT, its CHILD, or RELATED (shown on both).',
  }),
  otherTicketId: Uuid({ description: 'The other ticket of the link.' }),
  otherNumber: Type.String({ pattern: '^TCK-[0-9]{6,}$' }),
};

export const TicketLinked = ticketEvent(
  'ticket.linked',
  'Staff linked the ticket to another one (the link is in this ticket’s audit trail; the other ticket is unchanged).',
  link,
);

export const TicketUnlinked = ticketEvent(
  'ticket.unlinked',
  'Staff removed a link between the ticket and another one (in this ticket’s audit trail; the other is unchanged).',
  link,
);

export const ticketEventDefinitions = [
  TicketOpened,
  TicketAcknowledged,
  TicketAssigned,
  TicketTransferred,
  TicketEscalated,
  TicketProgressAdded,
  TicketStatusChanged,
  TicketResolved,
  TicketReopened,
  TicketClosed,
  TicketSurveySubmitted,
  TicketSlaBreached,
  TicketComplaintInvestigated,
  TicketComplaintFollowUpRecorded,
  TicketSuggestionReviewed,
  TicketPlanUpdated,
  TicketPlanStepCompleted,
  TicketMerged,
  TicketLinked,
  TicketUnlinked,
] as const;

export type TicketEvent = EventOf<(typeof ticketEventDefinitions)[number]>;
export type TicketEventType = TicketEvent['type'];
export type TicketSnapshot = Static<typeof TicketSnapshotSchema>;
