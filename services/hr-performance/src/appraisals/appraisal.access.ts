// Who may see and write what of an appraisal (docs/product.md §HR-2): HR appraisal data is visible to the
// employee, their managers and HR; peer reviews reach the reviewee only aggregated. Pure.
import type { KnownCaller } from '@opsgraph/domain';
import { isManagerOf, isSelfOrManager } from '../employees/employee.access';
import { permissions } from '../permissions';

/** The manager chain of the appraised employee, plus the reviewer named when the cycle opened. */
export interface AppraisalPeople {
  readonly employeeId: string;
  readonly reviewerId: string | null;
  readonly managerChain: ReadonlySet<string>;
}

const managers = (people: AppraisalPeople): ReadonlySet<string> =>
  people.reviewerId ? new Set([...people.managerChain, people.reviewerId]) : people.managerChain;

export function canSeeAppraisal(caller: KnownCaller, people: AppraisalPeople): boolean {
  return (
    permissions.can(caller, 'SEE_ANY_APPRAISAL') ||
    isSelfOrManager(caller, people.employeeId, managers(people))
  );
}

/** Individual peer reviews (who said what): HR and the managers, never the reviewee. */
export function canSeePeerReviews(caller: KnownCaller, people: AppraisalPeople): boolean {
  if (caller.employeeId === people.employeeId) return false;
  return permissions.can(caller, 'SEE_ANY_APPRAISAL') || isManagerOf(caller, managers(people));
}

/** Manager review, peer selection, feedback notes and the improvement plan. */
export function canReviewAsManager(caller: KnownCaller, people: AppraisalPeople): boolean {
  if (caller.employeeId === people.employeeId) return false;
  return permissions.can(caller, 'REVIEW_ANY_APPRAISAL') || isManagerOf(caller, managers(people));
}

/** Feedback notes and improvement plans: the managers, and HR. */
export function canCoach(caller: KnownCaller, people: AppraisalPeople): boolean {
  return canReviewAsManager(caller, people) || permissions.can(caller, 'MANAGE_APPRAISALS');
}

/**
 * A department's grade distribution (aggregates only): the managers of it or of an ancestor department, and the
 * roles the permission table names (ANALYST included) — not plain members.
 */
export function canSeeGradeDistribution(
  caller: KnownCaller,
  departmentManagerChain: ReadonlySet<string>,
): boolean {
  return permissions.can(caller, 'SEE_ANY_GRADE_DISTRIBUTION') || isManagerOf(caller, departmentManagerChain);
}

export function isAppraisee(caller: KnownCaller, people: AppraisalPeople): boolean {
  return caller.employeeId === people.employeeId;
}
