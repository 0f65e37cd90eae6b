// Advice on an asset and on maintenance plans (docs/product.md §4.1), pure:
// - REPLACE when it is past its useful life and either out of warranty or failing often (≥ 3 faults in the last
//   year), or when its MTBF has halved year on year while out of warranty;
// - UPGRADE when it has used 75 % of its life, or its warranty ends within 90 days and it has had faults;
// - KEEP otherwise. Every reason that applies is listed, in words a manager reads.
// A plan suggestion: when a model's observed MTBF is shorter than a calendar plan's interval, maintenance comes too
// late to prevent failures; propose an interval of 80 % of the MTBF (at least a day).
import { daysBetween } from '../calendar.rules';

export type Recommendation = 'REPLACE' | 'UPGRADE' | 'KEEP';

export interface AdviceFacts {
  readonly today: string;
  readonly inServiceSince: string | null;
  readonly usefulLifeYears: number;
  readonly warrantyEndsOn: string | null;
  /** Faults reported in the last 365 days. */
  readonly faultsLastYear: number;
  /** MTBF (hours) over the last year and the year before; null without failures. */
  readonly mtbfLastYear: number | null;
  readonly mtbfYearBefore: number | null;
}

export interface Advice {
  readonly recommendation: Recommendation;
  readonly reasons: readonly string[];
  readonly ageYears: number | null;
}

const FREQUENT_FAULTS = 3;
const WARRANTY_SOON_DAYS = 90;

export function adviceFor(facts: AdviceFacts): Advice {
  const ageYears =
    facts.inServiceSince === null
      ? null
      : Math.round((daysBetween(facts.inServiceSince, facts.today) / 365.25) * 10) / 10;
  const lifeUsed = ageYears === null ? 0 : ageYears / facts.usefulLifeYears;
  const warrantyDays = facts.warrantyEndsOn === null ? null : daysBetween(facts.today, facts.warrantyEndsOn);
  const outOfWarranty = warrantyDays === null || warrantyDays < 0;
  const failing = facts.faultsLastYear >= FREQUENT_FAULTS;
  const worsening =
    facts.mtbfLastYear !== null &&
    facts.mtbfYearBefore !== null &&
    facts.mtbfLastYear <= facts.mtbfYearBefore / 2;

  const reasons: string[] = [];
  if (ageYears !== null && lifeUsed >= 1)
    reasons.push(`${ageYears} years old, past its useful life of ${facts.usefulLifeYears}`);
  else if (ageYears !== null && lifeUsed >= 0.75)
    reasons.push(
      `${ageYears} years old, ${Math.round(lifeUsed * 100)} % of its useful life of ${facts.usefulLifeYears}`,
    );
  if (warrantyDays !== null && warrantyDays < 0) reasons.push(`warranty ended on ${facts.warrantyEndsOn}`);
  else if (warrantyDays !== null && warrantyDays <= WARRANTY_SOON_DAYS)
    reasons.push(`warranty ends on ${facts.warrantyEndsOn}, in ${warrantyDays} days`);
  if (facts.faultsLastYear > 0) reasons.push(`${facts.faultsLastYear} fault(s) in the last 12 months`);
  if (worsening)
    reasons.push(`MTBF fell from ${facts.mtbfYearBefore} h to ${facts.mtbfLastYear} h year on year`);

  let recommendation: Recommendation = 'KEEP';
  if ((lifeUsed >= 1 && (outOfWarranty || failing)) || (worsening && outOfWarranty))
    recommendation = 'REPLACE';
  else if (
    lifeUsed >= 0.75 ||
    failing ||
    (warrantyDays !== null && warrantyDays <= WARRANTY_SOON_DAYS && facts.faultsLastYear > 0)
  )
    recommendation = 'UPGRADE';
  if (reasons.length === 0) reasons.push('within its useful life, no recent faults');
  return { recommendation, reasons, ageYears };
}

export interface PlanSuggestion {
  readonly currentIntervalDays: number;
  readonly suggestedIntervalDays: number;
  readonly observedMtbfDays: number;
  readonly reason: string;
}

export function planSuggestion(
  currentIntervalDays: number | null,
  modelMtbfHours: number | null,
): PlanSuggestion | null {
  if (currentIntervalDays === null || modelMtbfHours === null) return null;
  const observedMtbfDays = Math.round((modelMtbfHours / 24) * 10) / 10;
  if (observedMtbfDays >= currentIntervalDays) return null;
  const suggestedIntervalDays = Math.max(1, Math.floor(observedMtbfDays * 0.8));
  return {
    currentIntervalDays: Math.round(currentIntervalDays * 10) / 10,
    suggestedIntervalDays,
    observedMtbfDays,
    reason: `the model fails every ${observedMtbfDays} days on average, before the plan's ${Math.round(currentIntervalDays)}-day interval`,
  };
}
