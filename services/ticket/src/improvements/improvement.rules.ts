// The improvement register (docs/product.md §11.9): raised with an owner, a deadline and an expected effect (a KPI,
// its figure before, a target), implemented, then verified from the KPI figure after — effective when the target is
// reached in the expected direction; an ineffective one is revised and worked on again. Pure.
import type { EffectDirection, ImprovementSource, ImprovementStatus } from '@opsgraph/contracts-events';

export interface ExpectedEffect {
  readonly kpi: string;
  readonly direction: EffectDirection;
  readonly baseline: number;
  readonly target: number;
}

export interface Improvement {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly description: string;
  readonly source: ImprovementSource;
  readonly sourceTicketId: string | null;
  readonly finding: string | null;
  readonly ownerId: string;
  readonly deadline: Date;
  readonly effect: ExpectedEffect;
  readonly status: ImprovementStatus;
  readonly implementedAt: Date | null;
  readonly implementationNote: string | null;
  readonly verifiedAt: Date | null;
  readonly measured: number | null;
  readonly verificationNote: string | null;
  /** The deadline whose passing was reported (improvement.overdue), so it is reported once. */
  readonly overdueReportedFor: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type NewImprovement = Pick<
  Improvement,
  'title' | 'description' | 'source' | 'sourceTicketId' | 'finding' | 'ownerId' | 'deadline' | 'effect'
>;

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly field: string; readonly message: string; readonly state?: boolean };

const refuse = (field: string, message: string): Outcome<never> => ({ ok: false, field, message });
/** A refusal because of the improvement's status (INVALID_TRANSITION rather than BAD_USER_INPUT). */
const wrongState = (improvement: Improvement, what: string): Outcome<never> => ({
  ok: false,
  field: 'input.improvementId',
  message: `A ${improvement.status} improvement cannot be ${what}`,
  state: true,
});

/** The target must lie beyond the baseline in the expected direction: otherwise there is nothing to improve. */
export function effectProblem(effect: ExpectedEffect): string | null {
  const beyond = effect.direction === 'INCREASE' ? effect.target > effect.baseline : effect.target < effect.baseline;
  return beyond ? null : `An improvement to ${effect.direction} ${effect.kpi} needs a target beyond the baseline`;
}

export function raise(id: string, input: NewImprovement, now: Date): Outcome<Improvement> {
  if (input.source === 'FINDING' ? !input.finding : !input.sourceTicketId) {
    return input.source === 'FINDING'
      ? refuse('input.finding', 'An improvement from a quality finding names the finding')
      : refuse('input.sourceTicketId', `An improvement from a ${input.source} names the ticket`);
  }
  if (input.deadline <= now) return refuse('input.deadline', 'The deadline must lie ahead');
  const problem = effectProblem(input.effect);
  if (problem !== null) return refuse('input.effect.target', problem);
  return {
    ok: true,
    value: {
      ...input,
      id,
      version: 1,
      status: 'OPEN',
      implementedAt: null,
      implementationNote: null,
      verifiedAt: null,
      measured: null,
      verificationNote: null,
      overdueReportedFor: null,
      createdAt: now,
      updatedAt: now,
    },
  };
}

export function implement(improvement: Improvement, note: string, now: Date): Outcome<Improvement> {
  if (improvement.status !== 'OPEN') return wrongState(improvement, 'implemented');
  return {
    ok: true,
    value: { ...improvement, status: 'IMPLEMENTED', implementedAt: now, implementationNote: note, updatedAt: now },
  };
}

/** Whether the measured figure reaches the target in the expected direction. */
export function isEffective(effect: ExpectedEffect, measured: number): boolean {
  return effect.direction === 'INCREASE' ? measured >= effect.target : measured <= effect.target;
}

export function verify(improvement: Improvement, measured: number, note: string, now: Date): Outcome<Improvement> {
  if (improvement.status !== 'IMPLEMENTED') return wrongState(improvement, 'verified');
  if (!Number.isFinite(measured)) return refuse('input.measured', 'The measured figure must be a number');
  return {
    ok: true,
    value: {
      ...improvement,
      status: isEffective(improvement.effect, measured) ? 'EFFECTIVE' : 'INEFFECTIVE',
      verifiedAt: now,
      measured,
      verificationNote: note,
      updatedAt: now,
    },
  };
}

/** 「如未達到預期效果,應重新分析原因,調整改進措施」: an ineffective improvement is planned again. */
export function revise(
  improvement: Improvement,
  change: { deadline: Date; target?: number | null },
  now: Date,
): Outcome<Improvement> {
  if (improvement.status !== 'INEFFECTIVE') return wrongState(improvement, 'revised');
  if (change.deadline <= now) return refuse('input.deadline', 'The deadline must lie ahead');
  const effect = { ...improvement.effect, target: change.target ?? improvement.effect.target };
  const problem = effectProblem(effect);
  if (problem !== null) return refuse('input.target', problem);
  return {
    ok: true,
    value: {
      ...improvement,
      status: 'OPEN',
      deadline: change.deadline,
      effect,
      implementedAt: null,
      implementationNote: null,
      verifiedAt: null,
      measured: null,
      verificationNote: null,
      updatedAt: now,
    },
  };
}

export function isOverdueUnreported(improvement: Improvement, now: Date): boolean {
  return (
    improvement.status === 'OPEN' &&
    improvement.deadline <= now &&
    improvement.overdueReportedFor?.getTime() !== improvement.deadline.getTime()
  );
}
