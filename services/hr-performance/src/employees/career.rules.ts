// Promotions, demotions, rotations (輪崗) and pay-grade changes (docs/product.md §HR-2; 「晉升、降職」 P2 §四(一)4,
// 「晉升通道、培訓計劃、輪崗機會」 P2 §四(二)3). Pure: what a move must change, and what it must leave alone.
import { CAREER_MOVES, type EmployeePosition } from '@opsgraph/contracts-events';
import type { FieldViolation } from '@opsgraph/domain';

export { CAREER_MOVES };
export type CareerMove = (typeof CAREER_MOVES)[number];

export const PAY_GRADES = { min: 1, max: 30 } as const;

export interface CareerState {
  readonly position: EmployeePosition;
  readonly departmentId: string;
  readonly payGrade: number | null;
}

export interface CareerMoveRequest {
  readonly move: CareerMove;
  readonly position?: EmployeePosition | null;
  readonly departmentId?: string | null;
  readonly payGrade?: number | null;
}

/**
 * - PROMOTION raises the pay grade (the position may change with it);
 * - DEMOTION lowers it (the position may change with it);
 * - ROTATION moves to another department at the same pay grade (the position may change);
 * - PAY_GRADE_CHANGE changes only the pay grade.
 * A first pay grade (none before) counts as neither a raise nor a cut: set it with PAY_GRADE_CHANGE.
 */
export function validateCareerMove(current: CareerState, request: CareerMoveRequest): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const grade = request.payGrade ?? null;
  if (grade !== null && !(Number.isInteger(grade) && grade >= PAY_GRADES.min && grade <= PAY_GRADES.max)) {
    return [
      {
        field: 'input.payGrade',
        message: `a pay grade is a whole number ${PAY_GRADES.min}–${PAY_GRADES.max}`,
      },
    ];
  }
  const movesDepartment = !!request.departmentId && request.departmentId !== current.departmentId;
  const changesPosition = !!request.position && request.position !== current.position;
  switch (request.move) {
    case 'PROMOTION':
    case 'DEMOTION': {
      const up = request.move === 'PROMOTION';
      if (
        grade === null ||
        current.payGrade === null ||
        (up ? grade <= current.payGrade : grade >= current.payGrade)
      ) {
        violations.push({
          field: 'input.payGrade',
          message: `a ${request.move.toLowerCase()} ${up ? 'raises' : 'lowers'} the current pay grade (${current.payGrade ?? 'none'})`,
        });
      }
      if (movesDepartment) {
        violations.push({
          field: 'input.departmentId',
          message: 'a department change is a ROTATION or a transfer',
        });
      }
      break;
    }
    case 'ROTATION':
      if (!movesDepartment) {
        violations.push({ field: 'input.departmentId', message: 'a rotation moves to another department' });
      }
      if (grade !== null && grade !== current.payGrade) {
        violations.push({ field: 'input.payGrade', message: 'a rotation keeps the pay grade' });
      }
      break;
    case 'PAY_GRADE_CHANGE':
      if (grade === null || grade === current.payGrade) {
        violations.push({ field: 'input.payGrade', message: 'a pay-grade change needs a new pay grade' });
      }
      if (changesPosition || movesDepartment) {
        violations.push({
          field: 'input',
          message: 'a pay-grade change changes neither position nor department',
        });
      }
      break;
  }
  return violations;
}
