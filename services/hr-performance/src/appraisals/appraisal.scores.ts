// Scores of appraisals from the KPI service's month snapshots of the employee (kpi-snapshots/: the month's close,
// or the running month's latest live figures; docs/product.md §HR-2) and the reviews.
import type { EntityManager } from 'typeorm';
import { MonthFiguresRepository, monthKey } from '../kpi-snapshots/month-figures.repository';
import { periodFigures } from '../kpi-snapshots/month-figures.rules';
import { PraiseRepository } from '../praise/praise.repository';
import { monthsOfPeriod } from '../appraisal-cycles/appraisal-cycle.rules';
import type { AppraisalRecord, ScoreSnapshot } from './appraisal.entity';
import { AppraisalRepository } from './appraisal.repository';
import { deriveFromMonthly, scorecard, type PeriodFigures } from './scoring.rules';

/** The scores of each appraisal (by id) as they stand now, computed from the month snapshots and the reviews. */
export async function currentScores(
  manager: EntityManager,
  appraisals: readonly AppraisalRecord[],
  now: Date,
): Promise<Map<string, ScoreSnapshot>> {
  const result = new Map<string, ScoreSnapshot>();
  const praise = await praiseCounts(manager, appraisals);
  const monthly = appraisals.filter((appraisal) => appraisal.kind === 'MONTHLY');
  const snapshots = await new MonthFiguresRepository(manager).read(
    monthly.map((appraisal) => ({ employeeId: appraisal.employeeId, month: appraisal.period })),
  );
  for (const appraisal of monthly) {
    // No snapshot of the month yet: nothing measured, as for an employee without tickets.
    const figures: PeriodFigures = periodFigures(
      snapshots.get(monthKey({ employeeId: appraisal.employeeId, month: appraisal.period })) ?? null,
    );
    const reviews = {
      self: appraisal.selfReview?.scores ?? null,
      manager: appraisal.managerReview?.scores ?? null,
      peers: appraisal.peerReviews.map((review) => review.scores),
    };
    const card = scorecard(figures, reviews, appraisal.weights, appraisal.abilityWeight);
    result.set(appraisal.id, {
      ...card,
      monthsCounted: null,
      praiseCount: praise.get(appraisal.id) ?? 0,
      takenAt: now.toISOString(),
    });
  }
  for (const appraisal of appraisals.filter((a) => a.kind !== 'MONTHLY')) {
    const months = monthsOfPeriod(appraisal.kind, appraisal.period) ?? [];
    const published = await new AppraisalRepository(manager).publishedMonthly([appraisal.employeeId], months);
    const of = (pick: (snapshot: ScoreSnapshot) => number | null) =>
      new Map(
        published.flatMap((monthlyAppraisal) => {
          const value = monthlyAppraisal.scores && pick(monthlyAppraisal.scores);
          return value === null || value === undefined ? [] : [[monthlyAppraisal.period, value] as const];
        }),
      );
    const total = deriveFromMonthly(
      months,
      of((s) => s.total),
    );
    result.set(appraisal.id, {
      kpiScore: deriveFromMonthly(
        months,
        of((s) => s.kpiScore),
      ).total,
      customerScore: deriveFromMonthly(
        months,
        of((s) => s.customerScore),
      ).total,
      total: total.total,
      dimensions: null,
      monthsCounted: total.monthsCounted,
      praiseCount: praise.get(appraisal.id) ?? 0,
      takenAt: now.toISOString(),
    });
  }
  return result;
}

/** Praise letters (表揚) per appraisal: those credited to its employee in the period's months. */
async function praiseCounts(
  manager: EntityManager,
  appraisals: readonly AppraisalRecord[],
): Promise<Map<string, number>> {
  // One query per period (a cycle's appraisals share theirs), not one per appraisal.
  const byPeriod = new Map<string, AppraisalRecord[]>();
  for (const appraisal of appraisals) {
    const key = `${appraisal.kind}|${appraisal.period}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), appraisal]);
  }
  const result = new Map<string, number>();
  const praise = new PraiseRepository(manager);
  for (const group of byPeriod.values()) {
    const { kind, period } = group[0]!;
    const months = kind === 'MONTHLY' ? [period] : (monthsOfPeriod(kind, period) ?? []);
    const counts = await praise.counts(
      group.map((appraisal) => appraisal.employeeId),
      months,
    );
    for (const appraisal of group) result.set(appraisal.id, counts.get(appraisal.employeeId) ?? 0);
  }
  return result;
}
