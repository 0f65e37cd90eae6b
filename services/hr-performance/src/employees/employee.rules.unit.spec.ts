import {
  canChangeStatus,
  EMPLOYEE_NUMBER,
  formatEmployeeNumber,
  isEmployed,
  isEmployeePosition,
  isIsoDate,
  managerChainOf,
  wouldCreateManagerCycle,
} from './employee.rules';

describe('employee status', () => {
  // ACTIVE ⇄ ON_LEAVE and leaving from either; LEFT is final
  it.each([
    ['ACTIVE', 'ON_LEAVE', true],
    ['ON_LEAVE', 'ACTIVE', true],
    ['ACTIVE', 'LEFT', true],
    ['ON_LEAVE', 'LEFT', true],
    ['LEFT', 'ACTIVE', false],
    ['LEFT', 'ON_LEAVE', false],
    ['ACTIVE', 'ACTIVE', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canChangeStatus(from, to)).toBe(allowed);
  });
});

describe('positions', () => {
  it('knows the positions of 001 §二 and nothing else', () => {
    expect(isEmployeePosition('CS_SPECIALIST')).toBe(true);
    expect(isEmployeePosition('OPS_DIRECTOR')).toBe(true);
    expect(isEmployeePosition('JANITOR')).toBe(false);
    expect(isEmployeePosition('cs_specialist')).toBe(false);
  });
});

describe('manager chain', () => {
  // director ← manager ← agent
  const managers = new Map<string, string | null>([
    ['director', null],
    ['manager', 'director'],
    ['agent', 'manager'],
  ]);

  it('walks upwards', () => {
    expect(managerChainOf('agent', managers)).toEqual(['manager', 'director']);
  });

  it('refuses a manager who is the employee or reports to them', () => {
    expect(wouldCreateManagerCycle('manager', 'manager', managers)).toBe(true);
    expect(wouldCreateManagerCycle('director', 'agent', managers)).toBe(true);
    expect(wouldCreateManagerCycle('agent', 'director', managers)).toBe(false);
    expect(wouldCreateManagerCycle('agent', null, managers)).toBe(false);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['2024-01-01T00:00:00Z', false],
    ['x2024-01-01', false],
    ['2024-04-31', false],
    ['2024-00-10', false],
    // years before 100 are no dates an HR record holds (and JavaScript would read them as 19xx)
    ['0050-01-01', false],
  ])('%s → %s', (text, ok) => {
    expect(isIsoDate(text)).toBe(ok);
  });
});

describe('formatEmployeeNumber', () => {
  it('pads to six digits and grows beyond', () => {
    expect(formatEmployeeNumber(7)).toBe('EMP-000007');
    expect(formatEmployeeNumber(1234567)).toBe('EMP-1234567');
    expect(() => formatEmployeeNumber(0)).toThrow(RangeError);
    expect(() => formatEmployeeNumber(0)).toThrow(
      'A employee sequence number must be a positive integer, got 0',
    );
  });
});

describe('employment', () => {
  it('counts active and on-leave employees as employed, not those who left', () => {
    expect((['ACTIVE', 'ON_LEAVE', 'LEFT'] as const).map(isEmployed)).toEqual([true, true, false]);
  });
});

describe('explicit employee numbers', () => {
  it.each([
    ['EMP-0001', true],
    ['AB', true],
    ['7-11', true],
    ['A'.repeat(32), true],
    ['A', false],
    ['A'.repeat(33), false],
    ['-AB', false],
    ['emp-1', false],
    ['EMP 1', false],
    ['EMP_1', false],
    [' EMP1', false],
    ['EMP1 ', false],
  ])('%p is a valid number: %p', (text, ok) => {
    expect(EMPLOYEE_NUMBER.test(text)).toBe(ok);
  });
});
