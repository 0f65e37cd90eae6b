import { groupReliability, reliabilityOf, type AssetHistory } from './reliability.rules';

const at = (iso: string) => new Date(iso);
// A 30-day period: 720 hours.
const FROM = at('2026-01-01T00:00:00Z');
const TO = at('2026-01-31T00:00:00Z');

describe('reliability of one asset (hand-computed)', () => {
  it('two repaired faults of 4 h and 8 h in 720 h: MTBF 354 h, MTTR 6 h, availability 708/720', () => {
    const history: AssetHistory = {
      inServiceFrom: at('2025-06-01T00:00:00Z'),
      faults: [
        { reportedAt: at('2026-01-05T00:00:00Z'), repairedAt: at('2026-01-05T04:00:00Z') },
        { reportedAt: at('2026-01-20T10:00:00Z'), repairedAt: at('2026-01-20T18:00:00Z') },
      ],
    };
    expect(reliabilityOf(history, FROM, TO)).toEqual({
      failures: 2,
      repairs: 2,
      uptimeHours: 708,
      downtimeHours: 12,
      mtbfHours: 354,
      mttrHours: 6,
      availability: 0.983333,
    });
  });

  it('counts only the time in service and the part of a fault inside the period; an open fault runs to its end', () => {
    const history: AssetHistory = {
      inServiceFrom: at('2026-01-11T00:00:00Z'), // 480 h in service
      faults: [
        // Reported before the period: 6 h of its downtime fall inside, it is no failure of the period but a repair.
        { reportedAt: at('2025-12-31T18:00:00Z'), repairedAt: at('2026-01-11T06:00:00Z') },
        // Still open: 24 h to the period's end.
        { reportedAt: at('2026-01-30T00:00:00Z'), repairedAt: null },
      ],
    };
    const figures = reliabilityOf(history, FROM, TO);
    expect(figures).toMatchObject({
      failures: 1,
      repairs: 1,
      downtimeHours: 30,
      uptimeHours: 450,
      mtbfHours: 450,
    });
    // The repair took 10 days and 12 hours = 252 h.
    expect(figures.mttrHours).toBe(252);
    expect(figures.availability).toBe(0.9375);
  });

  it('has no MTBF without failures, and no figures at all before it went into service', () => {
    expect(reliabilityOf({ inServiceFrom: FROM, faults: [] }, FROM, TO)).toMatchObject({
      mtbfHours: null,
      mttrHours: null,
      availability: 1,
      uptimeHours: 720,
    });
    expect(reliabilityOf({ inServiceFrom: null, faults: [] }, FROM, TO).availability).toBeNull();
  });

  it('counts overlapping faults’ downtime once', () => {
    const history: AssetHistory = {
      inServiceFrom: FROM,
      faults: [
        { reportedAt: at('2026-01-02T00:00:00Z'), repairedAt: at('2026-01-02T10:00:00Z') },
        { reportedAt: at('2026-01-02T05:00:00Z'), repairedAt: at('2026-01-02T12:00:00Z') },
      ],
    };
    expect(reliabilityOf(history, FROM, TO)).toMatchObject({
      downtimeHours: 12,
      failures: 2,
      mttrHours: 8.5,
    });
  });
});

describe('reliability of a group (a model, a category)', () => {
  it('pools uptime and failures: 720 h + 716 h over 3 failures → MTBF 478.67 h', () => {
    const a: AssetHistory = { inServiceFrom: FROM, faults: [] };
    const b: AssetHistory = {
      inServiceFrom: FROM,
      faults: [
        { reportedAt: at('2026-01-03T00:00:00Z'), repairedAt: at('2026-01-03T01:00:00Z') },
        { reportedAt: at('2026-01-10T00:00:00Z'), repairedAt: at('2026-01-10T01:00:00Z') },
        { reportedAt: at('2026-01-15T00:00:00Z'), repairedAt: at('2026-01-15T02:00:00Z') },
      ],
    };
    expect(groupReliability([a, b], FROM, TO)).toEqual({
      failures: 3,
      repairs: 3,
      uptimeHours: 1436,
      downtimeHours: 4,
      mtbfHours: 478.67,
      mttrHours: 1.33,
      availability: 0.997222,
    });
  });
});

