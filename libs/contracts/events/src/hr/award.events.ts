import { snapshotEvents, type EventOf } from '../define-event';
import { Nullable, StringEnum, Text, Uuid } from '../schema';

export const AWARD_KINDS = [
  'EXCELLENT_EMPLOYEE',
  'INNOVATION',
  'TEAMWORK',
  'SERVICE_STAR',
  'CUSTOMER_PRAISE',
] as const;
export const AWARD_STATUSES = ['NOMINATED', 'APPROVED', 'REJECTED'] as const;

export const awardSnapshotProperties = {
  awardId: Uuid(),
  employeeId: Uuid(),
  kind: StringEnum(AWARD_KINDS),
  period: Text({ description: 'YYYY, YYYY-Qn or YYYY-MM' }),
  status: StringEnum(AWARD_STATUSES),
  reason: Text(),
  decisionNote: Nullable(Text()),
};

const awardEvent = snapshotEvents(
  'award',
  awardSnapshotProperties,
  (description) => `${description} The data is the award after the event.`,
);

export const AwardNominated = awardEvent('award.nominated', 'An employee was nominated for an award.', {});
export const AwardApproved = awardEvent(
  'award.approved',
  'A nomination was approved: the employee has the award.',
  {},
);
export const AwardRejected = awardEvent('award.rejected', 'A nomination was rejected.', {});

export const awardEventDefinitions = [AwardNominated, AwardApproved, AwardRejected] as const;

export type AwardEvent = EventOf<(typeof awardEventDefinitions)[number]>;
