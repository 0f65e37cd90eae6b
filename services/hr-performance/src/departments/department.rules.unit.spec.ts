import {
  ancestorsOf,
  changedDepartmentFields,
  DEPARTMENT_CODE,
  normalizeDepartmentCode,
  subtreeOf,
  wouldCreateCycle,
} from './department.rules';

// centre ─┬─ cs ─── cs-hotline
//         └─ tech
const parents = new Map<string, string | null>([
  ['centre', null],
  ['cs', 'centre'],
  ['cs-hotline', 'cs'],
  ['tech', 'centre'],
]);

describe('department tree', () => {
  it('lists ancestors nearest first', () => {
    expect(ancestorsOf('cs-hotline', parents)).toEqual(['cs', 'centre']);
    expect(ancestorsOf('centre', parents)).toEqual([]);
  });

  it('refuses a parent that is the department itself or one of its descendants', () => {
    expect(wouldCreateCycle('cs', 'cs', parents)).toBe(true);
    expect(wouldCreateCycle('cs', 'cs-hotline', parents)).toBe(true);
    expect(wouldCreateCycle('centre', 'cs-hotline', parents)).toBe(true);
  });

  it('accepts moving under a sibling branch or to the top', () => {
    expect(wouldCreateCycle('cs-hotline', 'tech', parents)).toBe(false);
    expect(wouldCreateCycle('cs', null, parents)).toBe(false);
    expect(wouldCreateCycle('tech', 'cs-hotline', parents)).toBe(false);
  });

  it('does not loop on corrupt data', () => {
    const corrupt = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(ancestorsOf('a', corrupt)).toEqual(['b']);
    expect(wouldCreateCycle('c', 'a', corrupt)).toBe(false);
  });

  it('collects a subtree', () => {
    expect(subtreeOf('cs', parents).sort()).toEqual(['cs', 'cs-hotline']);
    expect(subtreeOf('centre', parents).sort()).toEqual(['centre', 'cs', 'cs-hotline', 'tech']);
    expect(subtreeOf('tech', parents)).toEqual(['tech']);
  });

  it('collects a subtree once, even on corrupt data with a cycle', () => {
    const corrupt = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
      ['c', 'a'],
    ]);
    expect(subtreeOf('a', corrupt).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('department code', () => {
  it.each([
    ['CS', true],
    ['MKT-OPS', true],
    ['DATA_ANALYSIS', true],
    ['C', false],
    ['1CS', false],
    ['cs', false],
    ['CS OPS', false],
    ['C' + 'S'.repeat(31), true],
    ['C' + 'S'.repeat(32), false],
    ['CS-', true],
    ['XCS!', false],
    ['-CS', false],
  ])('%s → %s', (code, ok) => {
    expect(DEPARTMENT_CODE.test(code)).toBe(ok);
  });

  it('is normalized to upper case without surrounding spaces', () => {
    expect(normalizeDepartmentCode('  mkt-ops ')).toBe('MKT-OPS');
  });
});

describe('changedDepartmentFields', () => {
  it('lists the fields that differ, in the contract order', () => {
    const before = { code: 'CS', name: 'Customer service', parentId: 'centre', managerId: null };
    expect(changedDepartmentFields(before, { ...before })).toEqual([]);
    expect(changedDepartmentFields(before, { ...before, managerId: 'x', code: 'CSD' })).toEqual([
      'code',
      'managerId',
    ]);
  });

  it.each([
    ['code', 'CSD'],
    ['name', 'Service desk'],
    ['parentId', null],
    ['managerId', 'emp-1'],
  ] as const)('sees a change of %s alone', (field, value) => {
    const before = { code: 'CS', name: 'Customer service', parentId: 'centre', managerId: null };
    expect(changedDepartmentFields(before, { ...before, [field]: value })).toEqual([field]);
  });
});
