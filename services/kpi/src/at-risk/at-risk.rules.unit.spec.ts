import type { TicketFact } from '../engine/ticket-fact.rules';
import { atRisk } from './at-risk.rules';

const fact = (overrides: Partial<TicketFact>): TicketFact =>
  ({
    ticketId: 't1',
    departmentId: 'd1',
    status: 'IN_PROGRESS',
    openedAt: '2026-03-02T08:00:00.000Z',
    acknowledgedAt: null,
    resolvedAt: null,
    responseDueAt: '2026-03-02T09:00:00.000Z', // 60 min window
    resolutionDueAt: '2026-03-02T18:00:00.000Z', // 10 h window
    ...overrides,
  }) as TicketFact;

describe('atRisk', () => {
  it('flags a deadline with less than 20 % of its window left, not before and not after it passed', () => {
    // 08:49: 11 min of 60 left (18 %) → at risk; resolution has 9h11m of 10h left → not
    expect(atRisk(fact({}), new Date('2026-03-02T08:49:00.000Z'))).toEqual([
      {
        ticketId: 't1',
        departmentId: 'd1',
        deadline: 'RESPONSE',
        dueAt: '2026-03-02T09:00:00.000Z',
        remainingSeconds: 660,
        windowSeconds: 3600,
      },
    ]);
    // 08:48: exactly 12 min = 20 % left → not yet
    expect(atRisk(fact({}), new Date('2026-03-02T08:48:00.000Z'))).toEqual([]);
    // 09:00: passed — that is a breach, not a warning
    expect(atRisk(fact({}), new Date('2026-03-02T09:00:00.000Z'))).toEqual([]);
  });

  it('skips a met deadline and a done ticket; the share is configurable', () => {
    const acknowledged = fact({ acknowledgedAt: '2026-03-02T08:10:00.000Z' });
    expect(atRisk(acknowledged, new Date('2026-03-02T08:55:00.000Z'))).toEqual([]);
    expect(atRisk(fact({ status: 'RESOLVED' }), new Date('2026-03-02T08:55:00.000Z'))).toEqual([]);
    // 30 min of 60 left is at risk under a 60 % share
    expect(atRisk(fact({}), new Date('2026-03-02T08:30:00.000Z'), 0.6).map((r) => r.deadline)).toEqual([
      'RESPONSE',
    ]);
  });
});
