// The appraisal's workflow (docs/product.md §HR-2). Pure.
//
// OPEN → SELF_REVIEW → MANAGER_REVIEW → CALIBRATION → PUBLISHED → ACKNOWLEDGED, plus one way back: calibration may
// return an appraisal to the manager (the only rework a reviewed appraisal gets before it is published). A
// published appraisal is frozen; corrections are amendments, which do not move the state.
import { APPRAISAL_STATUSES } from '@opsgraph/contracts-events';
import { type FieldViolation } from '@opsgraph/domain';
import type { Grade } from './grading.rules';

export { APPRAISAL_STATUSES };
export type AppraisalStatus = (typeof APPRAISAL_STATUSES)[number];

const NEXT: Readonly<Record<AppraisalStatus, readonly AppraisalStatus[]>> = {
  OPEN: ['SELF_REVIEW'],
  SELF_REVIEW: ['MANAGER_REVIEW'],
  MANAGER_REVIEW: ['CALIBRATION'],
  CALIBRATION: ['PUBLISHED', 'MANAGER_REVIEW'],
  PUBLISHED: ['ACKNOWLEDGED'],
  ACKNOWLEDGED: [],
};

export function canMoveAppraisal(from: AppraisalStatus, to: AppraisalStatus): boolean {
  return NEXT[from].includes(to);
}

/** Published and acknowledged appraisals keep the scores of their publication. */
export function isFrozen(status: AppraisalStatus): boolean {
  return status === 'PUBLISHED' || status === 'ACKNOWLEDGED';
}

/** Peers may review, and the manager may choose peers, until calibration starts. */
export function acceptsPeerReviews(status: AppraisalStatus): boolean {
  return status === 'OPEN' || status === 'SELF_REVIEW' || status === 'MANAGER_REVIEW';
}

export const IMPROVEMENT_OUTCOMES = ['PENDING', 'MET', 'NOT_MET'] as const;
export type ImprovementOutcome = (typeof IMPROVEMENT_OUTCOMES)[number];

export interface ImprovementPlan {
  readonly goals: readonly string[];
  readonly checkpoints: readonly { readonly due: string; readonly description: string }[];
  readonly outcome: ImprovementOutcome;
}

/** Under-performers (C, D) get an improvement plan before their result is published (001 §七(三)2). */
export function needsImprovementPlan(grade: Grade | null): boolean {
  return grade === 'C' || grade === 'D';
}

/** What stops publication: no grade yet, or a C/D without a plan with at least one goal and one checkpoint. */
export function publicationBlockers(grade: Grade | null, plan: ImprovementPlan | null): FieldViolation[] {
  if (grade === null) {
    return [
      { field: 'input.appraisalId', message: 'the appraisal has no grade yet: calibrate the cycle first' },
    ];
  }
  if (!needsImprovementPlan(grade)) return [];
  if (plan === null || plan.goals.length === 0 || plan.checkpoints.length === 0) {
    return [
      {
        field: 'input.appraisalId',
        message: `a ${grade} needs an improvement plan with goals and checkpoints before publication`,
      },
    ];
  }
  return [];
}
