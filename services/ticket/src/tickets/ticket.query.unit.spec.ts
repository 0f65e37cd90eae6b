import { escapeLike, ticketPredicates } from './ticket.query';

describe('ticketPredicates', () => {
  it('turns each criterion into a parameterised predicate on the alias', () => {
    const { clauses, params } = ticketPredicates(
      't',
      {
        status: ['NEW'],
        priority: ['P1', 'P2'],
        customerId: 'c1',
        createdFrom: new Date('2025-01-01T00:00:00Z'),
        resolvedBefore: new Date('2025-02-01T00:00:00Z'),
        breached: true,
        subjectContains: '50%_off',
      },
      { kind: 'ALL' },
    );
    expect(clauses).toEqual([
      't.status = :status',
      't.priority = any(:priority)',
      't.customer_id = :customerId',
      't.created_at >= :createdFrom',
      't.resolved_at < :resolvedBefore',
      '(t.response_breached_at is not null or t.resolution_breached_at is not null)',
      't.subject ilike :subjectPattern',
    ]);
    expect(params).toMatchObject({ status: 'NEW', priority: ['P1', 'P2'], customerId: 'c1' });
    expect(params['subjectPattern']).toBe('%50\\%\\_off%');
  });

  it('adds the caller’s scope and the keyset', () => {
    const after = { createdAt: new Date('2025-01-01T00:00:00Z'), id: 'id-1' };
    const { clauses, params } = ticketPredicates(
      'i',
      { breached: false },
      { kind: 'CUSTOMER', customerId: 'c9' },
      after,
    );
    expect(clauses).toEqual([
      'i.response_breached_at is null and i.resolution_breached_at is null',
      'i.customer_id = :scopeCustomerId',
      '(i.created_at, i.id) < (:afterCreatedAt, :afterId)',
    ]);
    expect(params).toEqual({ scopeCustomerId: 'c9', afterCreatedAt: after.createdAt, afterId: 'id-1' });
  });

  it('scopes agents to their department plus intake, and staff without a department to nothing', () => {
    expect(
      ticketPredicates('t', {}, { kind: 'DEPARTMENT', departmentId: 'd1', intake: true }).clauses,
    ).toEqual(["(t.department_id = :scopeDepartmentId or (t.status = 'NEW' and t.department_id is null))"]);
    expect(
      ticketPredicates('t', {}, { kind: 'DEPARTMENT', departmentId: null, intake: false }).clauses,
    ).toEqual(['false']);
  });
});

describe('escapeLike', () => {
  it('makes LIKE wildcards and the escape character literal', () => {
    expect(escapeLike('a%b_c\\d')).toBe('a\\%b\\_c\\\\d');
  });
});
