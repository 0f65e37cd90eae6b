// What is recorded around a ticket (domain types; the repository maps the tables to these).
import { TICKET_ACTIONS } from './ticket.access';
import type { TicketStatus } from './ticket.lifecycle';

export const PROGRESS_VISIBILITIES = ['PUBLIC', 'INTERNAL'] as const;
export type ProgressVisibility = (typeof PROGRESS_VISIBILITIES)[number];

export const SUGGESTION_DECISIONS = ['ACCEPTED', 'REJECTED'] as const;
export type SuggestionDecision = (typeof SUGGESTION_DECISIONS)[number];

/** The audit trail's actions: the caller-facing actions plus what the system does on its own. */
export const HISTORY_ACTIONS = [
  ...TICKET_ACTIONS,
  'SLA_BREACHED',
  'AUTO_CLOSE',
  'CORRECTIVE_ACTION_OVERDUE',
  'PLAN_STEP_OVERDUE',
  'INCIDENT_HOLD',
  'INCIDENT_RELEASE',
  'LINK_SOLUTION',
  'UNLINK',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface HistoryEntry {
  readonly id: string;
  readonly ticketId: string;
  /** The ticket's version after the change. */
  readonly ticketVersion: number;
  readonly action: HistoryAction;
  readonly fromStatus: TicketStatus | null;
  readonly toStatus: TicketStatus;
  readonly actorId: string | null;
  readonly actorRole: string;
  readonly occurredAt: Date;
  readonly details: JsonObject;
}

export interface ProgressUpdate {
  readonly id: string;
  readonly ticketId: string;
  readonly visibility: ProgressVisibility;
  readonly body: string;
  readonly authorId: string | null;
  readonly authorRole: string;
  readonly createdAt: Date;
}

export interface PlanStep {
  readonly id: string;
  readonly ticketId: string;
  readonly position: number;
  readonly title: string;
  readonly ownerId: string | null;
  readonly dueAt: Date | null;
  readonly doneAt: Date | null;
  readonly doneBy: string | null;
  readonly createdAt: Date;
}

export interface Survey {
  readonly id: string;
  readonly ticketId: string;
  readonly overall: number;
  readonly quality: number;
  readonly efficiency: number;
  readonly communication: number;
  readonly comment: string | null;
  readonly submittedAt: Date;
  readonly submittedBy: string | null;
}

export interface ComplaintDetails {
  readonly ticketId: string;
  readonly findings: string;
  readonly rootCause: string;
  readonly responsibleDepartmentId: string;
  readonly responsibleEmployeeId: string | null;
  readonly correctiveAction: string;
  readonly correctiveActionDueAt: Date;
  readonly feedbackToComplainant: string | null;
  readonly investigatedAt: Date;
  readonly investigatedBy: string | null;
  readonly followUpAt: Date | null;
  readonly followUpResult: string | null;
  readonly followUpSatisfied: boolean | null;
  readonly followUpRecordedBy: string | null;
}

export interface SuggestionReview {
  readonly ticketId: string;
  readonly decision: SuggestionDecision;
  readonly reason: string;
  readonly reviewedAt: Date;
  readonly reviewedBy: string | null;
}
