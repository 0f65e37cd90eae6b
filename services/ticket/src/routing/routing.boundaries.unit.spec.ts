// Routing at intake (docs/product.md §12.3): turns go in employee-id order whatever order the directory lists people
// in, and Ticket.routing says why — for every criterion kind, for a catch-all rule, with or without skipped people.
import { chooseAssignee, routingDecision, type Candidate, type RoutingRule } from './routing.rules';

const rule = (overrides: Partial<RoutingRule>): RoutingRule => ({
  id: 'r1',
  name: 'r',
  position: 10,
  active: true,
  kinds: [],
  categories: [],
  channels: [],
  tiers: [],
  assetCategories: [],
  departmentId: 'dept-ts',
  strategy: 'ROUND_ROBIN',
  maxLoad: null,
  ...overrides,
});
const fault = {
  kind: 'FAULT',
  category: 'SYSTEM_FAULT',
  channel: 'PHONE',
  tier: 'VIP',
  assetId: null,
  assetCategory: null,
} as const;

describe('turns follow employee ids, not the order the directory lists people', () => {
  const listedBackwards: Candidate[] = [
    { employeeId: 'e3', status: 'ACTIVE', load: 2 },
    { employeeId: 'e2', status: 'ACTIVE', load: 2 },
    { employeeId: 'e1', status: 'ACTIVE', load: 2 },
  ];

  it('round-robin starts with the lowest id and goes up', () => {
    const rr = { strategy: 'ROUND_ROBIN' as const, maxLoad: null };
    expect(chooseAssignee(rr, listedBackwards, null).assigneeId).toBe('e1');
    expect(chooseAssignee(rr, listedBackwards, 'e1').assigneeId).toBe('e2');
  });

  it('load-based shares equal loads in the same id order', () => {
    const lb = { strategy: 'LOAD_BASED' as const, maxLoad: null };
    expect(chooseAssignee(lb, listedBackwards, null).assigneeId).toBe('e1');
    expect(chooseAssignee(lb, listedBackwards, 'e2').assigneeId).toBe('e3');
  });
});

describe('the reason of a choice', () => {
  const everyoneActive: Candidate[] = [
    { employeeId: 'e1', status: 'ACTIVE', load: 0 },
    { employeeId: 'e2', status: 'ACTIVE', load: 4 },
  ];

  it('round-robin names the size of the rotation, and mentions no skipped people when nobody was skipped', () => {
    expect(chooseAssignee({ strategy: 'ROUND_ROBIN', maxLoad: null }, everyoneActive, null)).toEqual({
      assigneeId: 'e1',
      reason: 'next in turn of 2',
    });
  });

  it('load-based says "tickets" for any load but one', () => {
    expect(chooseAssignee({ strategy: 'LOAD_BASED', maxLoad: null }, everyoneActive, null).reason).toBe(
      'lightest load (0 running tickets) of 2',
    );
  });

  it('names the cap when people were skipped for being at it', () => {
    expect(chooseAssignee({ strategy: 'ROUND_ROBIN', maxLoad: 4 }, everyoneActive, null).reason).toBe(
      'next in turn of 1; 1 skipped (not ACTIVE or at the cap of 4)',
    );
  });
});

describe('Ticket.routing names the criteria that matched', () => {
  it('category and channel criteria', () => {
    const decision = routingDecision(
      rule({ name: 'phone faults', categories: ['SYSTEM_FAULT'], channels: ['PHONE'] }),
      fault,
      { assigneeId: null, reason: 'nobody eligible' },
    );
    expect(decision.reason).toBe(
      'rule "phone faults" matched (category SYSTEM_FAULT, channel PHONE); ROUND_ROBIN: nobody eligible',
    );
  });

  it('a rule without criteria matched "any ticket"', () => {
    expect(
      routingDecision(rule({ name: 'catch-all' }), fault, { assigneeId: 'e1', reason: 'next in turn of 1' })
        .reason,
    ).toBe('rule "catch-all" matched (any ticket); ROUND_ROBIN: next in turn of 1');
  });
});
