import {
  aggregateKpi,
  departmentSubject,
  employeeSubject,
  isEmptyCounters,
  kpiFigures,
  percentileNearestRank,
  ratio,
  type KpiFact,
} from './kpi.math';

describe('percentileNearestRank', () => {
  it('is the ⌈p·n⌉-th smallest sample', () => {
    const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentileNearestRank(oneToTen, 90)).toBe(9); // ⌈0.9·10⌉ = 9 → 9
    expect(percentileNearestRank(oneToTen, 50)).toBe(5); // ⌈0.5·10⌉ = 5 → 5
    expect(percentileNearestRank(oneToTen, 100)).toBe(10);
    expect(percentileNearestRank(oneToTen, 1)).toBe(1); // ⌈0.1⌉ = 1
    // n = 11: ⌈9.9⌉ = 10 → the 10th smallest
    expect(percentileNearestRank([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], 90)).toBe(100);
    // n = 3: ⌈2.7⌉ = 3 → the largest
    expect(percentileNearestRank([5, 1, 3], 90)).toBe(5);
  });

  it('is always one of the samples, not an average, and ignores input order', () => {
    const samples = [60, 60, 60, 60, 60, 60, 60, 60, 60, 6000];
    // mean is 594, the 90th percentile is the 9th smallest: 60
    expect(percentileNearestRank(samples, 90)).toBe(60);
    const reversed = [...samples].reverse();
    expect(percentileNearestRank(reversed, 90)).toBe(60);
    expect(percentileNearestRank([...samples, 7000], 90)).toBe(6000); // n = 11 → 10th smallest
  });

  it('matches a brute-force definition on random data', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 200; round++) {
      const samples = Array.from({ length: 1 + Math.floor(random() * 40) }, () =>
        Math.floor(random() * 1000),
      );
      const p90 = percentileNearestRank(samples, 90) as number;
      // The smallest sample v such that at least 90 % of the samples are ≤ v.
      const expected = [...samples]
        .sort((a, b) => a - b)
        .find((v) => samples.filter((s) => s <= v).length >= 0.9 * samples.length);
      expect(p90).toBe(expected);
    }
  });

  it('is null without samples and rejects a percentile outside (0, 100]', () => {
    expect(percentileNearestRank([], 90)).toBeNull();
    expect(() => percentileNearestRank([1], 0)).toThrow(RangeError);
    expect(() => percentileNearestRank([1], 101)).toThrow(RangeError);
  });
});

describe('ratio', () => {
  it('is null when there is nothing to measure', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(3, 4)).toBe(0.75);
  });
});

const A = 'a0000000-0000-4000-8000-00000000000a';
const B = 'b0000000-0000-4000-8000-00000000000b';
const CS = 'd0000000-0000-4000-8000-0000000000c5';
const TECH = 'd0000000-0000-4000-8000-00000000007e';

const fact = (overrides: Partial<KpiFact>): KpiFact => ({
  handlerId: A,
  departmentId: CS,
  intakeMonth: '2025-03',
  responseMonth: null,
  firstResponseSeconds: null,
  resolutionMonth: null,
  withinSla: null,
  satisfaction: null,
  complaintEmployeeId: null,
  complaintDepartmentId: null,
  complaintMonth: null,
  lastEventAt: new Date('2025-03-10T00:00:00Z'),
  ...overrides,
});

