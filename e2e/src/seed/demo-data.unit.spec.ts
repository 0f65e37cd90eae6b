import { customers, DEPARTMENTS, organisation, tickets } from './demo-data';

describe('demo data', () => {
  it('staffs every department with a manager under one director (about 30 people)', () => {
    const people = organisation(1, new Date('2026-01-01T00:00:00Z'));
    expect(people.length).toBeGreaterThanOrEqual(28);
    expect(people.filter((person) => person.position === 'OPS_DIRECTOR')).toHaveLength(1);
    expect(people.filter((person) => person.manages).map((person) => person.manages).sort()).toEqual(
      DEPARTMENTS.map((department) => department.code).sort(),
    );
    expect(new Set(people.map((person) => person.employeeNumber)).size).toBe(people.length);
    expect(new Set(people.map((person) => person.name)).size).toBe(people.length);
    expect(people.every((person) => person.hireDate < '2026-01-01')).toBe(true);
  });

  it('has 200 customers across tiers, each reachable', () => {
    const list = customers(200);
    const tiers = list.reduce<Record<string, number>>((count, c) => ({ ...count, [c.tier]: (count[c.tier] ?? 0) + 1 }), {});
    expect(tiers).toEqual({ STANDARD: 160, KEY_ACCOUNT: 20, VIP: 20 });
    expect(new Set(list.map((c) => c.code)).size).toBe(200);
    expect(list.every((c) => c.contacts.length > 0 && c.contacts.every((contact) => contact.phone || contact.email))).toBe(true);
    expect(list.every((c) => c.contacts.every((contact) => !contact.phone || /^\+8869\d{8}$/.test(contact.phone)))).toBe(true);
  });

  it('generates tickets of every kind, channel and final state, consistently', () => {
    const list = tickets(2_000, 200);
    const distinct = (key: 'kind' | 'channel' | 'finalState') => new Set(list.map((ticket) => ticket[key])).size;
    expect(distinct('kind')).toBe(5);
    expect(distinct('channel')).toBe(8);
    expect(distinct('finalState')).toBe(8);
    for (const ticket of list) {
      expect(Boolean(ticket.category)).toBe(ticket.kind === 'FAULT');
      expect(Boolean(ticket.complaint)).toBe(ticket.kind === 'COMPLAINT');
      if (ticket.survey) expect(['RESOLVED', 'CLOSED', 'REOPENED']).toContain(ticket.finalState);
      expect(ticket.customerIndex).toBeLessThan(200);
    }
    const surveyed = list.filter((ticket) => ticket.survey).length;
    expect(surveyed).toBeGreaterThan(700);
  });

  it('is the same centre every time', () => {
    expect(tickets(50, 200)).toEqual(tickets(50, 200));
    expect(customers(20)).toEqual(customers(20));
  });
});
