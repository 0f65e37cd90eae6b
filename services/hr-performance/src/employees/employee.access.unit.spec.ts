// Who reads an employment history (docs/product.md §9, least privilege): the employee themself, and ADMIN, HR and
// OPS_DIRECTOR; not a colleague, not their manager by role alone.
import { callerWith, Role } from '@opsgraph/domain';
import { canReadEmploymentHistory } from './employee.access';

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
