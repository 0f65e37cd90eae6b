import { isLive, LIVE_EVENT_HORIZON_MS, snapshotData, snapshotIdOf } from './snapshot.rules';

const D = { kind: 'DEPARTMENT' as const, value: '0a6f3e8d-2b1c-4d57-9e84-7c5a1f2b3d96' };
// Written out (not built with the engine's helpers) so this spec tests the snapshot rules alone.
type Figures = Parameters<typeof snapshotData>[2];
type Period = Parameters<typeof snapshotData>[0];
const NOVEMBER: Period = { kind: 'MONTH', start: '2026-11-01', end: '2026-11-30' };
const DAY: Period = { kind: 'DAY', start: '2026-11-15', end: '2026-11-15' };
const figures = (backlogAtEnd: number): Figures => ({
  tickets: 12,
  ticketsResolved: 9,
  resolutionRate: 0.75,
  complaints: 1,
  complaintRate: 1 / 12,
  reopenRate: 0,
  firstResponseCount: 12,
  firstResponseAverageSeconds: 600,
  firstResponseP50Seconds: 540,
  firstResponseP90Seconds: 1200,
  resolutionAverageSeconds: 7200,
  resolutionP50Seconds: 6000,
  resolutionP90Seconds: 14000,
  slaBreachRate: 0.1,
  surveyCount: 5,
  csatAverage: 4.4,
  csatDistribution: [0, 0, 1, 1, 3],
  backlogAtEnd,
});

describe('a snapshot carries the period, the dimension and every figure, as of its moment', () => {
  it('names its period, time zone and dimension and copies the figures', () => {
    const period = NOVEMBER;
    const november = figures(7);
    const asOf = new Date('2026-12-01T00:00:05.000Z');
    const data = snapshotData(period, D, november, 'Asia/Shanghai', asOf, null, 2);
    expect(data).toEqual({
      snapshotId: snapshotIdOf('MONTH', period.start, D),
      periodKind: 'MONTH',
      periodStart: period.start,
      periodEnd: period.end,
      timeZone: 'Asia/Shanghai',
      dimensionKind: 'DEPARTMENT',
      dimensionValue: D.value,
      figures: { ...november, complaintsAgainst: 2 },
      asOf: '2026-12-01T00:00:05.000Z',
    });
  });

  it('carries complaints against on department and employee snapshots only (0 when none)', () => {
    const at = new Date('2026-12-01T00:00:05.000Z');
    expect(snapshotData(DAY, D, figures(0), 'UTC', at).figures.complaintsAgainst).toBe(0);
    const employee = { kind: 'EMPLOYEE' as const, value: 'e1' };
    expect(snapshotData(DAY, employee, figures(0), 'UTC', at, null, 3).figures.complaintsAgainst).toBe(3);
    for (const kind of ['OVERALL', 'CHANNEL', 'CUSTOMER_TIER'] as const) {
      const data = snapshotData(DAY, { kind, value: '*' }, figures(0), 'UTC', at, null, 3);
      expect(data.figures).not.toHaveProperty('complaintsAgainst');
    }
  });

  it('does not share the CSAT distribution with the figures it was made from', () => {
    const day = figures(0);
    const data = snapshotData(DAY, D, day, 'UTC', new Date());
    expect(data.figures.csatDistribution).toEqual(day.csatDistribution);
    expect(data.figures.csatDistribution).not.toBe(day.csatDistribution);
  });
});

describe('the live horizon', () => {
  it('an event exactly one hour old still counts as live; one millisecond older does not', () => {
    const now = new Date('2026-12-02T10:00:00.000Z');
    expect(isLive(new Date(now.getTime() - LIVE_EVENT_HORIZON_MS), now)).toBe(true);
    expect(isLive(new Date(now.getTime() - LIVE_EVENT_HORIZON_MS - 1), now)).toBe(false);
  });
});
