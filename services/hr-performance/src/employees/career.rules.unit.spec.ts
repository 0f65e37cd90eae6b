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
