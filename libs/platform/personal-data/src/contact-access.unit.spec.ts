import { callerWith, Role } from '@opsgraph/domain';
import { canViewCustomer, CONTACT_ACCESS, contactVisibility } from './contact-access';

const OWN = '9b2e6d40-1c3f-4a85-b7e2-5d8f0a1c3e67';
const OTHER = '3f7c1a52-8e4b-4d2a-9c61-0b5e2f9a7d14';
const caller = (role: Role, customerId?: string) => callerWith(role, { customerId });

describe('personal-data access matrix', () => {
  it('covers every role', () => {
    expect(Object.keys(CONTACT_ACCESS).sort()).toEqual(Object.values(Role).sort());
  });

  it.each([
    [Role.ADMIN, 'FULL'],
    [Role.OPS_DIRECTOR, 'FULL'],
    [Role.OPS_MANAGER, 'FULL'],
    [Role.AGENT, 'FULL'],
    [Role.TECHNICIAN, 'MASKED'],
    [Role.ANALYST, 'MASKED'],
    [Role.HR, 'MASKED'],
  ])('%s sees contacts %s and every customer', (role, visibility) => {
    expect(contactVisibility(caller(role), OTHER)).toBe(visibility);
    expect(canViewCustomer(caller(role), OTHER)).toBe(true);
  });

  it('lets a portal customer see its own record in clear and no other record at all', () => {
    expect(canViewCustomer(caller(Role.CUSTOMER, OWN), OWN)).toBe(true);
    expect(contactVisibility(caller(Role.CUSTOMER, OWN), OWN)).toBe('FULL');
    expect(canViewCustomer(caller(Role.CUSTOMER, OWN), OTHER)).toBe(false);
    expect(contactVisibility(caller(Role.CUSTOMER, OWN), OTHER)).toBe('NONE');
    expect(canViewCustomer(caller(Role.CUSTOMER), OWN)).toBe(false);
  });
});
