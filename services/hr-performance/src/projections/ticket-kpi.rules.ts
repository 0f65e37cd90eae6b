// One row per ticket: what the KPI needs to know about it, folded from the ticket's events. Pure.
//
// The fold is order-independent (a ticket's events may arrive shuffled, duplicated or replayed): every part of
// the fact keeps the value of the highest aggregateVersion that carried it, so the end state depends only on the
// set of events seen. The snapshot part (assignee, department, openedAt/acknowledgedAt/resolvedAt) comes with
// every ticket event; the other parts only with their own events.
import type { TicketEvent, TicketKind } from '@opsgraph/contracts-events';
import type { KpiFact } from '../kpi/kpi.math';
import { monthOf, monthOrNull, type Month } from '../kpi/kpi.period';

export interface TicketFact {
  ticketId: string;
  kind: TicketKind;
  handlerId: string | null;
  departmentId: string | null;
  openedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  snapshotVersion: number;
  firstResponseSeconds: number | null;
  responseVersion: number;
  withinSla: boolean | null;
  resolutionSeconds: number | null;
  resolutionVersion: number;
  satisfaction: number | null;
  surveyVersion: number;
  complaintEmployeeId: string | null;
  complaintDepartmentId: string | null;
  complaintVersion: number;
  lastEventAt: Date;
  /**
   * Set by ticket.merged (never unset): the ticket was a duplicate merged into this one, so it counts in no figure
   * (its survivor does, once).
   */
  mergedIntoId: string | null;
}

/** The version fields: each part of the fact is as new as the event that last set it. */
type PartVersion =
  'snapshotVersion' | 'responseVersion' | 'resolutionVersion' | 'surveyVersion' | 'complaintVersion';

const date = (value: string): Date => new Date(value);
const dateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** The fact after `event`; returns `fact` itself (same reference) when the event changes nothing. */
export function applyTicketEvent(fact: TicketFact | null, event: TicketEvent): TicketFact {
  const version = event.aggregateVersion;
  const data = event.data;
  const occurredAt = date(event.occurredAt);
  let next: TicketFact =
    fact ??
    ({
      ticketId: event.aggregateId,
      snapshotVersion: 0,
      firstResponseSeconds: null,
      responseVersion: 0,
      withinSla: null,
      resolutionSeconds: null,
      resolutionVersion: 0,
      satisfaction: null,
      surveyVersion: 0,
      complaintEmployeeId: null,
      complaintDepartmentId: null,
      complaintVersion: 0,
      lastEventAt: occurredAt,
      mergedIntoId: null,
    } as TicketFact);
  let changed = fact === null;
  const patch = (values: Partial<TicketFact>) => {
    next = { ...next, ...values };
    changed = true;
  };
  /** A part of the fact takes the event's values only when the event is newer than the part's version. */
  const keepNewer = (part: PartVersion, values: Partial<TicketFact>) => {
    if (version > next[part]) patch({ ...values, [part]: version });
  };

  keepNewer('snapshotVersion', {
    kind: data.kind,
    handlerId: data.assigneeId,
    departmentId: data.departmentId,
    openedAt: date(data.openedAt),
    acknowledgedAt: dateOrNull(data.acknowledgedAt),
    resolvedAt: dateOrNull(data.resolvedAt),
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
        withinSla: event.data.withinSla,
        resolutionSeconds: event.data.resolutionSeconds,
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
        patch({ mergedIntoId: event.data.survivorTicketId });
      }
      break;
    default:
      break;
  }

  if (occurredAt > next.lastEventAt) patch({ lastEventAt: occurredAt });
  return changed ? next : (fact as TicketFact);
}

/**
 * Month attribution: each fact counts in the month of the business moment it measures.
 * - intake (tickets handled, resolution rate): month of openedAt — the month whose requests they were;
 * - first response: month of acknowledgedAt;
 * - resolution, within-SLA share, satisfaction: month of resolvedAt — a survey rates that resolution, so a late
 *   survey restates the month of the resolution; a reopened ticket has no resolution until resolved again;
 * - complaint against: month of the complaint ticket's openedAt (when the customer complained), whenever the
 *   investigation that names the responsible employee/department concludes.
 * A merged duplicate (mergedIntoId set) is nobody's and blames nobody: it counts in no figure, so a merged pair
 * counts once, as its survivor.
 */
export function toKpiFact(fact: TicketFact, timeZone: string): KpiFact {
  const intakeMonth: Month = monthOf(fact.openedAt, timeZone);
  const merged = fact.mergedIntoId !== null;
  const blamed =
    !merged &&
    fact.kind === 'COMPLAINT' &&
    (fact.complaintEmployeeId !== null || fact.complaintDepartmentId !== null);
  return {
    handlerId: merged ? null : fact.handlerId,
    departmentId: merged ? null : fact.departmentId,
    intakeMonth,
    responseMonth: fact.firstResponseSeconds === null ? null : monthOrNull(fact.acknowledgedAt, timeZone),
    firstResponseSeconds: fact.acknowledgedAt === null ? null : fact.firstResponseSeconds,
    resolutionMonth: monthOrNull(fact.resolvedAt, timeZone),
    withinSla: fact.resolvedAt === null ? null : fact.withinSla,
    satisfaction: fact.resolvedAt === null ? null : fact.satisfaction,
    complaintEmployeeId: blamed ? fact.complaintEmployeeId : null,
    complaintDepartmentId: blamed ? fact.complaintDepartmentId : null,
    complaintMonth: blamed ? intakeMonth : null,
    lastEventAt: fact.lastEventAt,
  };
}

export interface KpiKey {
  subjectId: string;
  month: Month;
}

export interface AffectedKeys {
  employees: KpiKey[];
  departments: KpiKey[];
}

/** The (subject, month) rows whose figures may change when a ticket's fact goes from `before` to `after`. */
export function affectedKeys(before: KpiFact | null, after: KpiFact): AffectedKeys {
  const employees = new Map<string, KpiKey>();
  const departments = new Map<string, KpiKey>();
  const add = (into: Map<string, KpiKey>, subjectId: string | null, month: Month | null) => {
    if (subjectId !== null && month !== null) into.set(`${subjectId}|${month}`, { subjectId, month });
  };
  for (const fact of before ? [before, after] : [after]) {
    for (const month of [fact.intakeMonth, fact.responseMonth, fact.resolutionMonth]) {
      add(employees, fact.handlerId, month);
      add(departments, fact.departmentId, month);
    }
    add(employees, fact.complaintEmployeeId, fact.complaintMonth);
    add(departments, fact.complaintDepartmentId, fact.complaintMonth);
  }
  const sorted = (keys: Map<string, KpiKey>) => [...keys.keys()].sort().map((key) => keys.get(key) as KpiKey);
  return { employees: sorted(employees), departments: sorted(departments) };
}
