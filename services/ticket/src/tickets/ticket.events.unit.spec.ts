import {
  TICKET_CLOSED_BY,
  TICKET_PRIORITIES,
  TICKET_STATUSES as CONTRACT_STATUSES,
  TicketEscalated,
  validateEvent,
} from '@opsgraph/contracts-events';
import { DEFAULT_SLA_POLICIES } from '../sla/sla-policy';
import { draft, envelopeOf } from '@opsgraph/service-kit';
import { firstResponseSeconds, slaBreachedDrafts, snapshotOf } from './ticket.events';
import { CLOSE_REASONS, TICKET_STATUSES } from './ticket.lifecycle';
import { flagBreaches, openTicket } from './ticket.model';
import { PRIORITIES } from './ticket.priority';

const T0 = new Date('2025-03-03T09:00:00.000Z');
const HOUR = 3_600_000;
const ticket = {
  ...openTicket(
    { id: '6f1c2b8e-3d4a-4b5c-9d6e-7f8091a2b3c4', number: 'TCK-000042' },
    {
      kind: 'COMPLAINT',
      category: null,
      channel: 'HOTLINE',
      subject: 'Rude answer',
      description: 'The hotline was rude',
      customerId: '0b7a3c1e-2d4f-4a6b-8c9d-1e2f3a4b5c6d',
      contact: { name: 'Zhang San', phone: '+86 21 5555 0000', email: 'zs@example.com' },
      urgency: 'MEDIUM',
      impact: 'MEDIUM',
      departmentId: null,
      assetId: null,
      incidentId: null,
      promisedResolutionAt: null,
    },
    T0,
    (priority) => DEFAULT_SLA_POLICIES[priority],
  ),
  acknowledgedAt: new Date(T0.getTime() + 90_500),
};
const context = {
  producer: 'ticket',
  actor: { id: 'user-1', role: 'AGENT' },
  correlationId: 'corr-1',
  occurredAt: T0,
};

describe('ticket events', () => {
  it('domain value lists are the contract’s', () => {
    expect([...TICKET_STATUSES]).toEqual([...CONTRACT_STATUSES]);
    expect([...PRIORITIES]).toEqual([...TICKET_PRIORITIES]);
    // MERGED never closes through ticket.closed: a merge publishes ticket.merged.
    expect(CLOSE_REASONS.filter((reason) => reason !== 'MERGED').sort()).toEqual(
      [...TICKET_CLOSED_BY].sort(),
    );
  });

  it('the snapshot carries what KPI consumers need and no contact data', () => {
    const snapshot = snapshotOf(ticket);
    expect(snapshot).toMatchObject({
      ticketId: ticket.id,
      number: 'TCK-000042',
      kind: 'COMPLAINT',
      priority: 'P3',
      status: 'NEW',
      openedAt: T0.toISOString(),
      responseDueAt: new Date(T0.getTime() + 4 * HOUR).toISOString(),
    });
    expect(JSON.stringify(snapshot)).not.toMatch(/Zhang|5555|example\.com/);
  });

  it('wraps drafts in envelopes that pass the contract’s JSON Schema', () => {
    const escalated = envelopeOf(
      ticket.id,
      2,
      draft(TicketEscalated, { ...snapshotOf(ticket), fromLevel: 0, toLevel: 1, reason: 'VIP customer' }),
      context,
    );
    expect(validateEvent(escalated)).toEqual({ ok: true, event: escalated });
    expect(escalated).toMatchObject({
      aggregateId: ticket.id,
      aggregateVersion: 2,
      producer: 'ticket',
      correlationId: 'corr-1',
    });
  });

  it('describes each breached deadline with its due time', () => {
    const now = new Date(T0.getTime() + 25 * HOUR);
    const flagged = flagBreaches({ ...ticket, acknowledgedAt: null }, now);
    const envelopes = slaBreachedDrafts(flagged.ticket, flagged.breaches, now).map((eventDraft, index) =>
      envelopeOf(ticket.id, 2 + index, eventDraft, context),
    );
    expect(envelopes.map((event) => validateEvent(event).ok)).toEqual([true, true]);
    expect(envelopes.map((event) => (event.data as { deadline: string }).deadline)).toEqual([
      'RESPONSE',
      'RESOLUTION',
    ]);
  });

  it('counts the first response in whole seconds', () => {
    expect(firstResponseSeconds(ticket)).toBe(91);
    expect(firstResponseSeconds({ ...ticket, acknowledgedAt: null })).toBeNull();
  });
});
