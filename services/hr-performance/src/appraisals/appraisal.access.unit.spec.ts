// Who sees and writes what of an appraisal (docs/product.md §HR-2 and §9): appraisal data is visible to the employee,
// their managers (the manager chain and the reviewer named when the cycle opened) and HR; individual peer reviews
// never reach the reviewee; the manager review is the managers' (and ADMIN/OPS_DIRECTOR's), never the reviewee's own.
import { callerWith, Role } from '@opsgraph/domain';
import {
  canCoach,
  canReviewAsManager,
  canSeeAppraisal,
  canSeeGradeDistribution,
  canSeePeerReviews,
  isAppraisee,
  type AppraisalPeople,
} from './appraisal.access';

const EMPLOYEE = 'a0000000-0000-4000-8000-0000000000aa';
const LINE_MANAGER = 'b0000000-0000-4000-8000-0000000000bb';
const REVIEWER = 'd0000000-0000-4000-8000-0000000000dd';
const COLLEAGUE = 'c0000000-0000-4000-8000-0000000000cc';
const people: AppraisalPeople = {
  employeeId: EMPLOYEE,
  reviewerId: REVIEWER,
  managerChain: new Set([LINE_MANAGER]),
};
const withoutReviewer: AppraisalPeople = { ...people, reviewerId: null };
const caller = (role: Role, employeeId?: string) => callerWith(role, { employeeId });

describe('canSeeAppraisal', () => {
  it('the employee, the manager chain, the named reviewer, and HR/OPS_DIRECTOR/ADMIN see it', () => {
    expect(canSeeAppraisal(caller(Role.AGENT, EMPLOYEE), people)).toBe(true);
    expect(canSeeAppraisal(caller(Role.OPS_MANAGER, LINE_MANAGER), people)).toBe(true);
    expect(canSeeAppraisal(caller(Role.OPS_MANAGER, REVIEWER), people)).toBe(true);
    for (const role of [Role.HR, Role.OPS_DIRECTOR, Role.ADMIN])
      expect(canSeeAppraisal(caller(role), people)).toBe(true);
  });

  it('a colleague, an analyst and the reviewer of a cycle that named none do not', () => {
    expect(canSeeAppraisal(caller(Role.AGENT, COLLEAGUE), people)).toBe(false);
    expect(canSeeAppraisal(caller(Role.ANALYST, COLLEAGUE), people)).toBe(false);
    expect(canSeeAppraisal(caller(Role.OPS_MANAGER, REVIEWER), withoutReviewer)).toBe(false);
  });
});

describe('canSeePeerReviews: who said what', () => {
  it('HR and the managers see individual peer reviews', () => {
    expect(canSeePeerReviews(caller(Role.HR), people)).toBe(true);
    expect(canSeePeerReviews(caller(Role.OPS_MANAGER, LINE_MANAGER), people)).toBe(true);
    expect(canSeePeerReviews(caller(Role.OPS_MANAGER, REVIEWER), people)).toBe(true);
  });

  it('never the reviewee, whatever their role; nor a colleague', () => {
    expect(canSeePeerReviews(caller(Role.AGENT, EMPLOYEE), people)).toBe(false);
    expect(canSeePeerReviews(caller(Role.HR, EMPLOYEE), people)).toBe(false);
    expect(canSeePeerReviews(caller(Role.AGENT, COLLEAGUE), people)).toBe(false);
  });
});

describe('canReviewAsManager and canCoach', () => {
  it('the managers and ADMIN/OPS_DIRECTOR review; HR does not review but coaches', () => {
    expect(canReviewAsManager(caller(Role.OPS_MANAGER, LINE_MANAGER), people)).toBe(true);
    expect(canReviewAsManager(caller(Role.OPS_MANAGER, REVIEWER), people)).toBe(true);
    expect(canReviewAsManager(caller(Role.OPS_DIRECTOR), people)).toBe(true);
    expect(canReviewAsManager(caller(Role.HR), people)).toBe(false);
    expect(canCoach(caller(Role.HR), people)).toBe(true);
    expect(canCoach(caller(Role.OPS_MANAGER, LINE_MANAGER), people)).toBe(true);
  });

  it('nobody reviews their own appraisal as manager, not even an OPS_DIRECTOR', () => {
    expect(canReviewAsManager(caller(Role.OPS_DIRECTOR, EMPLOYEE), people)).toBe(false);
    expect(canCoach(caller(Role.AGENT, EMPLOYEE), people)).toBe(false);
  });

  it('a colleague neither reviews nor coaches', () => {
    expect(canReviewAsManager(caller(Role.AGENT, COLLEAGUE), people)).toBe(false);
    expect(canCoach(caller(Role.AGENT, COLLEAGUE), people)).toBe(false);
  });
});

describe('isAppraisee', () => {
  it('is the appraised employee only', () => {
    expect(isAppraisee(caller(Role.AGENT, EMPLOYEE), people)).toBe(true);
    expect(isAppraisee(caller(Role.OPS_MANAGER, LINE_MANAGER), people)).toBe(false);
  });
});

describe('canSeeGradeDistribution', () => {
  const chain = new Set([LINE_MANAGER]);

  it('the department’s manager chain, ANALYST, HR, OPS_DIRECTOR and ADMIN see the aggregate', () => {
    expect(canSeeGradeDistribution(callerWith(Role.OPS_MANAGER, { employeeId: LINE_MANAGER }), chain)).toBe(
      true,
    );
    for (const role of [Role.ANALYST, Role.HR, Role.OPS_DIRECTOR, Role.ADMIN])
      expect(canSeeGradeDistribution(callerWith(role), chain)).toBe(true);
  });

  it('refuses members who do not manage it, staff without an employee record and customers', () => {
    expect(canSeeGradeDistribution(callerWith(Role.AGENT, { employeeId: EMPLOYEE }), chain)).toBe(false);
    expect(canSeeGradeDistribution(callerWith(Role.OPS_MANAGER, {}), chain)).toBe(false);
    expect(canSeeGradeDistribution(callerWith(Role.CUSTOMER, { employeeId: LINE_MANAGER }), chain)).toBe(
      false,
    );
  });
});
