import * as kit from '@opsgraph/graphql-kit';
import * as claims from './claims';

// The gateway keeps its own copy of the header names and roles (its hot path does not load type-graphql);
// this keeps them equal to what the subgraphs read.
describe('claims', () => {
  it('uses the header names of @opsgraph/graphql-kit', () => {
    expect(claims.GATEWAY_SECRET_HEADER).toBe(kit.GATEWAY_SECRET_HEADER);
    expect(claims.CORRELATION_ID_HEADER).toBe(kit.CORRELATION_ID_HEADER);
    expect([
      claims.USER_ID_HEADER,
      claims.ROLE_HEADER,
      claims.EMPLOYEE_ID_HEADER,
      claims.CUSTOMER_ID_HEADER,
      claims.DEPARTMENT_ID_HEADER,
    ]).toEqual([...kit.CALLER_HEADERS]);
    for (const header of [...kit.CALLER_HEADERS, kit.GATEWAY_SECRET_HEADER]) {
      expect(header.startsWith(claims.GATEWAY_HEADER_PREFIX)).toBe(true);
    }
  });

  it('knows the roles of @opsgraph/graphql-kit', () => {
    expect([...claims.ROLES].sort()).toEqual(Object.values(kit.Role).sort());
  });

  it('maps a payload to claims and drops what it does not know', () => {
    expect(claims.claimsFromPayload({ sub: 's', role: 'AGENT', employeeId: 'e', extra: 1 })).toEqual({
      sub: 's',
      role: 'AGENT',
      employeeId: 'e',
    });
    expect(() => claims.claimsFromPayload({ sub: 's', role: 'AGENT', departmentId: 7 })).toThrow(
      claims.InvalidClaimsError,
    );
  });
});
