// Reassessment after intake (docs/product.md §11.5, 003 §二(二)「根據問題的性質、影響範圍等因素,對問題進行分類」):
// the handler corrects category, urgency or impact; priority and both SLA deadlines are recomputed from the start of
// the clock under the new priority's policy (time already paused still counts). Pure.
import type { FaultCategory } from '@opsgraph/contracts-events';
import { calendarOf } from '../sla-calendars/sla-calendar.rules';
import type { SlaCalendar } from '../sla/sla-calendar';
import { changePolicy } from '../sla/sla-clock';
import type { SlaPolicy } from '../sla/sla-policy';
import { isOpen } from '../tickets/ticket.lifecycle';
import { categoryProblem, type Ticket } from '../tickets/ticket.model';
import { priorityOf, type Impact, type Priority, type Urgency } from '../tickets/ticket.priority';

export interface Assessment {
  readonly category: FaultCategory | null;
  readonly urgency: Urgency;
  readonly impact: Impact;
  readonly priority: Priority;
}

/** What the handler changes; an absent field keeps its value (category: null clears it, for non-FAULT kinds). */
export interface ReassessmentInput {
  readonly category?: FaultCategory | null;
  readonly urgency?: Urgency;
  readonly impact?: Impact;
}

export type ReassessmentDecision =
  | {
      readonly ok: true;
      readonly ticket: Ticket;
      readonly previous: Assessment;
      readonly current: Assessment;
    }
  | {
      readonly ok: false;
      readonly code: 'NOT_OPEN' | 'NO_CHANGE' | 'BAD_CATEGORY';
      readonly message: string;
    };

export const assessmentOf = (ticket: Ticket): Assessment => ({
  category: ticket.category,
  urgency: ticket.urgency,
  impact: ticket.impact,
  priority: ticket.priority,
});

export function reassess(
  ticket: Ticket,
  input: ReassessmentInput,
  now: Date,
  policies: (priority: Priority) => SlaPolicy,
  calendar: SlaCalendar = calendarOf(ticket.slaCalendar),
): ReassessmentDecision {
  if (!isOpen(ticket.status)) {
    return { ok: false, code: 'NOT_OPEN', message: `A ${ticket.status} ticket is no longer reassessed` };
  }
  const category = input.category === undefined ? ticket.category : input.category;
  const urgency = input.urgency ?? ticket.urgency;
  const impact = input.impact ?? ticket.impact;
  const problem = categoryProblem(ticket.kind, category);
  if (problem !== null) return { ok: false, code: 'BAD_CATEGORY', message: problem };
  if (category === ticket.category && urgency === ticket.urgency && impact === ticket.impact) {
    return { ok: false, code: 'NO_CHANGE', message: 'The assessment is unchanged' };
  }
  const priority = priorityOf(urgency, impact);
  const sla =
    priority === ticket.priority ? ticket.sla : changePolicy(ticket.sla, policies(priority), calendar);
  const next: Ticket = { ...ticket, category, urgency, impact, priority, sla, updatedAt: now };
  return { ok: true, ticket: next, previous: assessmentOf(ticket), current: assessmentOf(next) };
}
