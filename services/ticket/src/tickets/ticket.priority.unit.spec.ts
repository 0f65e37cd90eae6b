import { comparePriority, PRIORITIES, priorityOf, SEVERITY_LEVELS, type Priority } from './ticket.priority';

describe('priorityOf', () => {
  it.each([
    ['HIGH', 'HIGH', 'P1'],
    ['HIGH', 'MEDIUM', 'P2'],
    ['HIGH', 'LOW', 'P3'],
    ['MEDIUM', 'HIGH', 'P2'],
    ['MEDIUM', 'MEDIUM', 'P3'],
    ['MEDIUM', 'LOW', 'P4'],
    ['LOW', 'HIGH', 'P3'],
    ['LOW', 'MEDIUM', 'P4'],
    ['LOW', 'LOW', 'P4'],
  ] as const)('urgency %s × impact %s → %s', (urgency, impact, priority) => {
    expect(priorityOf(urgency, impact)).toBe(priority);
  });

  it('is symmetric in urgency and impact', () => {
    for (const a of SEVERITY_LEVELS) {
      for (const b of SEVERITY_LEVELS) {
        expect(priorityOf(a, b)).toBe(priorityOf(b, a));
      }
    }
  });

  it('never lowers the priority when urgency or impact rises', () => {
    // SEVERITY_LEVELS runs from HIGH to LOW, so a later index is a lower level.
    for (let u = 1; u < SEVERITY_LEVELS.length; u++) {
      for (const impact of SEVERITY_LEVELS) {
        const higher = priorityOf(SEVERITY_LEVELS[u - 1], impact);
        const lower = priorityOf(SEVERITY_LEVELS[u], impact);
        expect(comparePriority(higher, lower)).toBeLessThanOrEqual(0);
      }
    }
  });
});

describe('comparePriority', () => {
  it('sorts P1 first', () => {
    const queue: Priority[] = ['P3', 'P1', 'P4', 'P2', 'P1'];
    expect([...queue].sort(comparePriority)).toEqual(['P1', 'P1', 'P2', 'P3', 'P4']);
  });

  it('orders PRIORITIES from most to least urgent', () => {
    expect(PRIORITIES).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(comparePriority('P2', 'P2')).toBe(0);
    expect(comparePriority('P4', 'P1')).toBeGreaterThan(0);
  });
});
