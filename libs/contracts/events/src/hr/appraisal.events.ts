import { Type } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { DateTime, Nullable, StringEnum, Text, Uuid } from '../schema';

export const APPRAISAL_STATUSES = [
  'OPEN',
  'SELF_REVIEW',
  'MANAGER_REVIEW',
  'CALIBRATION',
  'PUBLISHED',
  'ACKNOWLEDGED',
] as const;
export const APPRAISAL_GRADES = ['S', 'A', 'B', 'C', 'D'] as const;
export const APPRAISAL_CYCLE_KINDS = ['MONTHLY', 'QUARTERLY', 'ANNUAL'] as const;

const Score = () => Nullable(Type.Number({ minimum: 0, maximum: 100 }));

export const appraisalSnapshotProperties = {
  appraisalId: Uuid(),
  cycleId: Uuid(),
  employeeId: Uuid(),
  departmentId: Uuid(),
  period: Text({ description: 'YYYY-MM, YYYY-Qn or YYYY' }),
  periodKind: StringEnum(APPRAISAL_CYCLE_KINDS),
  status: StringEnum(APPRAISAL_STATUSES),
  kpiScore: Score(),
  customerScore: Score(),
  totalScore: Score(),
  grade: Nullable(StringEnum(APPRAISAL_GRADES)),
  bonusCoefficient: Nullable(Type.Number({ minimum: 0 })),
  deductionRate: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
  publishedAt: Nullable(DateTime()),
};

const appraisalEvent = snapshotEvents(
  'appraisal',
  appraisalSnapshotProperties,
  (description) =>
    `${description} The data is the appraisal after the event: scores and grade, never review texts or who ` +
    'the peer reviewers are. Consumers must treat it as HR-confidential.',
);

export const AppraisalOpened = appraisalEvent(
  'appraisal.opened',
  'An appraisal cycle opened an appraisal for the employee.',
  {},
);
export const AppraisalSelfReviewStarted = appraisalEvent(
  'appraisal.self_review_started',
  'The employee started their self review.',
  {},
);
export const AppraisalSelfReviewSubmitted = appraisalEvent(
  'appraisal.self_review_submitted',
  'The employee submitted their self review; the manager review is next.',
  {},
);
export const AppraisalManagerReviewSubmitted = appraisalEvent(
  'appraisal.manager_review_submitted',
  'The manager submitted their review; the appraisal waits for calibration.',
  {},
);
export const AppraisalCalibrated = appraisalEvent(
  'appraisal.calibrated',
  'Calibration took the scores from the period’s figures and reviews, and graded the appraisal.',
  {},
);
export const AppraisalReturned = appraisalEvent(
  'appraisal.returned',
  'Calibration sent the appraisal back to the manager.',
  { reason: Text() },
);
export const AppraisalPublished = appraisalEvent(
  'appraisal.published',
  'The result was published and is frozen from now on (e.g. for the month’s performance bonus).',
  {},
);
export const AppraisalAcknowledged = appraisalEvent(
  'appraisal.acknowledged',
  'The employee acknowledged the published result.',
  {},
);
export const AppraisalAmended = appraisalEvent(
  'appraisal.amended',
  'HR corrected a published result (an explicit, audited amendment).',
  {
    reason: Text(),
    changedFields: Type.Array(StringEnum(['totalScore', 'grade'] as const), {
      minItems: 1,
      uniqueItems: true,
    }),
  },
);

export const appraisalEventDefinitions = [
  AppraisalOpened,
  AppraisalSelfReviewStarted,
  AppraisalSelfReviewSubmitted,
  AppraisalManagerReviewSubmitted,
  AppraisalCalibrated,
  AppraisalReturned,
  AppraisalPublished,
  AppraisalAcknowledged,
  AppraisalAmended,
] as const;

export type AppraisalEvent = EventOf<(typeof appraisalEventDefinitions)[number]>;
