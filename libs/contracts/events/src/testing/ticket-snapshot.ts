import type { TicketSnapshot } from '../ticket/ticket.events';

export const DEFAULT_OPENED_AT = '2026-03-02T08:00:00.000Z';
export const DEFAULT_CUSTOMER_ID = 'c0000000-0000-4000-8000-000000000001';

/**
 * A contract-valid snapshot of ticket `ticketId` as just opened (a hotline P3 service request, nobody assigned,
 * nothing acknowledged, resolved, closed or due yet); `fields` set whatever else the test needs.
 */
export function newTicketSnapshot(
  fields: Pick<TicketSnapshot, 'ticketId' | 'number'> & Partial<TicketSnapshot>,
): TicketSnapshot {
  return {
    kind: 'SERVICE_REQUEST',
    category: null,
    channel: 'HOTLINE',
    priority: 'P3',
    status: 'NEW',
    customerId: DEFAULT_CUSTOMER_ID,
    assigneeId: null,
    departmentId: null,
    openedAt: DEFAULT_OPENED_AT,
    acknowledgedAt: null,
    resolvedAt: null,
    closedAt: null,
    responseDueAt: null,
    resolutionDueAt: null,
    escalationLevel: 0,
    ...fields,
  };
}
