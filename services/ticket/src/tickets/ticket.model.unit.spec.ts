import { DEFAULT_SLA_POLICIES } from '../sla/sla-policy';
import { decide, type TicketCommand } from './ticket.lifecycle';
import {
  applyDecision,
  categoryProblem,
  flagBreaches,
  openTicket,
  type NewTicket,
  type Ticket,
} from './ticket.model';

const T0 = new Date('2025-03-03T09:00:00.000Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (ms: number) => new Date(T0.getTime() + ms);

const INTAKE: NewTicket = {
  kind: 'FAULT',
  category: 'SYSTEM_FAULT',
  channel: 'PHONE',
  subject: 'Portal down',
  description: 'The customer portal answers 502',
  customerId: '00000000-0000-4000-8000-000000000001',
  contact: { name: 'Li Wei', phone: '+86 10 1234 5678', email: null },
  urgency: 'HIGH',
  impact: 'MEDIUM',
  departmentId: '00000000-0000-4000-8000-0000000000d1',
  assetId: null,
  incidentId: null,
  promisedResolutionAt: null,
};

const open = (input: Partial<NewTicket> = {}): Ticket =>
  openTicket(
    { id: 'ticket-1', number: 'TCK-000001' },
    { ...INTAKE, ...input },
    T0,
    (p) => DEFAULT_SLA_POLICIES[p],
  );

function step(ticket: Ticket, command: TicketCommand, now: Date): Ticket {
  const decision = decide(ticket, command, now);
  if (!decision.ok) throw new Error(decision.error.message);
  return applyDecision(ticket, decision, now);
}

describe('openTicket', () => {
  it('derives the priority from urgency × impact and starts the SLA clock with that priority’s policy', () => {
    const ticket = open();
    expect(ticket.priority).toBe('P2');
    expect(ticket).toMatchObject({
      status: 'NEW',
      version: 1,
      escalationLevel: 0,
      departmentId: INTAKE.departmentId,
    });
    expect(ticket.sla).toEqual({
      startedAt: T0,
      responseDueAt: at(HOUR),
      resolutionDueAt: at(8 * HOUR),
      pausedSince: null,
      pausedSeconds: 0,
      pauseReasons: [],
    });
  });

  it('takes the targets from the policies given (stored ones, not the defaults)', () => {
    const ticket = openTicket({ id: 't', number: 'TCK-000002' }, INTAKE, T0, (priority) => ({
      priority,
      responseSeconds: 60,
      resolutionSeconds: 600,
    }));
    expect(ticket.sla.responseDueAt).toEqual(at(MIN));
    expect(ticket.sla.resolutionDueAt).toEqual(at(10 * MIN));
  });
});

describe('categoryProblem', () => {
  it('requires a category for faults and refuses one otherwise', () => {
    expect(categoryProblem('FAULT', 'DATA_ISSUE')).toBeNull();
    expect(categoryProblem('COMPLAINT', null)).toBeNull();
    expect(categoryProblem('FAULT', null)).toMatch(/needs a category/);
    expect(categoryProblem('SUGGESTION', 'OTHER')).toMatch(/Only FAULT/);
  });
});

describe('applyDecision', () => {
  const inProgress = step(
    step(open(), { type: 'ASSIGN', assigneeId: 'agent-1' }, at(10 * MIN)),
    { type: 'START_WORK' },
    at(20 * MIN),
  );

  it('pauses the resolution clock while waiting for the customer and pushes the deadline on resume', () => {
    const pending = step(inProgress, { type: 'AWAIT_CUSTOMER' }, at(HOUR));
    expect(pending.sla.pausedSince).toEqual(at(HOUR));
    const resumed = step(pending, { type: 'CUSTOMER_RESPONDED' }, at(3 * HOUR));
    expect(resumed.sla).toMatchObject({
      pausedSince: null,
      pausedSeconds: 7200,
      resolutionDueAt: at(10 * HOUR),
    });
    expect(resumed.status).toBe('IN_PROGRESS');
    expect(resumed.updatedAt).toEqual(at(3 * HOUR));
  });

  it('stops the clock at resolution and continues where it stopped after a reopen', () => {
    const resolved = step(inProgress, { type: 'RESOLVE' }, at(2 * HOUR));
    expect(resolved.sla.pausedSince).toEqual(at(2 * HOUR));
    const reopened = step(resolved, { type: 'REOPEN' }, at(26 * HOUR));
    expect(reopened.sla).toMatchObject({ pausedSince: null, resolutionDueAt: at(32 * HOUR) });
    expect(reopened.resolvedAt).toBeNull();
  });

  it('keeps the first response when assigning a NEW ticket', () => {
    expect(inProgress.acknowledgedAt).toEqual(at(10 * MIN));
  });
});

describe('flagBreaches', () => {
  it('flags nothing before a deadline, and at the due instant itself', () => {
    expect(flagBreaches(open(), at(HOUR)).breaches).toEqual([]);
  });

  it('flags the response deadline once it passed without a first response', () => {
    const { ticket, breaches } = flagBreaches(open(), at(HOUR + 1));
    expect(breaches).toEqual([{ deadline: 'RESPONSE', dueAt: at(HOUR) }]);
    expect(ticket.responseBreachedAt).toEqual(at(HOUR + 1));
    expect(flagBreaches(ticket, at(2 * HOUR)).breaches).toEqual([]);
  });

  it('flags both deadlines in one go when both passed, each exactly once', () => {
    const first = flagBreaches(open(), at(9 * HOUR));
    expect(first.breaches.map((breach) => breach.deadline)).toEqual(['RESPONSE', 'RESOLUTION']);
    expect(flagBreaches(first.ticket, at(20 * HOUR)).breaches).toEqual([]);
  });

  it('does not flag a response given in time, nor the resolution while the clock is paused', () => {
    const assigned = step(open(), { type: 'ASSIGN', assigneeId: 'agent-1' }, at(30 * MIN));
    const pending = step(
      step(assigned, { type: 'START_WORK' }, at(HOUR)),
      { type: 'AWAIT_CUSTOMER' },
      at(2 * HOUR),
    );
    expect(flagBreaches(pending, at(100 * HOUR)).breaches).toEqual([]);
  });

  it('flags a resolution that came too late even if nobody noticed before', () => {
    const assigned = step(open(), { type: 'ASSIGN', assigneeId: 'agent-1' }, at(30 * MIN));
    const resolved = step(assigned, { type: 'RESOLVE' }, at(9 * HOUR));
    expect(flagBreaches(resolved, at(9 * HOUR)).breaches).toEqual([
      { deadline: 'RESOLUTION', dueAt: at(8 * HOUR) },
    ]);
  });
});
