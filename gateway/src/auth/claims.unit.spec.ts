import * as claims from './claims';

describe('claims', () => {
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
