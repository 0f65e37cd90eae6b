// Who counts as a manager for performance data (docs/product.md §9 and §HR-2): someone in the manager chain who is
// an employee — never a customer, whatever id it carries, and never a caller without an employee record.
import { callerWith, Role } from '@opsgraph/domain';
import { canSeeDepartmentKpi, isManagerOf } from './kpi.access';

const MANAGER = 'b0000000-0000-4000-8000-0000000000bb';
const OTHER = 'c0000000-0000-4000-8000-0000000000cc';
const chain = new Set([MANAGER]);

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

describe('canSeeDepartmentKpi', () => {
  it('a customer whose id is in the chain is refused', () => {
    expect(canSeeDepartmentKpi(callerWith(Role.CUSTOMER, { employeeId: MANAGER }), chain)).toBe(false);
  });

  it('a staff caller without an employee record is refused', () => {
    expect(canSeeDepartmentKpi(callerWith(Role.OPS_MANAGER, {}), chain)).toBe(false);
  });
});
