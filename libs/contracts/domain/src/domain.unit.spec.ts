import {
  BadUserInputError,
  callerWith,
  checkVersion,
  ConflictError,
  definePermissions,
  DomainError,
  EMPLOYEE_ROLES,
  ForbiddenError,
  Role,
  UnauthenticatedError,
  VersionConflictError,
} from './index';

describe('domain errors', () => {
  it('carry a code and details that read as GraphQL extensions', () => {
    const error = new BadUserInputError('too short', 'input.title');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.title' });
    expect(error.name).toBe('BadUserInputError');
  });

  it('checkVersion throws the one version conflict, a CONFLICT with both versions', () => {
    expect(() => checkVersion('Ticket t1', { version: 3 }, 3)).not.toThrow();
    let thrown: unknown;
    try {
      checkVersion('Ticket t1', { version: 4 }, 3);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(VersionConflictError);
    expect(thrown).toBeInstanceOf(ConflictError);
    expect((thrown as DomainError).extensions).toEqual({
      code: 'CONFLICT',
      expectedVersion: 3,
      actualVersion: 4,
    });
    expect((thrown as Error).message).toBe('Ticket t1 is at version 4, not 3: reload it and retry');
  });
});

describe('permissions', () => {
  const permissions = definePermissions({
    EDIT_THING: [Role.ADMIN, Role.OPS_MANAGER],
    READ_THING: EMPLOYEE_ROLES,
  });

  it('answers who may take an action', () => {
    expect(permissions.can({ userId: 'u', role: Role.ADMIN }, 'EDIT_THING')).toBe(true);
    expect(permissions.can({ userId: 'u', role: Role.AGENT }, 'EDIT_THING')).toBe(false);
    expect(permissions.can(null, 'READ_THING')).toBe(false);
    expect(permissions.rolesFor('READ_THING')).not.toContain(Role.CUSTOMER);
  });

  it('require: UNAUTHENTICATED without a caller, FORBIDDEN naming the action for a wrong role', () => {
    expect(() => permissions.require(null, 'EDIT_THING')).toThrow(UnauthenticatedError);
    expect(() => permissions.require({ userId: 'u', role: Role.CUSTOMER }, 'EDIT_THING')).toThrow(
      new ForbiddenError('CUSTOMER may not edit thing'),
    );
    expect(permissions.require({ userId: 'u', role: Role.OPS_MANAGER }, 'EDIT_THING').userId).toBe('u');
  });
});

describe('callerWith', () => {
  it('builds a caller of a role and leaves out the claims not given', () => {
    expect(callerWith(Role.AGENT)).toEqual({ userId: 'u1', role: 'AGENT' });
    expect(callerWith(Role.CUSTOMER, { customerId: 'c1', employeeId: undefined })).toEqual({
      userId: 'u1',
      role: 'CUSTOMER',
      customerId: 'c1',
    });
  });
});
