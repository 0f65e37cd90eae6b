// One row per ticket: what the KPI engine needs to know about it, folded from the ticket's events. Pure.
//
// Order-independent (docs/product.md §KPI): events may arrive shuffled, duplicated or replayed, so every part of
// the fact keeps the value of the highest aggregateVersion that carried it, and reopenings are a set of versions.
// The end state depends only on the set of events seen.
import type { TicketEvent } from '@opsgraph/contracts-events';

export interface TicketFact {
  ticketId: string;
  kind: string;
  category: string | null;
  channel: string;
  /** Absent on facts folded before the customer-tier dimension existed (a replay fills it). */
  customerId?: string;
  /**
   * The customer's tier the fact's cells were built with: set by the projection from the customer topic (never by
   * a ticket event), so that a tier change moves exactly what was added. Absent or null: unknown yet.
   */
  customerTier?: string | null;
  assigneeId: string | null;
  departmentId: string | null;
  openedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  status: string;
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  snapshotVersion: number;
  firstResponseSeconds: number | null;
  responseVersion: number;
  resolutionSeconds: number | null;
  withinSla: boolean | null;
  resolutionVersion: number;
  satisfaction: number | null;
  surveyVersion: number;
  /** Versions of the ticket.reopened events seen (sorted, unique). */
  reopenVersions: number[];
  /** Set by ticket.merged (never unset): a duplicate counts in no figure, its survivor does (absent in older facts). */
  mergedIntoId?: string | null;
  /**
   * Whom a complaint's investigation held responsible (ticket.complaint_investigated; the newest investigation
   * wins). Absent in facts folded before complaint blame was kept (a replay fills them).
   */
  complaintEmployeeId?: string | null;
  complaintDepartmentId?: string | null;
  complaintVersion?: number;
  /** The latest occurredAt of the ticket's events seen (absent in older facts; a replay fills it). */
  lastEventAt?: string;
}

type PartVersion = 'snapshotVersion' | 'responseVersion' | 'resolutionVersion' | 'surveyVersion' | 'complaintVersion';

/** The fact after `event`; returns `fact` itself (same reference) when the event changes nothing. */
export function applyTicketEvent(fact: TicketFact | null, event: TicketEvent): TicketFact {
  const version = event.aggregateVersion;
  const data = event.data;
  let next: TicketFact =
    fact ??
    ({
      ticketId: event.aggregateId,
      snapshotVersion: 0,
      firstResponseSeconds: null,
      responseVersion: 0,
      resolutionSeconds: null,
      withinSla: null,
      resolutionVersion: 0,
      satisfaction: null,
      surveyVersion: 0,
      reopenVersions: [],
      lastEventAt: event.occurredAt,
    } as unknown as TicketFact);
  // Every change below builds a new object, so `next` is `fact` itself exactly when the event changed nothing.
  // Facts folded before complaint blame was kept have no complaintVersion: any investigation is newer.
  const versionOf = (part: PartVersion): number =>
    part === 'complaintVersion' ? (next.complaintVersion ?? 0) : (next[part] as number);
  const keepNewer = (part: PartVersion, values: Partial<TicketFact>) => {
    if (version > versionOf(part)) next = { ...next, ...values, [part]: version };
  };

  keepNewer('snapshotVersion', {
    kind: data.kind,
    category: data.category,
    channel: data.channel,
    customerId: data.customerId,
    assigneeId: data.assigneeId,
    departmentId: data.departmentId,
    openedAt: data.openedAt,
    acknowledgedAt: data.acknowledgedAt,
    resolvedAt: data.resolvedAt,
    status: data.status,
    responseDueAt: data.responseDueAt,
    resolutionDueAt: data.resolutionDueAt,
  });
  switch (event.type) {
    case 'ticket.acknowledged':
      keepNewer('responseVersion', { firstResponseSeconds: event.data.firstResponseSeconds });
      break;
    case 'ticket.resolved':
      if (event.data.firstResponseSeconds !== null) {
        keepNewer('responseVersion', { firstResponseSeconds: event.data.firstResponseSeconds });
      }
      keepNewer('resolutionVersion', {
        resolutionSeconds: event.data.resolutionSeconds,
        withinSla: event.data.withinSla,
      });
      break;
    case 'ticket.survey_submitted':
      keepNewer('surveyVersion', { satisfaction: event.data.overall });
      break;
    case 'ticket.complaint_investigated':
      keepNewer('complaintVersion', {
        complaintEmployeeId: event.data.responsibleEmployeeId,
        complaintDepartmentId: event.data.responsibleDepartmentId,
      });
      break;
    case 'ticket.merged':
      if (next.mergedIntoId !== event.data.survivorTicketId) {
        next = { ...next, mergedIntoId: event.data.survivorTicketId };
      }
      break;
    case 'ticket.reopened':
      if (!next.reopenVersions.includes(version)) {
        next = { ...next, reopenVersions: [...next.reopenVersions, version].sort((a, b) => a - b) };
      }
      break;
  }
  if (next.lastEventAt === undefined || Date.parse(event.occurredAt) > Date.parse(next.lastEventAt)) {
    next = { ...next, lastEventAt: event.occurredAt };
  }
  return next;
}
