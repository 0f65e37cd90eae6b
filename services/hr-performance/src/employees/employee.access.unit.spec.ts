// Who reads an employment history (docs/product.md §9, least privilege): the employee themself, and ADMIN, HR and
// OPS_DIRECTOR; not a colleague, not their manager by role alone.
import { callerWith, Role } from '@opsgraph/domain';
import { canReadEmploymentHistory, isManagerOf, isSelfOrManager } from './employee.access';

const EMPLOYEE = 'a0000000-0000-4000-8000-0000000000aa';
const OTHER = 'c0000000-0000-4000-8000-0000000000cc';

describe('canReadEmploymentHistory', () => {
  it('the employee reads their own history', () => {
    expect(canReadEmploymentHistory(callerWith(Role.AGENT, { employeeId: EMPLOYEE }), EMPLOYEE)).toBe(true);
  });

  it.each([Role.ADMIN, Role.HR, Role.OPS_DIRECTOR])('%s reads anyone’s', (role) => {
    expect(canReadEmploymentHistory(callerWith(role, { employeeId: OTHER }), EMPLOYEE)).toBe(true);
  });

  it.each([Role.AGENT, Role.OPS_MANAGER, Role.ANALYST])('%s does not read a colleague’s', (role) => {
    expect(canReadEmploymentHistory(callerWith(role, { employeeId: OTHER }), EMPLOYEE)).toBe(false);
  });
});

// Who counts as the employee or a manager for personal data (docs/product.md §9 and §HR-2): someone in the manager
// chain who is an employee — never a customer, whatever id it carries, and never a caller without an employee record.
const MANAGER = 'b0000000-0000-4000-8000-0000000000bb';
const chain = new Set([MANAGER]);

describe('isSelfOrManager', () => {
  it('the employee themself and anyone in their manager chain', () => {
    expect(isSelfOrManager(callerWith(Role.AGENT, { employeeId: EMPLOYEE }), EMPLOYEE, chain)).toBe(true);
    expect(isSelfOrManager(callerWith(Role.OPS_MANAGER, { employeeId: MANAGER }), EMPLOYEE, chain)).toBe(
      true,
    );
  });

  it('not a colleague, not a role alone, not a customer', () => {
    expect(isSelfOrManager(callerWith(Role.OPS_MANAGER, { employeeId: OTHER }), EMPLOYEE, chain)).toBe(false);
    expect(isSelfOrManager(callerWith(Role.HR), EMPLOYEE, chain)).toBe(false);
    expect(isSelfOrManager(callerWith(Role.CUSTOMER, { employeeId: EMPLOYEE }), EMPLOYEE, chain)).toBe(false);
    expect(isSelfOrManager(callerWith(Role.CUSTOMER, { employeeId: MANAGER }), EMPLOYEE, chain)).toBe(false);
  });
});

describe('isManagerOf', () => {
  it('an employee in the manager chain is a manager', () => {
    expect(isManagerOf(callerWith(Role.OPS_MANAGER, { employeeId: MANAGER }), chain)).toBe(true);
  });

  it('an employee outside the chain is not', () => {
    expect(isManagerOf(callerWith(Role.OPS_MANAGER, { employeeId: OTHER }), chain)).toBe(false);
  });

  it('a customer is never a manager, even with an id that is in the chain', () => {
    expect(isManagerOf(callerWith(Role.CUSTOMER, { employeeId: MANAGER }), chain)).toBe(false);
  });

  it('a caller without an employee record is not', () => {
    expect(isManagerOf(callerWith(Role.OPS_MANAGER, {}), chain)).toBe(false);
  });
});
