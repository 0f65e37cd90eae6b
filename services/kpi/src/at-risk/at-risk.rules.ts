// At-risk SLA warnings (docs/product.md §KPI "At-risk"): a ticket that is not done and whose response or
// resolution deadline is near — less than a configurable share (default 20 %) of its window left — is at risk.
// The window runs from the ticket's opening to the deadline (wall-clock; pauses are already in the due time the
// ticket service computes). Pure.
import type { TicketFact } from '../engine/ticket-fact.rules';

export const DEADLINES = ['RESPONSE', 'RESOLUTION'] as const;
export type Deadline = (typeof DEADLINES)[number];
export const DEFAULT_AT_RISK_SHARE = 0.2;
const DONE = new Set(['RESOLVED', 'CLOSED']);

export interface AtRisk {
  ticketId: string;
  departmentId: string | null;
  deadline: Deadline;
  dueAt: string;
  remainingSeconds: number;
  windowSeconds: number;
}

export function atRisk(fact: TicketFact, now: Date, share = DEFAULT_AT_RISK_SHARE): AtRisk[] {
  if (DONE.has(fact.status)) return [];
  const open: Array<[Deadline, string | null]> = [
    ['RESPONSE', fact.acknowledgedAt === null ? fact.responseDueAt : null],
    ['RESOLUTION', fact.resolvedAt === null ? fact.resolutionDueAt : null],
  ];
  const found: AtRisk[] = [];
  for (const [deadline, dueAt] of open) {
    if (dueAt === null) continue;
    const due = Date.parse(dueAt);
    const window = due - Date.parse(fact.openedAt);
    const remaining = due - now.getTime();
    if (window > 0 && remaining > 0 && remaining < share * window) {
      found.push({
        ticketId: fact.ticketId,
        departmentId: fact.departmentId,
        deadline,
        dueAt,
        remainingSeconds: Math.round(remaining / 1000),
        windowSeconds: Math.round(window / 1000),
      });
    }
  }
  return found;
}
