import { callerWith, Role } from '@opsgraph/domain';
import { canActOn, requireActor } from './incident.access';

const COMMANDER = '11111111-1111-4111-8111-111111111111';
const HOLDER = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';
const incident = { commanderId: COMMANDER, roles: [{ employeeId: HOLDER }] };

describe('canActOn', () => {
  it.each([Role.ADMIN, Role.OPS_DIRECTOR, Role.OPS_MANAGER])('lets %s act on any incident', (role) => {
    expect(canActOn(callerWith(role), { commanderId: null, roles: [] })).toBe(true);
  });

  it('lets the commander and the role holders act on their incident', () => {
    expect(canActOn(callerWith(Role.TECHNICIAN, { employeeId: COMMANDER }), incident)).toBe(true);
    expect(canActOn(callerWith(Role.AGENT, { employeeId: HOLDER }), incident)).toBe(true);
  });

  it('refuses other staff, staff without an employee id, a customer and nobody', () => {
    expect(canActOn(callerWith(Role.TECHNICIAN, { employeeId: OTHER }), incident)).toBe(false);
    expect(canActOn(callerWith(Role.TECHNICIAN), incident)).toBe(false);
    expect(canActOn(callerWith(Role.CUSTOMER, { employeeId: COMMANDER }), incident)).toBe(false);
    expect(canActOn(null, incident)).toBe(false);
    expect(() => requireActor(callerWith(Role.ANALYST, { employeeId: OTHER }), incident)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});

describe('requireActor', () => {
  it('returns the caller who may act: a manager, the commander, a holder of any one of several roles', () => {
    const manager = callerWith(Role.OPS_MANAGER);
    expect(requireActor(manager, { commanderId: null, roles: [] })).toBe(manager);
    const commander = callerWith(Role.TECHNICIAN, { employeeId: COMMANDER });
    expect(requireActor(commander, incident)).toBe(commander);
    const holder = callerWith(Role.AGENT, { employeeId: HOLDER });
    const roles = [{ employeeId: OTHER }, { employeeId: HOLDER }];
    expect(requireActor(holder, { commanderId: null, roles })).toBe(holder);
  });

  it('tells other staff who acts on an incident, also on one without commander or roles', () => {
    const other = callerWith(Role.TECHNICIAN, { employeeId: OTHER });
    for (const people of [incident, { commanderId: null, roles: [] }]) {
      expect(canActOn(other, people)).toBe(false);
      expect(() => requireActor(other, people)).toThrow(
        expect.objectContaining({
          code: 'FORBIDDEN',
          message: 'Only managers, the commander and the incident’s role holders act on it',
        }),
      );
    }
  });

  it('is UNAUTHENTICATED without a caller and FORBIDDEN for a customer, whatever employee id it carries', () => {
    expect(() => requireActor(null, incident)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => requireActor(callerWith(Role.CUSTOMER, { employeeId: COMMANDER }), incident)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});
