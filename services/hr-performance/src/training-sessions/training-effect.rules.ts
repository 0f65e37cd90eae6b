// The effect of a training (docs/product.md §HR-2, 「培訓結束後，通過考試、實際操作、用戶反饋等方式對培訓效果
// 進行評估」 P3 §五(五)1): each attendee's KPI score over equal windows before and after the session. Pure.
//
// The windows leave the session's own months out (the anchors): `before` is the `months` whole months ending the
// month before the session starts, `after` the `months` whole months starting the month after it ends. An effect is
// complete once the after window has ended; until then it is shown as pending.
import type { KpiWeights } from '../kpi-definitions/kpi-definition.rules';
import { periodFigures, sumMonths, type MonthFigures } from '../kpi-snapshots/month-figures.rules';
import { round2 } from '../appraisals/grading.rules';
import { kpiScore } from '../appraisals/scoring.rules';

export const DEFAULT_EFFECT_WINDOW_MONTHS = 3;

const toIndex = (month: string): number => {
  const [year, mm] = month.split('-').map(Number);
  return year * 12 + (mm - 1);
};
const fromIndex = (index: number): string =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export interface EffectWindows {
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** `startsOn`/`endsOn` are `YYYY-MM-DD`; the windows are lists of `YYYY-MM`, oldest first. */
export function effectWindows(startsOn: string, endsOn: string, months: number): EffectWindows {
  if (!Number.isInteger(months) || months < 1)
    throw new RangeError(`window must be ≥ 1 month, got ${months}`);
  const first = toIndex(startsOn.slice(0, 7));
  const last = toIndex(endsOn.slice(0, 7));
  return {
    before: Array.from({ length: months }, (_, i) => fromIndex(first - months + i)),
    after: Array.from({ length: months }, (_, i) => fromIndex(last + 1 + i)),
  };
}

export interface AttendeeEffect {
  readonly employeeId: string;
  /** KPI score 0–100 of each window; null when the employee handled nothing in it. */
  readonly before: number | null;
  readonly after: number | null;
  readonly change: number | null;
}

/** One attendee: their KPI score over the before and after windows, weighed as their position weighs it. */
export function attendeeEffect(
  employeeId: string,
  before: readonly MonthFigures[],
  after: readonly MonthFigures[],
  weights: KpiWeights,
): AttendeeEffect {
  const score = (list: readonly MonthFigures[]) => kpiScore(periodFigures(sumMonths(list)), weights);
  const b = score(before);
  const a = score(after);
  return { employeeId, before: b, after: a, change: b === null || a === null ? null : round2(a - b) };
}

export interface EffectSummary {
  /** Attendees with a score in both windows. */
  readonly measured: number;
  readonly averageBefore: number | null;
  readonly averageAfter: number | null;
  readonly averageChange: number | null;
}

/** The mean over the attendees measured in both windows (a session's, or all of a plan's sessions'). */
export function summarizeEffects(effects: readonly AttendeeEffect[]): EffectSummary {
  const measured = effects.filter((effect) => effect.change !== null);
  const mean = (pick: (effect: AttendeeEffect) => number) =>
    measured.length === 0 ? null : round2(measured.reduce((sum, e) => sum + pick(e), 0) / measured.length);
  return {
    measured: measured.length,
    averageBefore: mean((e) => e.before as number),
    averageAfter: mean((e) => e.after as number),
    averageChange: mean((e) => e.change as number),
  };
}

/** Complete once the last month of the after window is over (`currentMonth` is later than it). */
export function isEffectComplete(windows: EffectWindows, currentMonth: string): boolean {
  return windows.after[windows.after.length - 1] < currentMonth;
}

/** An attendee passes with an exam score ≥ 60 or a passed practical; a certificate needs a pass. */
export const PASS_MARK = 60;

export function hasPassed(examScore: number | null, practicalResult: 'PASSED' | 'FAILED' | null): boolean {
  return (examScore !== null && examScore >= PASS_MARK) || practicalResult === 'PASSED';
}
