import { DEFAULT_SLA_POLICIES } from '../sla/sla-policy';
import { openTicket, type Ticket } from '../tickets/ticket.model';
import {
  holdForIncident,
  INCIDENT_PAUSE_REASON,
  keyAccountsToOpen,
  progressOnActivation,
  progressOnResolution,
  releaseFromIncident,
  resolveWithIncident,
  SEVERITY_TO_PRIORITY,
  ticketsToHold,
} from './incident-fanout.rules';

const INCIDENT = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const T0 = new Date('2026-03-02T08:00:00.000Z');
const T1 = new Date('2026-03-02T09:00:00.000Z');
const T2 = new Date('2026-03-02T11:00:00.000Z');

const ticket = (overrides: Partial<Ticket> = {}): Ticket => ({
  ...openTicket(
    { id: 'a', number: 'TCK-000001' },
    {
      kind: 'FAULT',
      category: 'OTHER',
      channel: 'HOTLINE',
      subject: 's',
      description: 'd',
      customerId: 'c1',
      contact: { name: null, phone: null, email: null },
      urgency: 'HIGH',
      impact: 'HIGH',
      departmentId: null,
      assetId: null,
      incidentId: null,
      promisedResolutionAt: null,
    },
    T0,
    (priority) => DEFAULT_SLA_POLICIES[priority],
  ),
  ...overrides,
});

describe('which tickets the fan-out holds and opens', () => {
  it('holds open tickets not held yet and not in another incident', () => {
    const candidates = [
      { id: 'open', status: 'IN_PROGRESS', incidentId: null },
      { id: 'resolved', status: 'RESOLVED', incidentId: null },
      { id: 'held', status: 'NEW', incidentId: INCIDENT },
      { id: 'elsewhere', status: 'NEW', incidentId: OTHER },
      { id: 'linked-before', status: 'ASSIGNED', incidentId: INCIDENT },
    ] as const;
    expect(ticketsToHold(INCIDENT, candidates, [{ ticketId: 'held' }])).toEqual(['open', 'linked-before']);
  });

  it('opens one ticket per key account, once', () => {
    expect(
      keyAccountsToOpen(
        ['k1', 'k2', 'k1'],
        [
          { customerId: 'k1', openedByFanout: true },
          { customerId: 'k2', openedByFanout: false },
        ],
      ),
    ).toEqual(['k2']);
  });
});

describe('the clock', () => {
  it('pauses on hold and resumes on release, pushing the deadline by the pause', () => {
    const running = ticket({ status: 'IN_PROGRESS' });
    const held = holdForIncident(running, INCIDENT, T1);
    expect(held).toMatchObject({ incidentId: INCIDENT, sla: { pausedSince: T1 } });
    const released = releaseFromIncident(held, T2);
    expect(released.sla.pausedSince).toBeNull();
    expect(released.sla.resolutionDueAt.getTime() - running.sla.resolutionDueAt.getTime()).toBe(2 * 3600_000);
  });

  it('keeps an earlier pause (PENDING_CUSTOMER) and does not resume a ticket still waiting for the customer', () => {
    const waiting = ticket({ status: 'PENDING_CUSTOMER', sla: { ...ticket().sla, pausedSince: T0 } });
    expect(holdForIncident(waiting, INCIDENT, T1).sla.pausedSince).toEqual(T0);
    expect(releaseFromIncident(waiting, T2)).toBe(waiting);
  });
});

describe('resolving the tickets it opened', () => {
  it('resolves an open one, stopping its clock', () => {
    expect(resolveWithIncident(ticket(), 'Incident resolved', T2)).toMatchObject({
      status: 'RESOLVED',
      resolvedAt: T2,
      resolutionSummary: 'Incident resolved',
      sla: { pausedSince: T2 },
    });
  });

  it('leaves one someone resolved already', () => {
    expect(resolveWithIncident(ticket({ status: 'CLOSED' }), 'x', T2)).toBeNull();
  });
});

describe('what the fan-out tells customers and how urgent it makes key-account tickets', () => {
  it('maps each incident severity onto urgency and impact', () => {
    expect(SEVERITY_TO_PRIORITY).toEqual({
      SEV1: { urgency: 'HIGH', impact: 'HIGH' },
      SEV2: { urgency: 'HIGH', impact: 'MEDIUM' },
      SEV3: { urgency: 'MEDIUM', impact: 'MEDIUM' },
      SEV4: { urgency: 'LOW', impact: 'LOW' },
    });
  });

  it('audits its pauses under the INCIDENT reason', () => {
    expect(INCIDENT_PAUSE_REASON).toBe('INCIDENT');
  });

  it('tells the customer the incident, that the clock is paused, and when it runs again', () => {
    expect(progressOnActivation('INC-000007', 'Pump failure')).toBe(
      'We are handling incident INC-000007 (Pump failure), which affects this request. ' +
        'Its resolution time is paused until the incident is resolved; we will keep you informed.',
    );
    expect(progressOnResolution('INC-000007')).toBe(
      'Incident INC-000007 is resolved; work on this request continues and its resolution time runs again.',
    );
  });
});
