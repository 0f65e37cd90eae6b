// Which tickets a caller sees (docs/product.md §9): managers and analysts every ticket; staff their department's, and
// agents the unrouted NEW ones — never another department's NEW tickets; staff without a department see no
// department's tickets; refusals say why.
import { Role, type Caller } from '@opsgraph/graphql-kit';
import { canSee, scopeOf } from './ticket.access';

const caller = (role: Role, claims: Partial<NonNullable<Caller>> = {}): NonNullable<Caller> => ({
  userId: `user-${role.toLowerCase()}`,
  role,
  ...claims,
});
const ticket = (departmentId: string | null, status = 'IN_PROGRESS') => ({
  customerId: 'c1',
  departmentId,
  status,
});

describe('canSee', () => {
  it('a manager sees any ticket, routed or not', () => {
    const scope = scopeOf(caller(Role.OPS_MANAGER));
    expect(canSee(scope, ticket('d9'))).toBe(true);
    expect(canSee(scope, ticket(null, 'NEW'))).toBe(true);
  });

  it('an agent does not see the NEW tickets of another department (intake is unrouted tickets only)', () => {
    expect(canSee(scopeOf(caller(Role.AGENT, { departmentId: 'd1' })), ticket('d2', 'NEW'))).toBe(false);
  });

  it('a technician without a department does not see unrouted tickets', () => {
    expect(canSee(scopeOf(caller(Role.TECHNICIAN)), ticket(null))).toBe(false);
  });
});

describe('refusals say why', () => {
  it('a customer without a customer id claim', () => {
    expect(() => scopeOf(caller(Role.CUSTOMER))).toThrow('A customer caller needs a customer id claim');
  });

  it('a role without access to tickets', () => {
    expect(() => scopeOf(caller(Role.HR))).toThrow('This role has no access to tickets');
  });
});