describe('aggregateKpi', () => {
  const facts: KpiFact[] = [
    // 1: opened, answered and resolved in March within SLA, rated 5
    fact({
      responseMonth: '2025-03',
      firstResponseSeconds: 120,
      resolutionMonth: '2025-03',
      withinSla: true,
      satisfaction: 5,
    }),
    // 2: opened and answered in March, resolved in April late, rated 2
    fact({
      responseMonth: '2025-03',
      firstResponseSeconds: 600,
      resolutionMonth: '2025-04',
      withinSla: false,
      satisfaction: 2,
    }),
    // 3: opened in March, still open, answered in March
    fact({ responseMonth: '2025-03', firstResponseSeconds: 300 }),
    // 4: opened in February, resolved in March, no SLA policy, no survey
    fact({
      intakeMonth: '2025-02',
      responseMonth: '2025-02',
      firstResponseSeconds: 60,
      resolutionMonth: '2025-03',
      withinSla: null,
    }),
    // 5: B's ticket in TECH, and a March complaint that blames A and CS
    fact({
      handlerId: B,
      departmentId: TECH,
      complaintEmployeeId: A,
      complaintDepartmentId: CS,
      complaintMonth: '2025-03',
      lastEventAt: new Date('2025-03-20T00:00:00Z'),
    }),
  ];

  it('computes an employee month by hand', () => {
    const march = aggregateKpi(facts, '2025-03', employeeSubject(A));
    // intake: tickets 1, 2, 3 (opened in March, handled by A); resolved now: 1 and 2 → 2 of 3
    expect(march.ticketsHandled).toBe(3);
    expect(march.ticketsHandledResolved).toBe(2);
    // resolved in March: 1 and 4; SLA known only for 1 (within)
    expect(march.ticketsResolved).toBe(2);
    expect([march.resolvedWithSlaKnown, march.resolvedWithinSla]).toEqual([1, 1]);
    // first responses in March: 120, 600, 300 → total 1020, p90 = ⌈2.7⌉ = 3rd smallest = 600
    expect([
      march.firstResponseCount,
      march.firstResponseTotalSeconds,
      march.firstResponseP90Seconds,
    ]).toEqual([3, 1020, 600]);
    // surveys count in the month of resolution: only ticket 1 (5) in March
    expect([march.surveyCount, march.surveyScoreTotal]).toEqual([1, 5]);
    expect(march.complaintsAgainst).toBe(1);
    expect(march.lastEventAt).toEqual(new Date('2025-03-20T00:00:00Z'));

    const figures = kpiFigures(march);
    expect(figures.resolutionRate).toBeCloseTo(2 / 3, 12);
    expect(figures.firstResponseAverageSeconds).toBe(340);
    expect(figures.resolvedWithinSlaShare).toBe(1);
    expect(figures.averageSatisfaction).toBe(5);

    const april = kpiFigures(aggregateKpi(facts, '2025-04', employeeSubject(A)));
    // ticket 2's late resolution and its survey restate nothing in March: they are April's
    expect(april).toMatchObject({
      ticketsHandled: 0,
      resolutionRate: null,
      ticketsResolved: 1,
      resolvedWithinSlaShare: 0,
      averageSatisfaction: 2,
    });
  });

  it('computes a department month from the tickets’ lead department, and complaints from the responsible one', () => {
    const cs = aggregateKpi(facts, '2025-03', departmentSubject([CS]));
    expect(cs.ticketsHandled).toBe(3);
    expect(cs.complaintsAgainst).toBe(1);
    const tech = aggregateKpi(facts, '2025-03', departmentSubject([TECH]));
    expect([tech.ticketsHandled, tech.ticketsHandledResolved, tech.complaintsAgainst]).toEqual([1, 0, 0]);
    const both = aggregateKpi(facts, '2025-03', departmentSubject([CS, TECH]));
    expect(both.ticketsHandled).toBe(4);
  });

  it('counts a complaint once, in the month the customer complained', () => {
    const months = ['2025-02', '2025-03', '2025-04'] as const;
    expect(months.map((month) => aggregateKpi(facts, month, employeeSubject(A)).complaintsAgainst)).toEqual([0, 1, 0]);
    expect(months.map((month) => aggregateKpi(facts, month, departmentSubject([CS])).complaintsAgainst)).toEqual([0, 1, 0]);
  });

  it('reports the latest event of the month whatever order the facts are read in', () => {
    const latest = new Date('2025-03-20T00:00:00Z');
    expect(aggregateKpi(facts, '2025-03', employeeSubject(A)).lastEventAt).toEqual(latest);
    expect(aggregateKpi([...facts].reverse(), '2025-03', employeeSubject(A)).lastEventAt).toEqual(latest);
  });

  it('is empty for a subject with no tickets', () => {
    const none = aggregateKpi(facts, '2025-03', employeeSubject('e0000000-0000-4000-8000-000000000000'));
    expect(isEmptyCounters(none)).toBe(true);
    expect(kpiFigures(none)).toEqual({
      ticketsHandled: 0,
      ticketsResolved: 0,
      resolutionRate: null,
      firstResponseCount: 0,
      firstResponseAverageSeconds: null,
      firstResponseP90Seconds: null,
      resolvedWithinSlaShare: null,
      surveyCount: 0,
      averageSatisfaction: null,
      complaintsAgainst: 0,
    });
  });
});
