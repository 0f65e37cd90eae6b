import type { CustomerTier, TicketChannel } from '@opsgraph/contracts-events';

export const REVISIT_STATUSES = ['SCHEDULED', 'COMPLETED', 'CANCELLED'] as const;
export type RevisitStatus = (typeof REVISIT_STATUSES)[number];

export interface RevisitRecord {
  id: string;
  customerId: string;
  purpose: string;
  dueAt: Date;
  assigneeEmployeeId: string;
  ticketId: string | null;
  status: RevisitStatus;
  revisitedAt: Date | null;
  channel: TicketChannel | null;
  outcome: string | null;
  satisfied: boolean | null;
  cancelReason: string | null;
  scheduledBy: string;
  recordedBy: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Care revisits (回訪) are a key-account practice (002 §三(二)4). */
export const REVISIT_TIERS: readonly CustomerTier[] = ['KEY_ACCOUNT', 'VIP'];

export type Eligibility = { ok: true } | { ok: false; reason: string };

export function revisitEligibility(customer: {
  tier: CustomerTier;
  consents: { revisits: boolean };
}): Eligibility {
  if (!REVISIT_TIERS.includes(customer.tier)) {
    return {
      ok: false,
      reason: `revisits are scheduled for ${REVISIT_TIERS.join(' and ')} customers, not ${customer.tier}`,
    };
  }
  if (!customer.consents.revisits) return { ok: false, reason: 'the customer has not consented to revisits' };
  return { ok: true };
}

/** SCHEDULED → COMPLETED (outcome recorded) or CANCELLED; both are final. */
export function canLeave(status: RevisitStatus): boolean {
  return status === 'SCHEDULED';
}

export function isOverdue(revisit: Pick<RevisitRecord, 'status' | 'dueAt'>, now: Date): boolean {
  return revisit.status === 'SCHEDULED' && revisit.dueAt.getTime() < now.getTime();
}

const EMAIL_IN_TEXT = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const NUMBER_RUN = /\+?\d[\d\s().-]{5,}\d/g;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/g;
const PHONE_DIGITS = 9;

/**
 * Outcome notes travel in `customer.revisit_recorded` to every consumer of the topic, which must carry no contact
 * data: notes that look like they hold an e-mail address or a phone number (a run of 9+ digits with the usual
 * separators, dates excepted) are refused. A heuristic: it errs on the side of refusing.
 */
export function containsContactData(text: string): boolean {
  if (EMAIL_IN_TEXT.test(text)) return true;
  for (const [run] of text.matchAll(NUMBER_RUN)) {
    if (run.replace(ISO_DATE, ' ').replace(/\D/g, '').length >= PHONE_DIGITS) return true;
  }
  return false;
}
