import { Type } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { DateOnly, Nullable, StringEnum, Text, Uuid } from '../schema';

export const TRAINING_KINDS = ['INTERNAL', 'EXTERNAL', 'ONLINE', 'PRACTICE'] as const;
export const PRACTICAL_RESULTS = ['PASSED', 'FAILED'] as const;

export const trainingSnapshotProperties = {
  trainingId: Uuid({ description: 'The training session' }),
  planId: Uuid(),
  departmentId: Uuid(),
  title: Text(),
  kind: StringEnum(TRAINING_KINDS),
  startsOn: DateOnly(),
  endsOn: DateOnly(),
  capacity: Type.Integer({ minimum: 1 }),
  enrolled: Type.Integer({ minimum: 0 }),
};

const trainingEvent = snapshotEvents(
  'training',
  trainingSnapshotProperties,
  (description) => `${description} The data is the session after the event.`,
);

export const TrainingScheduled = trainingEvent('training.scheduled', 'A training session was scheduled.', {});
export const TrainingEnrolled = trainingEvent(
  'training.enrolled',
  'An employee was enrolled in the session.',
  {
    employeeId: Uuid(),
  },
);
export const TrainingAttendanceRecorded = trainingEvent(
  'training.attendance_recorded',
  'Whether an enrolled employee attended.',
  { employeeId: Uuid(), attended: Type.Boolean() },
);
export const TrainingAssessed = trainingEvent(
  'training.assessed',
  'An attendee’s assessment: exam score, practical result (「通過考試、實際操作…對培訓效果進行評估」).',
  {
    employeeId: Uuid(),
    examScore: Nullable(Type.Number({ minimum: 0, maximum: 100 })),
    practicalResult: Nullable(StringEnum(PRACTICAL_RESULTS)),
  },
);
export const TrainingCertificateIssued = trainingEvent(
  'training.certificate_issued',
  'An attendee who passed received a certificate.',
  { employeeId: Uuid(), certificateNumber: Text(), issuedOn: DateOnly() },
);

export const trainingEventDefinitions = [
  TrainingScheduled,
  TrainingEnrolled,
  TrainingAttendanceRecorded,
  TrainingAssessed,
  TrainingCertificateIssued,
] as const;

export type TrainingEvent = EventOf<(typeof trainingEventDefinitions)[number]>;
