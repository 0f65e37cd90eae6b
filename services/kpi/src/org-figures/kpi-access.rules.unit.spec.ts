import { callerWith, Role } from '@opsgraph/domain';
import { canSeeDepartmentKpi, canSeeEmployeeKpi } from './kpi-access.rules';

const ANA = 'a0000000-0000-4000-8000-0000000000aa';
const MANAGER = 'b0000000-0000-4000-8000-0000000000bb';
const OTHER = 'c0000000-0000-4000-8000-0000000000cc';
const caller = (role: Role, employeeId?: string) => callerWith(role, { employeeId });
const chain = new Set([MANAGER]);

describe('canSeeEmployeeKpi', () => {
  it('lets the employee, their manager chain, HR, OPS_DIRECTOR and ADMIN see a person’s figures', () => {
    expect(canSeeEmployeeKpi(caller(Role.AGENT, ANA), ANA, chain)).toBe(true);
    expect(canSeeEmployeeKpi(caller(Role.OPS_MANAGER, MANAGER), ANA, chain)).toBe(true);
    expect(canSeeEmployeeKpi(caller(Role.HR), ANA, chain)).toBe(true);
    expect(canSeeEmployeeKpi(caller(Role.OPS_DIRECTOR), ANA, chain)).toBe(true);
    expect(canSeeEmployeeKpi(caller(Role.ADMIN), ANA, chain)).toBe(true);
  });

  it('refuses colleagues, analysts (aggregates only), callers without an employee and customers', () => {
    expect(canSeeEmployeeKpi(caller(Role.AGENT, OTHER), ANA, chain)).toBe(false);
    expect(canSeeEmployeeKpi(caller(Role.OPS_MANAGER, OTHER), ANA, chain)).toBe(false);
    expect(canSeeEmployeeKpi(caller(Role.ANALYST, OTHER), ANA, chain)).toBe(false);
    expect(canSeeEmployeeKpi(caller(Role.AGENT), ANA, chain)).toBe(false);
    // A customer token never passes, even one carrying the employee's or a manager's id.
    expect(canSeeEmployeeKpi(caller(Role.CUSTOMER, ANA), ANA, chain)).toBe(false);
    expect(canSeeEmployeeKpi(caller(Role.CUSTOMER, MANAGER), ANA, chain)).toBe(false);
  });
});

describe('canSeeDepartmentKpi', () => {
  it('lets the department’s manager chain, ANALYST, HR, OPS_DIRECTOR and ADMIN see aggregates', () => {
    expect(canSeeDepartmentKpi(caller(Role.OPS_MANAGER, MANAGER), chain)).toBe(true);
    expect(canSeeDepartmentKpi(caller(Role.ANALYST), chain)).toBe(true);
    expect(canSeeDepartmentKpi(caller(Role.HR), chain)).toBe(true);
    expect(canSeeDepartmentKpi(caller(Role.OPS_DIRECTOR), chain)).toBe(true);
    expect(canSeeDepartmentKpi(caller(Role.ADMIN), chain)).toBe(true);
  });

  it('refuses members who do not manage it, callers without an employee and customers', () => {
    expect(canSeeDepartmentKpi(caller(Role.AGENT, ANA), chain)).toBe(false);
    expect(canSeeDepartmentKpi(caller(Role.TECHNICIAN, OTHER), chain)).toBe(false);
    expect(canSeeDepartmentKpi(caller(Role.OPS_MANAGER), chain)).toBe(false);
    expect(canSeeDepartmentKpi(caller(Role.CUSTOMER, MANAGER), chain)).toBe(false);
  });
});
