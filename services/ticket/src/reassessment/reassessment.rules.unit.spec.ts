import { DEFAULT_SLA_POLICIES } from '../sla/sla-policy';
import { openTicket, type NewTicket } from '../tickets/ticket.model';
import { reassess } from './reassessment.rules';

const HOUR = 3_600_000;
const T0 = new Date('2026-03-02T08:00:00Z');
const intake: NewTicket = {
  kind: 'FAULT',
  category: 'FUNCTION_ANOMALY',
  channel: 'PHONE',
  subject: 'Exports fail',
  description: 'x',
  customerId: 'c1',
  contact: { name: null, phone: null, email: null },
  urgency: 'MEDIUM',
  impact: 'MEDIUM',
  departmentId: 'd1',
  assetId: null,
  incidentId: null,
  promisedResolutionAt: null,
};
const policies = (priority: keyof typeof DEFAULT_SLA_POLICIES) => DEFAULT_SLA_POLICIES[priority];
const ticket = openTicket({ id: 't1', number: 'TCK-000001' }, intake, T0, policies);

describe('reassess', () => {
  it('recomputes priority and both deadlines from the start of the clock', () => {
    expect(ticket.priority).toBe('P3');
    const later = new Date(T0.getTime() + HOUR);
    const decision = reassess(ticket, { urgency: 'HIGH', impact: 'HIGH', category: 'SYSTEM_FAULT' }, later, policies);
    if (!decision.ok) throw new Error(decision.message);
    expect(decision.previous).toEqual({ category: 'FUNCTION_ANOMALY', urgency: 'MEDIUM', impact: 'MEDIUM', priority: 'P3' });
    expect(decision.current).toEqual({ category: 'SYSTEM_FAULT', urgency: 'HIGH', impact: 'HIGH', priority: 'P1' });
    expect(decision.ticket.sla.startedAt).toEqual(T0);
    expect(decision.ticket.sla.responseDueAt).toEqual(new Date(T0.getTime() + DEFAULT_SLA_POLICIES.P1.responseSeconds * 1000));
    expect(decision.ticket.sla.resolutionDueAt).toEqual(
      new Date(T0.getTime() + DEFAULT_SLA_POLICIES.P1.resolutionSeconds * 1000),
    );
    expect(decision.ticket.updatedAt).toEqual(later);
  });

  it('keeps the deadlines when only the category changes, and paused time when the priority does', () => {
    const recategorised = reassess(ticket, { category: 'DATA_ISSUE' }, T0, policies);
    expect(recategorised.ok && recategorised.ticket.sla).toEqual(ticket.sla);
    const paused = { ...ticket, sla: { ...ticket.sla, pausedSeconds: 1800 } };
    const lowered = reassess(paused, { urgency: 'LOW' }, T0, policies);
    expect(lowered.ok && lowered.ticket.sla.resolutionDueAt).toEqual(
      new Date(T0.getTime() + (DEFAULT_SLA_POLICIES.P4.resolutionSeconds + 1800) * 1000),
    );
  });

  it('refuses no change, a category a kind does not take, and a ticket no longer open', () => {
    expect(reassess(ticket, { urgency: 'MEDIUM' }, T0, policies)).toMatchObject({ ok: false, code: 'NO_CHANGE' });
    expect(reassess(ticket, { category: null }, T0, policies)).toMatchObject({ ok: false, code: 'BAD_CATEGORY' });
    const complaint = { ...ticket, kind: 'COMPLAINT' as const, category: null };
    expect(reassess(complaint, { category: 'DATA_ISSUE' }, T0, policies)).toMatchObject({ ok: false, code: 'BAD_CATEGORY' });
    for (const status of ['RESOLVED', 'CLOSED'] as const) {
      expect(reassess({ ...ticket, status }, { urgency: 'HIGH' }, T0, policies)).toMatchObject({ ok: false, code: 'NOT_OPEN' });
    }
  });
});
