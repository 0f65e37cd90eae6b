// Who may do what in hr-performance, in one table. Finer rules (the employee themself, their managers) build on
// it in employees/employee.access.ts and appraisals/appraisal.access.ts. Every authenticated caller may read the
// directory.
import { definePermissions, Role } from '@opsgraph/domain';

export const permissions = definePermissions({
  /** Create and change departments and employees, and set the KPI weights. */
  MAINTAIN_ORGANISATION: [Role.ADMIN, Role.HR, Role.OPS_DIRECTOR],
  /** Read anyone's employment history (the employee reads their own). */
  READ_ANY_EMPLOYMENT_HISTORY: [Role.ADMIN, Role.HR, Role.OPS_DIRECTOR],
  /** See every department's grade distribution (ANALYST gets aggregates, never a person's). */
  SEE_ANY_GRADE_DISTRIBUTION: [Role.ADMIN, Role.HR, Role.OPS_DIRECTOR, Role.ANALYST],
  /** Open and calibrate appraisal cycles, publish and amend results (docs/product.md §HR-2). */
  MANAGE_APPRAISALS: [Role.ADMIN, Role.HR, Role.OPS_DIRECTOR],
  /** See anyone's appraisal, individual peer reviews included (otherwise: the employee and their managers). */
  SEE_ANY_APPRAISAL: [Role.ADMIN, Role.HR, Role.OPS_DIRECTOR],
  /** Write the manager review of anyone (the director manages the whole centre). */
  REVIEW_ANY_APPRAISAL: [Role.ADMIN, Role.OPS_DIRECTOR],
  /** Plan training, schedule sessions, enrol, record attendance and assessments, issue certificates. */
  MANAGE_TRAINING: [Role.ADMIN, Role.HR, Role.OPS_DIRECTOR],
  /** See anyone's training record (otherwise: the employee and their managers). */
  SEE_ANY_TRAINING: [Role.ADMIN, Role.HR, Role.OPS_DIRECTOR],
});
