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

describe('reassess: what changes and what stays', () => {
  it('takes a change of impact alone, or of urgency alone, and an absent field keeps its value', () => {
    const impact = reassess(ticket, { impact: 'HIGH' }, T0, policies);
    expect(impact.ok && impact.current).toEqual({ category: 'FUNCTION_ANOMALY', urgency: 'MEDIUM', impact: 'HIGH', priority: 'P2' });
    const urgency = reassess(ticket, { urgency: 'LOW', category: undefined }, T0, policies);
    expect(urgency.ok && urgency.current).toEqual({ category: 'FUNCTION_ANOMALY', urgency: 'LOW', impact: 'MEDIUM', priority: 'P4' });
  });

  it('keeps the deadlines set at intake when the priority stays, even if the policy table changed since', () => {
    const tightened = (priority: keyof typeof DEFAULT_SLA_POLICIES) => ({ ...DEFAULT_SLA_POLICIES[priority], resolutionSeconds: 60 });
    const recategorised = reassess(ticket, { category: 'DATA_ISSUE' }, T0, tightened);
    expect(recategorised.ok && recategorised.ticket.sla).toEqual(ticket.sla);
  });

  it('recomputes the deadlines in the ticket\'s own calendar (business hours), not around the clock', () => {
    const officeHours = {
      id: 'cal-1',
      name: 'Office hours',
      timeZone: 'UTC',
      hours: Object.fromEntries(['MON', 'TUE', 'WED', 'THU', 'FRI'].map((day) => [day, [{ from: '09:00', to: '17:00' }]])),
      holidays: [],
    };
    const inOffice = openTicket({ id: 't2', number: 'TCK-000002' }, intake, T0, policies, officeHours);
    const raised = reassess(inOffice, { urgency: 'HIGH', impact: 'HIGH' }, T0, policies);
    // Opened Monday 08:00 UTC, before opening time: P1's 15 min and 4 h count from 09:00.
    expect(raised.ok && raised.ticket.sla.responseDueAt).toEqual(new Date('2026-03-02T09:15:00Z'));
    expect(raised.ok && raised.ticket.sla.resolutionDueAt).toEqual(new Date('2026-03-02T13:00:00Z'));
  });

  it('says why it refuses', () => {
    expect(reassess(ticket, { impact: 'MEDIUM', category: 'FUNCTION_ANOMALY' }, T0, policies)).toEqual({
      ok: false,
      code: 'NO_CHANGE',
      message: 'The assessment is unchanged',
    });
    expect(reassess({ ...ticket, status: 'CLOSED' }, { urgency: 'HIGH' }, T0, policies)).toEqual({
      ok: false,
      code: 'NOT_OPEN',
      message: 'A CLOSED ticket is no longer reassessed',
    });
    expect(reassess(ticket, { category: null }, T0, policies)).toEqual({
      ok: false,
      code: 'BAD_CATEGORY',
      message: 'A FAULT ticket needs a category',
    });
  });
});
