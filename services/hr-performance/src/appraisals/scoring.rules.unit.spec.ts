import { DEFAULT_KPI_WEIGHTS } from '../kpi-definitions/kpi-definition.rules';
import { NO_FIGURES } from '../kpi-snapshots/month-figures.rules';
import {
  customerScore,
  deriveFromMonthly,
  kpiScore,
  peerAverage,
  reviewedScore,
  scorecard,
  type PeriodFigures,
  type ReviewScores,
} from './scoring.rules';

const figures: PeriodFigures = {
  ticketsHandled: 10,
  resolutionRate: 0.8,
  resolvedWithinSlaShare: 0.75,
  complaintsAgainst: 1,
  surveyCount: 4,
  averageSatisfaction: 3.5,
};
const none: PeriodFigures = NO_FIGURES;
const scores = (ability: number, teamwork: number, attitude: number): ReviewScores => ({
  ABILITY: ability,
  TEAMWORK: teamwork,
  ATTITUDE: attitude,
});
const CS = DEFAULT_KPI_WEIGHTS.CS_SPECIALIST; // 25 / 20 / 35 / 10 / 10

describe('customer score', () => {
  it('maps the average survey score 1–5 onto 0–100', () => {
    expect(customerScore(figures)).toBe(62.5); // (3.5 − 1) / 4
    expect(customerScore({ ...figures, averageSatisfaction: 5 })).toBe(100);
    expect(customerScore({ ...figures, averageSatisfaction: 1 })).toBe(0);
  });
  it('is null without surveys (no rating is not a zero rating)', () => {
    expect(customerScore(none)).toBeNull();
  });
});

describe('KPI score', () => {
  it('weighs quality and efficiency as the position does', () => {
    // quality = mean(80, 100 − 25·1) = 77.5; efficiency = 75; CS weighs them 25:20 → (77.5·25 + 75·20)/45 = 76.39
    expect(kpiScore(figures, CS)).toBe(76.39);
  });
  it('uses what is measured, and is null when nothing is', () => {
    expect(kpiScore({ ...figures, resolvedWithinSlaShare: null }, CS)).toBe(77.5);
    expect(kpiScore(none, CS)).toBeNull();
    // complaints alone still measure quality: 100 − 25·5 floors at 0
    expect(kpiScore({ ...none, complaintsAgainst: 5 }, CS)).toBe(0);
  });
});

describe('reviews', () => {
  it('averages the peers per dimension', () => {
    expect(peerAverage([scores(4, 5, 3), scores(2, 3, 5)])).toEqual(scores(3, 4, 4));
    expect(peerAverage([])).toBeNull();
  });
  it('weighs self 20, manager 50, peers 30, over the raters present', () => {
    const reviews = { self: scores(5, 5, 5), manager: scores(3, 3, 3), peers: [scores(4, 4, 4)] };
    // (5·20 + 3·50 + 4·30) / 100 = 3.7 → (3.7 − 1)/4 = 67.5
    expect(reviewedScore(reviews, 'ABILITY')).toBeCloseTo(67.5, 9);
    // without peers: (5·20 + 3·50)/70 = 3.5714… → 63.39…
    expect(reviewedScore({ ...reviews, peers: [] }, 'ABILITY')).toBeCloseTo(((250 / 70 - 1) / 4) * 100, 9);
    expect(reviewedScore({ self: null, manager: null, peers: [] }, 'ABILITY')).toBeNull();
  });
});

describe('weighted total', () => {
  const reviews = { self: scores(5, 5, 5), manager: scores(3, 3, 3), peers: [scores(4, 4, 4)] };

  it('combines the six dimensions with the position weights and the ability share', () => {
    const card = scorecard(figures, reviews, CS, 20);
    // quality 77.5, efficiency 75, customer 62.5, teamwork = attitude = ability = 67.5
    expect(card.dimensions).toEqual({
      SERVICE_QUALITY: 77.5,
      EFFICIENCY: 75,
      CUSTOMER_SATISFACTION: 62.5,
      TEAMWORK: 67.5,
      ATTITUDE: 67.5,
      ABILITY: 67.5,
    });
    // (1937.5 + 1500 + 2187.5 + 675 + 675)/100 = 69.75; 0.8 · 69.75 + 0.2 · 67.5 = 55.8 + 13.5 = 69.3
    expect(card.total).toBe(69.3);
    expect(card.kpiScore).toBe(76.39);
    expect(card.customerScore).toBe(62.5);
  });

  it('leaves unmeasured dimensions out and reweighs the rest', () => {
    // no tickets: only the reviewed dimensions, all 67.5
    expect(scorecard(none, reviews, CS, 20).total).toBe(67.5);
    expect(scorecard(none, { self: null, manager: null, peers: [] }, CS, 20).total).toBeNull();
  });

  it('with ability weight 0 is the position weights alone', () => {
    expect(scorecard(figures, reviews, CS, 0).total).toBe(69.75);
  });
});

describe('quarterly and annual results from the monthly ones', () => {
  it('averages the months that have a published result and lists the others', () => {
    const monthly = new Map([
      ['2025-01', 80],
      ['2025-02', 70.5],
    ]);
    expect(deriveFromMonthly(['2025-01', '2025-02', '2025-03'], monthly)).toEqual({
      total: 75.25,
      monthsCounted: 2,
      missingMonths: ['2025-03'],
    });
    expect(deriveFromMonthly(['2025-04'], monthly)).toEqual({
      total: null,
      monthsCounted: 0,
      missingMonths: ['2025-04'],
    });
  });
});
