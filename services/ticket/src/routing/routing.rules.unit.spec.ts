import {
  chooseAssignee,
  matchRule,
  routingDecision,
  unknownAssetNote,
  type Candidate,
  type RoutingRule,
} from './routing.rules';

const rule = (overrides: Partial<RoutingRule>): RoutingRule => ({
  id: overrides.name ?? 'r',
  name: 'r',
  position: 10,
  active: true,
  kinds: [],
  categories: [],
  channels: [],
  tiers: [],
  assetCategories: [],
  departmentId: 'dept-cs',
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

describe('matchRule', () => {
  const rules = [
    rule({ name: 'catch-all', position: 100, departmentId: 'dept-cs' }),
    rule({ name: 'vip faults', position: 1, kinds: ['FAULT'], tiers: ['VIP'], departmentId: 'dept-ts' }),
    rule({ name: 'data', position: 5, categories: ['DATA_ISSUE'], departmentId: 'dept-da' }),
    rule({ name: 'chat', position: 0, channels: ['ONLINE_CHAT'], active: false, departmentId: 'dept-x' }),
  ];

  it('takes the first rule by position whose every criterion admits the ticket', () => {
    expect(matchRule(rules, fault)?.name).toBe('vip faults');
    expect(matchRule(rules, { ...fault, tier: 'STANDARD' })?.name).toBe('catch-all');
    expect(matchRule(rules, { ...fault, tier: null, category: 'DATA_ISSUE' })?.name).toBe('data');
  });

  it('a criterion on a value the ticket lacks does not match; inactive rules never do', () => {
    expect(
      matchRule([rules[2]!], {
        kind: 'CONSULTATION',
        category: null,
        channel: 'WEB',
        tier: null,
        assetId: null,
        assetCategory: null,
      }),
    ).toBeNull();
    expect(matchRule([rules[3]!], { ...fault, channel: 'ONLINE_CHAT' })).toBeNull();
  });
});

describe('matchRule by asset category', () => {
  const rules = [
    rule({ name: 'network gear', position: 1, assetCategories: ['NETWORK', 'SERVER'], departmentId: 'dept-net' }),
    rule({ name: 'faults', position: 2, kinds: ['FAULT'], departmentId: 'dept-ts' }),
  ];
  const onAsset = { ...fault, assetId: 'asset-1', assetCategory: 'NETWORK' } as const;

  it('admits a ticket whose asset is in one of the rule’s categories', () => {
    expect(matchRule(rules, onAsset)?.name).toBe('network gear');
    expect(matchRule(rules, { ...onAsset, assetCategory: 'SERVER' })?.name).toBe('network gear');
    expect(matchRule(rules, { ...onAsset, assetCategory: 'PRINTER' })?.name).toBe('faults');
  });

  it('passes over asset-category rules without an asset, or with an asset not known yet', () => {
    expect(matchRule(rules, fault)?.name).toBe('faults');
    expect(matchRule(rules, { ...onAsset, assetCategory: null })?.name).toBe('faults');
  });
});

describe('chooseAssignee', () => {
  const team: Candidate[] = [
    { employeeId: 'e1', status: 'ACTIVE', load: 3 },
    { employeeId: 'e2', status: 'ACTIVE', load: 1 },
    { employeeId: 'e3', status: 'ON_LEAVE', load: 0 },
    { employeeId: 'e4', status: 'ACTIVE', load: 1 },
  ];

  it('round-robin takes the next eligible one after the last, wrapping, skipping people on leave', () => {
    const rr = { strategy: 'ROUND_ROBIN' as const, maxLoad: null };
    expect(chooseAssignee(rr, team, null).assigneeId).toBe('e1');
    expect(chooseAssignee(rr, team, 'e1').assigneeId).toBe('e2');
    expect(chooseAssignee(rr, team, 'e2').assigneeId).toBe('e4');
    expect(chooseAssignee(rr, team, 'e4').assigneeId).toBe('e1');
    expect(chooseAssignee(rr, team, 'e3').assigneeId).toBe('e4');
  });

  it('load-based takes the lightest load, sharing ties in turn', () => {
    const lb = { strategy: 'LOAD_BASED' as const, maxLoad: null };
    expect(chooseAssignee(lb, team, null)).toEqual({
      assigneeId: 'e2',
      reason: 'lightest load (1 running ticket) of 3; 1 skipped (not ACTIVE)',
    });
    expect(chooseAssignee(lb, team, 'e2').assigneeId).toBe('e4');
    expect(chooseAssignee(lb, team, 'e4').assigneeId).toBe('e2');
  });

  it('skips people at the cap, and leaves the ticket in the queue when nobody is eligible', () => {
    const capped = { strategy: 'LOAD_BASED' as const, maxLoad: 2 };
    expect(chooseAssignee(capped, team, null).assigneeId).toBe('e2');
    expect(chooseAssignee({ ...capped, maxLoad: 1 }, team, null)).toEqual({
      assigneeId: null,
      reason:
        'nobody eligible in the department; 4 skipped (not ACTIVE or at the cap of 1); left in its queue',
    });
    expect(chooseAssignee(capped, [], null).assigneeId).toBeNull();
  });
});

describe('routingDecision', () => {
  it('explains the rule, the criteria that matched and the choice', () => {
    const vip = rule({
      id: 'r1',
      name: 'vip faults',
      kinds: ['FAULT'],
      tiers: ['VIP'],
      strategy: 'LOAD_BASED',
    });
    expect(
      routingDecision(vip, fault, { assigneeId: 'e2', reason: 'lightest load (1 running ticket) of 3' }),
    ).toEqual({
      ruleId: 'r1',
      ruleName: 'vip faults',
      departmentId: 'dept-cs',
      strategy: 'LOAD_BASED',
      assigneeId: 'e2',
      reason:
        'rule "vip faults" matched (kind FAULT, tier VIP); LOAD_BASED: lightest load (1 running ticket) of 3',
    });
  });

  it('names the asset category it matched on', () => {
    const network = rule({ name: 'network gear', assetCategories: ['NETWORK'] });
    const ticket = { ...fault, assetId: 'asset-1', assetCategory: 'NETWORK' } as const;
    expect(routingDecision(network, ticket, { assigneeId: null, reason: 'nobody' }).reason).toBe(
      'rule "network gear" matched (asset category NETWORK); ROUND_ROBIN: nobody',
    );
  });

  it('says when the ticket’s asset was not known, so asset-category rules were passed over', () => {
    const ticket = { ...fault, assetId: 'asset-9', assetCategory: null } as const;
    expect(routingDecision(rule({ name: 'any' }), ticket, { assigneeId: 'e1', reason: 'next' }).reason).toBe(
      'rule "any" matched (any ticket); ROUND_ROBIN: next; asset asset-9 not known to the ticket service yet, so ' +
        'rules by asset category were passed over',
    );
    expect(unknownAssetNote({ assetId: null, assetCategory: null })).toBe('');
    expect(unknownAssetNote({ assetId: 'a', assetCategory: 'HVAC' })).toBe('');
  });
});
