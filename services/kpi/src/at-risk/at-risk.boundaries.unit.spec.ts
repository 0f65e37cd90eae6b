// At-risk SLA warnings (docs/product.md §KPI "At-risk"): the resolution deadline is watched like the response one,
// a met deadline is never at risk, and neither is a resolved or a closed ticket.
import type { TicketFact } from '../engine/ticket-fact.rules';
import { atRisk } from './at-risk.rules';

const fact = (overrides: Partial<TicketFact>): TicketFact =>
  ({
    ticketId: 't1',
    departmentId: 'd1',
    status: 'IN_PROGRESS',
    openedAt: '2026-03-02T08:00:00.000Z',
    acknowledgedAt: '2026-03-02T08:05:00.000Z',
    resolvedAt: null,
    responseDueAt: '2026-03-02T09:00:00.000Z',
    resolutionDueAt: '2026-03-02T18:00:00.000Z', // 10 h window: at risk from 16:00
    ...overrides,
  }) as TicketFact;
const AT_17 = new Date('2026-03-02T17:00:00.000Z');

describe('the resolution deadline', () => {
  it('is at risk with less than 20 % of its window left', () => {
    expect(atRisk(fact({}), AT_17)).toEqual([
      {
        ticketId: 't1',
        departmentId: 'd1',
        deadline: 'RESOLUTION',
        dueAt: '2026-03-02T18:00:00.000Z',
        remainingSeconds: 3600,
        windowSeconds: 36_000,
      },
    ]);
  });

  it('is not at risk once resolved (a met deadline)', () => {
    expect(atRisk(fact({ resolvedAt: '2026-03-02T16:30:00.000Z' }), AT_17)).toEqual([]);
  });

  it('both deadlines can be at risk at once, response first', () => {
    const late = fact({ acknowledgedAt: null, responseDueAt: '2026-03-02T17:30:00.000Z' });
    expect(atRisk(late, AT_17).map((warning) => warning.deadline)).toEqual(['RESPONSE', 'RESOLUTION']);
  });
});

describe('a done ticket has no deadline at risk', () => {
  it.each(['RESOLVED', 'CLOSED'])('%s', (status) => {
    expect(atRisk(fact({ status, acknowledgedAt: null }), AT_17)).toEqual([]);
  });

  it('a reopened ticket is watched again', () => {
    expect(atRisk(fact({ status: 'REOPENED' }), AT_17)).toHaveLength(1);
  });
});