describe('reliability at the edges of the period', () => {
  const inService = at('2025-06-01T00:00:00Z');

  it('counts overlapping faults once whatever order they are listed in', () => {
    const faults = [
      { reportedAt: at('2026-01-10T10:00:00Z'), repairedAt: at('2026-01-10T14:00:00Z') },
      { reportedAt: at('2026-01-10T08:00:00Z'), repairedAt: at('2026-01-10T12:00:00Z') },
    ];
    for (const listed of [faults, [...faults].reverse()]) {
      expect(reliabilityOf({ inServiceFrom: inService, faults: listed }, FROM, TO)).toMatchObject({
        downtimeHours: 6,
        uptimeHours: 714,
      });
    }
  });

  it('counts a failure reported at the first instant of the period, not one at its end', () => {
    const history: AssetHistory = {
      inServiceFrom: inService,
      faults: [
        { reportedAt: FROM, repairedAt: at('2026-01-01T02:00:00Z') },
        { reportedAt: TO, repairedAt: null },
      ],
    };
    expect(reliabilityOf(history, FROM, TO)).toMatchObject({
      failures: 1,
      repairs: 1,
      downtimeHours: 2,
      mttrHours: 2,
    });
  });

  it('counts a repair inside the period of a fault reported before it, with its whole duration, and not one at its end', () => {
    const history: AssetHistory = {
      inServiceFrom: inService,
      faults: [
        { reportedAt: at('2025-12-31T20:00:00Z'), repairedAt: FROM },
        { reportedAt: at('2026-01-30T20:00:00Z'), repairedAt: TO },
      ],
    };
    expect(reliabilityOf(history, FROM, TO)).toMatchObject({
      failures: 1,
      repairs: 1,
      mttrHours: 4,
      downtimeHours: 4,
      mtbfHours: 716,
    });
  });

  it('counts a fault nested inside a longer one once, and the next fault after both in full', () => {
    const history: AssetHistory = {
      inServiceFrom: inService,
      faults: [
        { reportedAt: at('2026-01-10T00:00:00Z'), repairedAt: at('2026-01-10T10:00:00Z') },
        { reportedAt: at('2026-01-10T02:00:00Z'), repairedAt: at('2026-01-10T05:00:00Z') },
        { reportedAt: at('2026-01-10T06:00:00Z'), repairedAt: at('2026-01-10T08:00:00Z') },
        { reportedAt: at('2026-01-12T00:00:00Z'), repairedAt: at('2026-01-12T03:00:00Z') },
      ],
    };
    expect(reliabilityOf(history, FROM, TO)).toMatchObject({ failures: 4, downtimeHours: 13, uptimeHours: 707 });
  });

  it('takes no downtime from faults entirely before or after the period', () => {
    const history: AssetHistory = {
      inServiceFrom: inService,
      faults: [
        { reportedAt: at('2025-12-01T00:00:00Z'), repairedAt: at('2025-12-02T00:00:00Z') },
        { reportedAt: at('2026-02-05T00:00:00Z'), repairedAt: at('2026-02-06T00:00:00Z') },
      ],
    };
    expect(reliabilityOf(history, FROM, TO)).toEqual({
      failures: 0,
      repairs: 0,
      uptimeHours: 720,
      downtimeHours: 0,
      mtbfHours: null,
      mttrHours: null,
      availability: 1,
    });
  });

  it('counts an asset retired during the period until its retirement only', () => {
    const history: AssetHistory = {
      inServiceFrom: inService,
      inServiceUntil: at('2026-01-11T00:00:00Z'), // 240 h in service
      faults: [{ reportedAt: at('2026-01-10T00:00:00Z'), repairedAt: null }],
    };
    expect(reliabilityOf(history, FROM, TO)).toMatchObject({
      failures: 1,
      downtimeHours: 24,
      uptimeHours: 216,
      availability: 0.9,
    });
  });

  it('has no figures for an asset retired when the period starts, faults included', () => {
    const history: AssetHistory = {
      inServiceFrom: inService,
      inServiceUntil: FROM,
      faults: [{ reportedAt: at('2026-01-05T00:00:00Z'), repairedAt: null }],
    };
    expect(reliabilityOf(history, FROM, TO)).toEqual({
      failures: 0,
      repairs: 0,
      uptimeHours: 0,
      downtimeHours: 0,
      mtbfHours: null,
      mttrHours: null,
      availability: null,
    });
  });
});
