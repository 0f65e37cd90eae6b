import { actionStateAfter } from './complaints';
import {
  customers,
  DEPARTMENTS,
  HISTORY_DAYS,
  isOpen,
  localHour,
  organisation,
  SLA_TARGETS,
  statusAfter,
  tickets,
} from './demo-data';

describe('demo data', () => {
  it('staffs every department with a manager under one director (about 30 people)', () => {
    const people = organisation(1, new Date('2026-01-01T00:00:00Z'));
    expect(people.length).toBeGreaterThanOrEqual(28);
    expect(people.filter((person) => person.position === 'OPS_DIRECTOR')).toHaveLength(1);
    expect(
      people
        .filter((person) => person.manages)
        .map((person) => person.manages)
        .sort(),
    ).toEqual(DEPARTMENTS.map((department) => department.code).sort());
    expect(new Set(people.map((person) => person.employeeNumber)).size).toBe(people.length);
    expect(new Set(people.map((person) => person.name)).size).toBe(people.length);
    expect(people.every((person) => person.hireDate < '2026-01-01')).toBe(true);
  });

  it('has 200 customers across tiers, each reachable', () => {
    const list = customers(200);
    const tiers = list.reduce<Record<string, number>>(
      (count, c) => ({ ...count, [c.tier]: (count[c.tier] ?? 0) + 1 }),
      {},
    );
    expect(tiers).toEqual({ STANDARD: 160, KEY_ACCOUNT: 20, VIP: 20 });
    expect(new Set(list.map((c) => c.code)).size).toBe(200);
    expect(
      list.every(
        (c) => c.contacts.length > 0 && c.contacts.every((contact) => contact.phone || contact.email),
      ),
    ).toBe(true);
    expect(
      list.every((c) => c.contacts.every((contact) => !contact.phone || /^\+8869\d{8}$/.test(contact.phone))),
    ).toBe(true);
  });

  const NOW = new Date('2026-03-18T06:30:00Z');
  const DAY = 86_400_000;
  const list = tickets(2_000, 200, 3, NOW);
  const share = (predicate: (ticket: (typeof list)[number]) => boolean, among = list) =>
    among.filter(predicate).length / among.length;

  it('generates tickets of every kind, channel and final state, consistently', () => {
    const distinct = (key: 'kind' | 'channel' | 'finalState') =>
      new Set(list.map((ticket) => ticket[key])).size;
    expect(distinct('kind')).toBe(6);
    expect(distinct('channel')).toBe(8);
    expect(distinct('finalState')).toBe(8);
    for (const ticket of list) {
      expect(Boolean(ticket.category)).toBe(ticket.kind === 'FAULT');
      expect(Boolean(ticket.complaint)).toBe(ticket.kind === 'COMPLAINT');
      expect(ticket.customerIndex).toBeLessThan(200);
      expect(statusAfter(ticket.steps)).toBe(ticket.finalState);
      if (ticket.survey) expect(ticket.steps.some((step) => step.action === 'SURVEY')).toBe(true);
    }
    expect(list.filter((ticket) => ticket.survey).length).toBeGreaterThan(700);
  });

  it('spreads intake over the last 90 days, mostly in working hours on weekdays, oldest first', () => {
    const opened = list.map((ticket) => Date.parse(ticket.openedAt));
    expect(opened).toEqual([...opened].sort((a, b) => a - b));
    expect(list.map((ticket) => ticket.index)).toEqual(list.map((_, index) => index));
    expect(Math.min(...opened)).toBeGreaterThanOrEqual(NOW.getTime() - (HISTORY_DAYS + 1) * DAY);
    expect(Math.max(...opened)).toBeLessThan(NOW.getTime());
    expect(new Set(list.map((ticket) => ticket.openedAt.slice(0, 7))).size).toBeGreaterThanOrEqual(3);
    const hour = (ticket: (typeof list)[number]) => localHour(Date.parse(ticket.openedAt));
    expect(share((ticket) => hour(ticket) >= 9 && hour(ticket) < 18)).toBeGreaterThan(0.6);
    expect(share((ticket) => hour(ticket) < 6)).toBeLessThan(0.03);
    const weekday = (ticket: (typeof list)[number]) =>
      new Date(Date.parse(ticket.openedAt) + 8 * 3_600_000).getUTCDay();
    expect(share((ticket) => weekday(ticket) === 0 || weekday(ticket) === 6)).toBeLessThan(0.15);
  });

  it('tells each life in order up to now: recent tickets open, old ones closed, some late', () => {
    for (const ticket of list) {
      const times = [ticket.openedAt, ...ticket.steps.map((step) => step.at)].map(Date.parse);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[times.length - 1]).toBeLessThan(NOW.getTime());
    }
    const age = (ticket: (typeof list)[number]) => NOW.getTime() - Date.parse(ticket.openedAt);
    const recent = list.filter((ticket) => age(ticket) < 2 * DAY);
    const old = list.filter((ticket) => age(ticket) > 14 * DAY);
    expect(share((ticket) => isOpen(ticket.finalState), recent)).toBeGreaterThan(0.3);
    expect(share((ticket) => ticket.finalState === 'CLOSED', old)).toBeGreaterThan(0.9);
    // The service closes resolved tickets after 7 days: older ones are not left RESOLVED.
    expect(list.filter((ticket) => ticket.finalState === 'RESOLVED' && age(ticket) > 8 * DAY)).toEqual([]);
    expect(share((ticket) => ticket.late.response)).toBeGreaterThan(0.04);
    expect(share((ticket) => ticket.late.response)).toBeLessThan(0.2);
    expect(share((ticket) => ticket.late.resolution)).toBeGreaterThan(0.04);
    expect(share((ticket) => ticket.late.resolution)).toBeLessThan(0.2);
    // Faster for higher priorities: first responses of P1 within minutes, of P4 within hours.
    const firstResponse = (priority: string) => {
      const delays = list
        .filter((ticket) => ticket.priority === priority && ticket.steps.length > 0)
        .map((ticket) => Date.parse(ticket.steps[0].at) - Date.parse(ticket.openedAt))
        .sort((a, b) => a - b);
      return delays[Math.floor(delays.length / 2)];
    };
    // A reopened ticket goes back to work before it is resolved again (the lifecycle refuses RESOLVE from REOPENED).
    for (const ticket of list) {
      const actions = ticket.steps.map((step) => step.action);
      actions.forEach((action, index) => {
        if (action === 'REOPEN' && actions.includes('RESOLVE', index)) {
          expect(actions.slice(index + 1, actions.indexOf('RESOLVE', index))).toContain('START_WORK');
        }
      });
    }
    expect(firstResponse('P1')).toBeLessThan(SLA_TARGETS.P1.response);
    expect(firstResponse('P4')).toBeGreaterThan(SLA_TARGETS.P1.response * 4);
  });

  it('has complaints investigated and followed up, suggestions reviewed, and surveys mostly 4–5 (complaints lower)', () => {
    const closedComplaints = list.filter(
      (ticket) => ticket.kind === 'COMPLAINT' && ticket.finalState === 'CLOSED',
    );
    expect(
      closedComplaints.every((ticket) => ticket.steps.some((step) => step.action === 'INVESTIGATE')),
    ).toBe(true);
    expect(
      share((ticket) => ticket.steps.some((step) => step.action === 'FOLLOW_UP'), closedComplaints),
    ).toBeGreaterThan(0.8);
    const resolvedSuggestions = list.filter(
      (ticket) => ticket.kind === 'SUGGESTION' && ticket.steps.some((step) => step.action === 'RESOLVE'),
    );
    expect(
      resolvedSuggestions.every((ticket) => ticket.steps.some((step) => step.action === 'REVIEW_SUGGESTION')),
    ).toBe(true);
    const surveyed = list.filter((ticket) => ticket.survey);
    const mean = (among: typeof list) =>
      among.reduce((sum, ticket) => sum + ticket.survey!.overall, 0) / among.length;
    expect(share((ticket) => ticket.survey!.overall >= 4, surveyed)).toBeGreaterThan(0.6);
    expect(mean(surveyed.filter((ticket) => ticket.kind === 'COMPLAINT'))).toBeLessThan(mean(surveyed) - 0.5);
  });

  it('settles every complaint before resolving it, and leaves corrective actions in every state', () => {
    const complaints = list.filter((ticket) => ticket.kind === 'COMPLAINT');
    for (const ticket of complaints) {
      const actions = ticket.steps.map((step) => step.action);
      const resolvedAt = actions.indexOf('RESOLVE');
      if (resolvedAt < 0) continue;
      const before = ticket.steps.slice(0, resolvedAt);
      expect([ticket.index, actionStateAfter(before)]).toEqual([ticket.index, 'VERIFIED']);
      expect(actions.slice(0, resolvedAt)).toEqual(expect.arrayContaining(['INVESTIGATE', 'FOLLOW_UP']));
    }
    const states = new Set(complaints.map((ticket) => actionStateAfter(ticket.steps)));
    expect(states).toEqual(new Set([null, 'OPEN', 'DONE', 'REJECTED', 'VERIFIED']));
  });

  it('is the same centre every time', () => {
    expect(tickets(50, 200, 3, NOW)).toEqual(tickets(50, 200, 3, NOW));
    // What the tickets are about does not depend on when the seed runs.
    const about = (now: Date) =>
      tickets(50, 200, 3, now)
        .map(({ kind, subject, customerIndex, priority }) => ({ kind, subject, customerIndex, priority }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(about(NOW)).toEqual(about(new Date(NOW.getTime() + 3 * DAY + 7_000)));
    expect(customers(20)).toEqual(customers(20));
  });
});
