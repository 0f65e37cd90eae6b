import { Type } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { DateOnly, Nullable, StringEnum, Text, Uuid } from '../schema';
import { RISK_CATEGORIES } from '../incident/incident.events';

export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

const Rating = Type.Integer({ minimum: 1, maximum: 5 });

/** The risk after the event (likelihood × impact → score → level, docs/product.md §5). */
export const riskSnapshotProperties = {
  riskId: Uuid(),
  title: Text(),
  category: StringEnum(RISK_CATEGORIES),
  likelihood: Rating,
  impact: Rating,
  score: Type.Integer({ minimum: 1, maximum: 25 }),
  level: StringEnum(RISK_LEVELS),
  residualScore: Nullable(Type.Integer({ minimum: 1, maximum: 25 })),
  ownerId: Nullable(Uuid({ description: 'The employee who owns the risk.' })),
  nextReviewOn: DateOnly(),
};

const riskEvent = snapshotEvents('risk', riskSnapshotProperties);

export const RiskRegistered = riskEvent('risk.registered', 'A risk was entered in the risk register.', {});

export const RiskAssessed = riskEvent(
  'risk.assessed',
  'The risk was re-assessed: its likelihood, impact, mitigation, owner or review date changed.',
  { previousScore: Type.Integer({ minimum: 1, maximum: 25 }) },
);

export const RiskReviewed = riskEvent('risk.reviewed', 'The risk was reviewed; the next review is set.', {
  note: Nullable(Text()),
});

export const riskEventDefinitions = [RiskRegistered, RiskAssessed, RiskReviewed] as const;

export type RiskEvent = EventOf<(typeof riskEventDefinitions)[number]>;
export type RiskEventType = RiskEvent['type'];
