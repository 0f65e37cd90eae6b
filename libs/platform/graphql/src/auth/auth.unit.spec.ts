import type { ResolverData } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors/errors';
import { authChecker, requireCaller, requireRole, type CallerContext } from './auth-checker';
import { callerFromHeaders, type Caller } from './caller';
import { Role } from './role';

describe('callerFromHeaders', () => {
  it('reads every claim the gateway forwards', () => {
    expect(
      callerFromHeaders({
        'x-opsgraph-user-id': 'u1',
        'x-opsgraph-role': 'OPS_MANAGER',
        'x-opsgraph-employee-id': 'e1',
        'x-opsgraph-department-id': 'd1',
      }),
    ).toEqual({ userId: 'u1', role: Role.OPS_MANAGER, employeeId: 'e1', departmentId: 'd1' });
  });

  it('reads a customer from a Headers-like object', () => {
    const headers = new Headers({
      'x-opsgraph-user-id': 'u2',
      'x-opsgraph-role': 'CUSTOMER',
      'x-opsgraph-customer-id': 'c9',
    });
    expect(callerFromHeaders(headers)).toEqual({ userId: 'u2', role: Role.CUSTOMER, customerId: 'c9' });
  });

  it.each([
    [{}],
    [{ 'x-opsgraph-role': 'ADMIN' }],
    [{ 'x-opsgraph-user-id': 'u1' }],
    [{ 'x-opsgraph-user-id': 'u1', 'x-opsgraph-role': 'SUPERUSER' }],
    [{ 'x-opsgraph-user-id': '  ', 'x-opsgraph-role': 'ADMIN' }],
  ])('is anonymous for %p', (headers) => {
    expect(callerFromHeaders(headers)).toBeNull();
  });
});

describe('requireCaller / requireRole', () => {
  const agent: CallerContext = { caller: { userId: 'u1', role: Role.AGENT } };
  const anonymous: CallerContext = { caller: null };

  it('returns the caller when allowed', () => {
    expect(requireCaller(agent).userId).toBe('u1');
    expect(requireRole(agent).role).toBe(Role.AGENT);
    expect(requireRole(agent, Role.ADMIN, Role.AGENT).role).toBe(Role.AGENT);
  });

  it('throws UNAUTHENTICATED without a caller and FORBIDDEN for another role', () => {
    expect(() => requireCaller(anonymous)).toThrow(UnauthenticatedError);
    expect(() => requireRole(anonymous, Role.ADMIN)).toThrow(UnauthenticatedError);
    expect(() => requireRole(agent, Role.ADMIN)).toThrow(ForbiddenError);
  });
});

describe('authChecker', () => {
  const data = (caller: Caller) => ({ context: { caller } }) as ResolverData<CallerContext>;

  it('lets a caller with one of the roles through, and any caller when no role is listed', async () => {
    expect(await authChecker(data({ userId: 'u', role: Role.HR }), [Role.HR, Role.ADMIN])).toBe(true);
    expect(await authChecker(data({ userId: 'u', role: Role.CUSTOMER }), [])).toBe(true);
  });

  it('answers UNAUTHENTICATED for no caller and FORBIDDEN for the wrong role', () => {
    expect(() => authChecker(data(null), [Role.HR])).toThrow(
      expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }),
    );
    expect(() => authChecker(data({ userId: 'u', role: Role.AGENT }), [Role.HR])).toThrow(
      expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }),
    );
  });
});
