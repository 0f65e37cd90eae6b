// Detects a recurring complaint cause when an investigation is recorded, inside its transaction (docs/product.md
// §11.3): the event goes out with the investigation, or not at all.
import { TicketComplaintCauseRecurring } from '@opsgraph/contracts-events';
import { draft, type EventDraft } from '@opsgraph/service-kit';
import type { Ticket } from '../tickets/ticket.model';
import type { ComplaintCauseRepository } from './complaint-cause.repository';
import { causeKey, recurrenceOf, windowStart, type RecurrencePolicy } from './complaint-recurrence.rules';

export class ComplaintRecurrence {
  constructor(private readonly policy: RecurrencePolicy) {}

  /** The ticket.complaint_cause_recurring event `rootCause` raises now, if any (then recorded as reported). */
  async detect(
    causes: ComplaintCauseRepository,
    ticket: Pick<Ticket, 'category'>,
    rootCause: string,
    now: Date,
  ): Promise<EventDraft[]> {
    const start = windowStart(now, this.policy);
    const key = causeKey(rootCause);
    const recurrence = recurrenceOf(
      rootCause,
      await causes.investigations(start, now),
      now,
      this.policy,
      await causes.lastReported(key),
    );
    if (recurrence === null || !(await causes.claimReport(key, now, start))) return [];
    return [
      draft(TicketComplaintCauseRecurring, {
        rootCause: recurrence.rootCause,
        category: ticket.category,
        count: recurrence.count,
        windowDays: this.policy.windowDays,
        ticketIds: recurrence.ticketIds,
      }),
    ];
  }
}
