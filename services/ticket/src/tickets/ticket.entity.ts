// TypeORM mappings of the ticket aggregate's tables (created by migrations, never synchronized). They never leave
// ticket.repository.ts, which maps them to and from the domain types.
import type { RoutingDecision } from '../routing/routing.rules';
import type { SlaCalendarSnapshot } from '../sla-calendars/sla-calendar.rules';
import { AggregateRow, TimestampColumn } from '@opsgraph/persistence';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('tickets')
export class TicketEntity extends AggregateRow {
  @Column('text')
  number: string;

  @Column('text')
  kind: string;

  @Column('text', { nullable: true })
  category: string | null;

  @Column('text')
  channel: string;

  @Column('text')
  subject: string;

  @Column('text')
  description: string;

  @Column('uuid', { name: 'customer_id' })
  customerId: string;

  @Column('text', { name: 'contact_name', nullable: true })
  contactName: string | null;

  @Column('text', { name: 'contact_phone', nullable: true })
  contactPhone: string | null;

  @Column('text', { name: 'contact_email', nullable: true })
  contactEmail: string | null;

  @Column('text')
  urgency: string;

  @Column('text')
  impact: string;

  @Column('text')
  priority: string;

  @Column('text')
  status: string;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId: string | null;

  @Column('uuid', { name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  @Column('uuid', { name: 'collaborating_department_ids', array: true })
  collaboratingDepartmentIds: string[];

  @Column('smallint', { name: 'escalation_level' })
  escalationLevel: number;

  @Column('uuid', { name: 'asset_id', nullable: true })
  assetId: string | null;

  @Column('uuid', { name: 'incident_id', nullable: true })
  incidentId: string | null;

  @TimestampColumn('promised_resolution_at', { nullable: true })
  promisedResolutionAt: Date | null;

  @TimestampColumn('acknowledged_at', { nullable: true })
  acknowledgedAt: Date | null;

  @TimestampColumn('resolved_at', { nullable: true })
  resolvedAt: Date | null;

  @TimestampColumn('closed_at', { nullable: true })
  closedAt: Date | null;

  @Column('text', { name: 'close_reason', nullable: true })
  closeReason: string | null;

  @Column('uuid', { name: 'merged_into_id', nullable: true })
  mergedIntoId: string | null;

  @Column('text', { name: 'resolution_summary', nullable: true })
  resolutionSummary: string | null;

  @Column('int', { name: 'reopen_count' })
  reopenCount: number;

  @TimestampColumn('sla_started_at')
  slaStartedAt: Date;

  @TimestampColumn('response_due_at')
  responseDueAt: Date;

  @TimestampColumn('resolution_due_at')
  resolutionDueAt: Date;

  @TimestampColumn('sla_paused_since', { nullable: true })
  slaPausedSince: Date | null;

  @Column('double precision', { name: 'sla_paused_seconds' })
  slaPausedSeconds: number;

  @Column('text', { name: 'sla_pause_reasons', array: true })
  slaPauseReasons: string[];

  @Column('jsonb', { name: 'sla_calendar', nullable: true })
  slaCalendar: SlaCalendarSnapshot | null;

  @Column('jsonb', { name: 'routing', nullable: true })
  routing: RoutingDecision | null;

  @TimestampColumn('response_breached_at', { nullable: true })
  responseBreachedAt: Date | null;

  @TimestampColumn('resolution_breached_at', { nullable: true })
  resolutionBreachedAt: Date | null;

  /** Set by historical imports (see migration AddTicketImportHold); not part of the domain ticket. */
  @TimestampColumn('import_hold_until', { nullable: true })
  importHoldUntil?: Date | null;
}

@Entity('ticket_progress')
export class TicketProgressEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'ticket_id' })
  ticketId: string;

  @Column('text')
  visibility: string;

  @Column('text')
  body: string;

  @Column('text', { name: 'author_id', nullable: true })
  authorId: string | null;

  @Column('text', { name: 'author_role' })
  authorRole: string;

  @TimestampColumn('created_at')
  createdAt: Date;
}

@Entity('ticket_plan_steps')
export class TicketPlanStepEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'ticket_id' })
  ticketId: string;

  @Column('int')
  position: number;

  @Column('text')
  title: string;

  @Column('uuid', { name: 'owner_id', nullable: true })
  ownerId: string | null;

  @TimestampColumn('due_at', { nullable: true })
  dueAt: Date | null;

  @TimestampColumn('done_at', { nullable: true })
  doneAt: Date | null;

  @Column('text', { name: 'done_by', nullable: true })
  doneBy: string | null;

  @TimestampColumn('created_at')
  createdAt: Date;
}

@Entity('ticket_surveys')
export class TicketSurveyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'ticket_id' })
  ticketId: string;

  @Column('smallint')
  overall: number;

  @Column('smallint')
  quality: number;

  @Column('smallint')
  efficiency: number;

  @Column('smallint')
  communication: number;

  @Column('text', { nullable: true })
  comment: string | null;

  @TimestampColumn('submitted_at')
  submittedAt: Date;

  @Column('text', { name: 'submitted_by', nullable: true })
  submittedBy: string | null;
}

@Entity('complaint_details')
export class ComplaintDetailsEntity {
  @PrimaryColumn('uuid', { name: 'ticket_id' })
  ticketId: string;

  @Column('text')
  findings: string;

  @Column('text', { name: 'root_cause' })
  rootCause: string;

  @Column('uuid', { name: 'responsible_department_id' })
  responsibleDepartmentId: string;

  @Column('uuid', { name: 'responsible_employee_id', nullable: true })
  responsibleEmployeeId: string | null;

  @Column('text', { name: 'corrective_action' })
  correctiveAction: string;

  @TimestampColumn('corrective_action_due_at')
  correctiveActionDueAt: Date;

  @Column('text', { name: 'feedback_to_complainant', nullable: true })
  feedbackToComplainant: string | null;

  @TimestampColumn('investigated_at')
  investigatedAt: Date;

  @Column('text', { name: 'investigated_by', nullable: true })
  investigatedBy: string | null;

  @TimestampColumn('follow_up_at', { nullable: true })
  followUpAt: Date | null;

  @Column('text', { name: 'follow_up_result', nullable: true })
  followUpResult: string | null;

  @Column('boolean', { name: 'follow_up_satisfied', nullable: true })
  followUpSatisfied: boolean | null;

  @Column('text', { name: 'follow_up_recorded_by', nullable: true })
  followUpRecordedBy: string | null;
}

@Entity('suggestion_reviews')
export class SuggestionReviewEntity {
  @PrimaryColumn('uuid', { name: 'ticket_id' })
  ticketId: string;

  @Column('text')
  decision: string;

  @Column('text')
  reason: string;

  @TimestampColumn('reviewed_at')
  reviewedAt: Date;

  @Column('text', { name: 'reviewed_by', nullable: true })
  reviewedBy: string | null;
}

export const ticketEntities = [
  TicketEntity,
  TicketProgressEntity,
  TicketPlanStepEntity,
  TicketSurveyEntity,
  ComplaintDetailsEntity,
  SuggestionReviewEntity,
];
