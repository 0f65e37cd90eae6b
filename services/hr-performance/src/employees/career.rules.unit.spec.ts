import { validateCareerMove, type CareerState } from './career.rules';

const current: CareerState = { position: 'CS_SPECIALIST', departmentId: 'cs', payGrade: 5 };
const fields = (request: Parameters<typeof validateCareerMove>[1], state = current) =>
  validateCareerMove(state, request).map((violation) => violation.field);

describe('career moves', () => {
  it('promotes by raising the pay grade, with or without a new position', () => {
    expect(fields({ move: 'PROMOTION', payGrade: 6 })).toEqual([]);
    expect(fields({ move: 'PROMOTION', payGrade: 7, position: 'OPS_MANAGER' })).toEqual([]);
    expect(fields({ move: 'PROMOTION', payGrade: 5 })).toEqual(['input.payGrade']);
    expect(fields({ move: 'PROMOTION', payGrade: 4 })).toEqual(['input.payGrade']);
    expect(fields({ move: 'PROMOTION', payGrade: 6, departmentId: 'tech' })).toEqual(['input.departmentId']);
    expect(fields({ move: 'PROMOTION', payGrade: 6 }, { ...current, payGrade: null })).toEqual([
      'input.payGrade',
    ]);
  });

  it('demotes by lowering it', () => {
    expect(fields({ move: 'DEMOTION', payGrade: 4 })).toEqual([]);
    expect(fields({ move: 'DEMOTION', payGrade: 6 })).toEqual(['input.payGrade']);
    expect(fields({ move: 'DEMOTION' })).toEqual(['input.payGrade']);
  });

  it('rotates to another department at the same pay grade (輪崗)', () => {
    expect(fields({ move: 'ROTATION', departmentId: 'tech' })).toEqual([]);
    expect(fields({ move: 'ROTATION', departmentId: 'tech', position: 'TECHNICIAN', payGrade: 5 })).toEqual(
      [],
    );
    expect(fields({ move: 'ROTATION', departmentId: 'cs' })).toEqual(['input.departmentId']);
    expect(fields({ move: 'ROTATION', departmentId: 'tech', payGrade: 6 })).toEqual(['input.payGrade']);
  });

  it('changes only the pay grade with PAY_GRADE_CHANGE (also the first one)', () => {
    expect(fields({ move: 'PAY_GRADE_CHANGE', payGrade: 3 })).toEqual([]);
    expect(fields({ move: 'PAY_GRADE_CHANGE', payGrade: 3 }, { ...current, payGrade: null })).toEqual([]);
    expect(fields({ move: 'PAY_GRADE_CHANGE', payGrade: 5 })).toEqual(['input.payGrade']);
    expect(fields({ move: 'PAY_GRADE_CHANGE', payGrade: 6, position: 'TECHNICIAN' })).toEqual(['input']);
  });

  it('refuses a pay grade outside 1–30', () => {
    expect(fields({ move: 'PAY_GRADE_CHANGE', payGrade: 31 })).toEqual(['input.payGrade']);
    expect(fields({ move: 'PROMOTION', payGrade: 0 })).toEqual(['input.payGrade']);
  });
});

describe('career move limits and messages', () => {
  const violations = (request: Parameters<typeof validateCareerMove>[1], state = current) =>
    validateCareerMove(state, request);

  it('takes pay grades 1 and 30, not 0, 31 or a fraction, and says so', () => {
    expect(violations({ move: 'PAY_GRADE_CHANGE', payGrade: 1 })).toEqual([]);
    expect(violations({ move: 'PAY_GRADE_CHANGE', payGrade: 30 })).toEqual([]);
    for (const payGrade of [0, 31, 5.5]) {
      expect(violations({ move: 'PAY_GRADE_CHANGE', payGrade })).toEqual([
        { field: 'input.payGrade', message: 'a pay grade is a whole number 1–30' },
      ]);
    }
  });

  it('explains a promotion or demotion that does not move the pay grade the right way', () => {
    expect(violations({ move: 'PROMOTION', payGrade: 5 })).toEqual([
      { field: 'input.payGrade', message: 'a promotion raises the current pay grade (5)' },
    ]);
    expect(violations({ move: 'DEMOTION', payGrade: 5 })).toEqual([
      { field: 'input.payGrade', message: 'a demotion lowers the current pay grade (5)' },
    ]);
    expect(violations({ move: 'DEMOTION', payGrade: 3 }, { ...current, payGrade: null })).toEqual([
      { field: 'input.payGrade', message: 'a demotion lowers the current pay grade (none)' },
    ]);
    expect(violations({ move: 'PROMOTION', payGrade: 6, departmentId: 'tech' })).toEqual([
      { field: 'input.departmentId', message: 'a department change is a ROTATION or a transfer' },
    ]);
  });

  it('explains a rotation that stays or changes the pay grade', () => {
    expect(violations({ move: 'ROTATION', departmentId: 'cs', payGrade: 6 })).toEqual([
      { field: 'input.departmentId', message: 'a rotation moves to another department' },
      { field: 'input.payGrade', message: 'a rotation keeps the pay grade' },
    ]);
  });

  it('explains a pay-grade change that changes nothing else, or something else', () => {
    expect(violations({ move: 'PAY_GRADE_CHANGE', payGrade: 5 })).toEqual([
      { field: 'input.payGrade', message: 'a pay-grade change needs a new pay grade' },
    ]);
    expect(violations({ move: 'PAY_GRADE_CHANGE' })).toEqual([
      { field: 'input.payGrade', message: 'a pay-grade change needs a new pay grade' },
    ]);
    expect(violations({ move: 'PAY_GRADE_CHANGE', payGrade: 6, position: 'OPS_MANAGER' })).toEqual([
      { field: 'input', message: 'a pay-grade change changes neither position nor department' },
    ]);
    expect(
      violations({ move: 'PAY_GRADE_CHANGE', payGrade: 6, position: 'CS_SPECIALIST', departmentId: 'cs' }),
    ).toEqual([]);
  });
});
