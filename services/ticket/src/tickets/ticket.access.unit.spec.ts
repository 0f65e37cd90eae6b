import { Role, type Caller } from '@opsgraph/graphql-kit';
import {
  canSee,
  mayPerform,
  readsInternal,
  requireAction,
  scopeOf,
  type TicketAction,
} from './ticket.access';

const caller = (role: Role, claims: Partial<NonNullable<Caller>> = {}): NonNullable<Caller> => ({
  userId: `user-${role.toLowerCase()}`,
  role,
  ...claims,
});

const ticket = (customerId: string, departmentId: string | null, status = 'IN_PROGRESS') => ({
  customerId,
  departmentId,
  status,
});

describe('scopeOf', () => {
  it.each([Role.ADMIN, Role.OPS_DIRECTOR, Role.OPS_MANAGER, Role.ANALYST])('%s sees every ticket', (role) => {
    expect(scopeOf(caller(role))).toEqual({ kind: 'ALL' });
  });

  it('a customer sees its own tickets only, by the customer-id claim', () => {
    const scope = scopeOf(caller(Role.CUSTOMER, { customerId: 'c1' }));
    expect(canSee(scope, ticket('c1', 'd1'))).toBe(true);
    expect(canSee(scope, ticket('c2', 'd1'))).toBe(false);
  });

  it('a customer without a customer-id claim is FORBIDDEN', () => {
    expect(() => scopeOf(caller(Role.CUSTOMER))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('an agent sees its department’s tickets and the unrouted NEW ones (intake)', () => {
    const scope = scopeOf(caller(Role.AGENT, { departmentId: 'd1' }));
    expect(canSee(scope, ticket('c1', 'd1'))).toBe(true);
    expect(canSee(scope, ticket('c1', 'd2'))).toBe(false);
    expect(canSee(scope, ticket('c1', null, 'NEW'))).toBe(true);
    expect(canSee(scope, ticket('c1', null, 'ACKNOWLEDGED'))).toBe(false);
  });

  it('a technician sees its department’s tickets only, no intake', () => {
    const scope = scopeOf(caller(Role.TECHNICIAN, { departmentId: 'd1' }));
    expect(canSee(scope, ticket('c1', 'd1'))).toBe(true);
    expect(canSee(scope, ticket('c1', null, 'NEW'))).toBe(false);
  });

  it('staff without a department claim see no department’s tickets', () => {
    expect(canSee(scopeOf(caller(Role.TECHNICIAN)), ticket('c1', 'd1'))).toBe(false);
    expect(canSee(scopeOf(caller(Role.AGENT)), ticket('c1', null, 'NEW'))).toBe(true);
  });

  it('HR is FORBIDDEN and an anonymous request UNAUTHENTICATED', () => {
    expect(() => scopeOf(caller(Role.HR))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => scopeOf(null)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});

describe('permissions', () => {
  const lifecycle: TicketAction[] = [
    'ACKNOWLEDGE',
    'ASSIGN',
    'START_WORK',
    'RESOLVE',
    'TRANSFER',
    'ESCALATE',
  ];

  it('staff act on the lifecycle; analysts and HR do nothing', () => {
    for (const action of lifecycle) {
      expect(mayPerform(caller(Role.AGENT), action)).toBe(true);
      expect(mayPerform(caller(Role.TECHNICIAN), action)).toBe(true);
      expect(mayPerform(caller(Role.ANALYST), action)).toBe(false);
      expect(mayPerform(caller(Role.CUSTOMER), action)).toBe(false);
    }
    expect(() => requireAction(caller(Role.ANALYST), 'ADD_PROGRESS')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('a customer opens, comments, closes by confirming and answers the survey', () => {
    const customer = caller(Role.CUSTOMER, { customerId: 'c1' });
    const allowed = (['OPEN', 'ADD_PROGRESS', 'CLOSE', 'SUBMIT_SURVEY'] as TicketAction[]).map((action) =>
      mayPerform(customer, action),
    );
    expect(allowed).toEqual([true, true, true, true]);
    expect(mayPerform(customer, 'REOPEN')).toBe(false);
  });

  it('complaint handling and suggestion review are for managers', () => {
    for (const action of [
      'RECORD_COMPLAINT_INVESTIGATION',
      'RECORD_COMPLAINT_FOLLOW_UP',
      'REVIEW_SUGGESTION',
    ] as const) {
      expect(mayPerform(caller(Role.OPS_MANAGER), action)).toBe(true);
      expect(mayPerform(caller(Role.AGENT), action)).toBe(false);
    }
  });

  it('internal records are read by staff and analysts, never by customers', () => {
    expect(readsInternal(caller(Role.ANALYST))).toBe(true);
    expect(readsInternal(caller(Role.TECHNICIAN))).toBe(true);
    expect(readsInternal(caller(Role.CUSTOMER, { customerId: 'c1' }))).toBe(false);
  });
});
