// The improvement register (docs/product.md §11.9, 000 §三(三) 「制定改進措施……明確責任部門、責任人、時間節點和預期效果」,
// 「跟蹤改進效果……驗證改進效果是否達到預期目標」): each event carries the improvement after it.
import { Type } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { DateTime, Nullable, StringEnum, Text, Uuid } from '../schema';

export const IMPROVEMENT_SOURCES = ['COMPLAINT', 'SUGGESTION', 'FINDING'] as const;
export const IMPROVEMENT_STATUSES = ['OPEN', 'IMPLEMENTED', 'EFFECTIVE', 'INEFFECTIVE'] as const;
export const EFFECT_DIRECTIONS = ['INCREASE', 'DECREASE'] as const;
export type ImprovementSource = (typeof IMPROVEMENT_SOURCES)[number];
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];
export type EffectDirection = (typeof EFFECT_DIRECTIONS)[number];

export const improvementSnapshotProperties = {
  improvementId: Uuid(),
  title: Text(),
  source: StringEnum(IMPROVEMENT_SOURCES),
  sourceTicketId: Nullable(Uuid({ description: 'The complaint or accepted suggestion it was raised from.' })),
  ownerId: Uuid(),
  deadline: DateTime(),
  kpi: Text({ description: 'The KPI the improvement is expected to move, e.g. complaint rate.' }),
  direction: StringEnum(EFFECT_DIRECTIONS),
  baseline: Type.Number({ description: 'The KPI figure before.' }),
  target: Type.Number(),
  status: StringEnum(IMPROVEMENT_STATUSES),
};

const improvementEvent = snapshotEvents('improvement', improvementSnapshotProperties);

export const ImprovementRaised = improvementEvent(
  'improvement.raised',
  'An improvement was raised from a complaint, an accepted suggestion or a quality finding.',
  {},
);
export const ImprovementImplemented = improvementEvent(
  'improvement.implemented',
  'The owner reports the improvement carried out; its effect is still to be verified.',
  { note: Text() },
);
export const ImprovementVerified = improvementEvent(
  'improvement.verified',
  'The effect was measured: the KPI figure after, against the baseline and the target (status EFFECTIVE or ' +
    'INEFFECTIVE).',
  { measured: Type.Number(), effective: Type.Boolean(), note: Text() },
);
export const ImprovementRevised = improvementEvent(
  'improvement.revised',
  'An ineffective improvement was re-planned (new deadline, possibly a new target): OPEN again.',
  { reason: Text() },
);
export const ImprovementOverdue = improvementEvent(
  'improvement.overdue',
  'The deadline passed before the improvement was put into effect; emitted once per deadline.',
  {},
);

export const improvementEventDefinitions = [
  ImprovementRaised,
  ImprovementImplemented,
  ImprovementVerified,
  ImprovementRevised,
  ImprovementOverdue,
] as const;
export type ImprovementEvent = EventOf<(typeof improvementEventDefinitions)[number]>;
