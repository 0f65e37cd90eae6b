import type { SlaCalendar } from './sla-calendar';
import {
  breaches,
  changePolicy,
  clockFromPauses,
  effectiveResolutionDueAt,
  elapsedResolutionSeconds,
  isResolutionBreached,
  isResponseBreached,
  nextDeadline,
  pause,
  resume,
  settle,
  startClock,
  type SlaClock,
} from './sla-clock';
import { DEFAULT_SLA_POLICIES } from './sla-policy';

const T0 = new Date('2025-03-03T09:00:00.000Z'); // a Monday
const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (ms: number) => new Date(T0.getTime() + ms);
const P1 = DEFAULT_SLA_POLICIES.P1; // 15 min / 4 h
const P2 = DEFAULT_SLA_POLICIES.P2; // 1 h / 8 h
const P4 = DEFAULT_SLA_POLICIES.P4; // 8 h / 72 h
const NOTHING_MET = { acknowledgedAt: null, resolvedAt: null };

describe('startClock', () => {
  it('sets both deadlines from the policy', () => {
    expect(startClock(T0, P2)).toEqual({
      startedAt: T0,
      responseDueAt: at(1 * HOUR),
      resolutionDueAt: at(8 * HOUR),
      pausedSince: null,
      pausedSeconds: 0,
      pauseReasons: [],
    });
  });
});

describe('pause and resume', () => {
  const running = startClock(T0, P2);

  it('pause records when the clock stopped and leaves the deadlines', () => {
    expect(pause(running, at(2 * HOUR))).toEqual({
      ...running,
      pausedSince: at(2 * HOUR),
      pauseReasons: ['STATUS'],
    });
  });

  it('pausing twice keeps the first pause start', () => {
    const paused = pause(running, at(2 * HOUR));
    expect(pause(paused, at(3 * HOUR))).toBe(paused);
  });

  it('resume pushes the resolution deadline by the paused time, not the response deadline', () => {
    const resumed = resume(pause(running, at(2 * HOUR)), at(3 * HOUR + 30 * MIN));
    expect(resumed).toEqual({
      ...running,
      resolutionDueAt: at(9 * HOUR + 30 * MIN),
      pausedSince: null,
      pausedSeconds: 5400,
    });
  });

  it('resuming a running clock is a no-op', () => {
    expect(resume(running, at(HOUR))).toBe(running);
  });

  it('a resume dated before the pause counts no paused time', () => {
    const resumed = resume(pause(running, at(2 * HOUR)), at(HOUR));
    expect(resumed).toEqual(running);
  });

  it('accumulates several pauses', () => {
    let clock = running;
    clock = resume(pause(clock, at(1 * HOUR)), at(1 * HOUR + 30 * MIN));
    clock = resume(pause(clock, at(4 * HOUR)), at(6 * HOUR));
    expect(clock.pausedSeconds).toBe(9000);
    expect(clock.resolutionDueAt).toEqual(at(10 * HOUR + 30 * MIN));
  });

  it('keeps millisecond precision in the paused time', () => {
    const resumed = resume(pause(running, at(500)), at(2 * MIN));
    expect(resumed.pausedSeconds).toBe(119.5);
    expect(resumed.resolutionDueAt).toEqual(at(8 * HOUR + 119_500));
  });

  it('does not mutate the clock given', () => {
    const frozen = Object.freeze({ ...running });
    resume(pause(frozen, at(HOUR)), at(2 * HOUR));
    expect(frozen).toEqual(running);
  });
});

describe('nested pauses (docs/product.md §12.2)', () => {
  const running = startClock(T0, P2);
  const incidentHeld = pause(running, at(1 * HOUR), 'INCIDENT');

  it('a status pause during an incident hold keeps the earlier start and adds its reason', () => {
    expect(pause(incidentHeld, at(2 * HOUR), 'STATUS')).toEqual({
      ...running,
      pausedSince: at(1 * HOUR),
      pauseReasons: ['INCIDENT', 'STATUS'],
    });
  });

  it('the status pause ending while the incident holds leaves the clock paused from the first start', () => {
    const back = resume(pause(incidentHeld, at(2 * HOUR), 'STATUS'), at(3 * HOUR), undefined, 'STATUS');
    expect(back).toEqual(incidentHeld);
    expect(nextDeadline(back, at(3 * HOUR), NOTHING_MET)).toBeNull();
    expect(isResolutionBreached(back, at(30 * HOUR), null)).toBe(false);
  });

  it('runs again only when the last reason goes, counting the whole pause', () => {
    let clock = pause(incidentHeld, at(2 * HOUR), 'STATUS');
    clock = resume(clock, at(3 * HOUR), undefined, 'STATUS');
    clock = resume(clock, at(5 * HOUR), undefined, 'INCIDENT');
    expect(clock).toEqual({
      ...running,
      resolutionDueAt: at(12 * HOUR),
      pausedSince: null,
      pausedSeconds: 4 * 3600,
      pauseReasons: [],
    });
  });

  it('the incident released while the customer is awaited keeps the clock paused', () => {
    let clock = pause(incidentHeld, at(2 * HOUR), 'STATUS');
    clock = resume(clock, at(3 * HOUR), undefined, 'INCIDENT');
    expect(clock).toMatchObject({ pausedSince: at(1 * HOUR), pauseReasons: ['STATUS'] });
    clock = resume(clock, at(4 * HOUR), undefined, 'STATUS');
    expect(clock).toMatchObject({
      pausedSince: null,
      pausedSeconds: 3 * 3600,
      resolutionDueAt: at(11 * HOUR),
    });
  });

  it('holding for a reason already held, or releasing one not held, is a no-op', () => {
    expect(pause(incidentHeld, at(2 * HOUR), 'INCIDENT')).toBe(incidentHeld);
    expect(resume(incidentHeld, at(2 * HOUR), undefined, 'STATUS')).toBe(incidentHeld);
  });

  it('settle ends every pause at once (the deadline "if resumed now")', () => {
    const both = pause(incidentHeld, at(2 * HOUR), 'STATUS');
    expect(settle(both, at(4 * HOUR))).toMatchObject({
      pausedSince: null,
      pauseReasons: [],
      pausedSeconds: 3 * 3600,
    });
    expect(effectiveResolutionDueAt(both, at(4 * HOUR))).toEqual(at(11 * HOUR));
  });
});

describe('clockFromPauses', () => {
  it('gives the same clock as pausing and resuming step by step', () => {
    const stepwise = resume(
      pause(resume(pause(startClock(T0, P2), at(HOUR)), at(2 * HOUR)), at(5 * HOUR)),
      at(6 * HOUR),
    );
    const replayed = clockFromPauses(T0, P2, [
      { from: at(HOUR), to: at(2 * HOUR) },
      { from: at(5 * HOUR), to: at(6 * HOUR) },
    ]);
    expect(replayed).toEqual(stepwise);
  });

  it('sorts intervals and merges overlapping or touching ones', () => {
    const clock = clockFromPauses(T0, P2, [
      { from: at(5 * HOUR), to: at(6 * HOUR) },
      { from: at(HOUR), to: at(3 * HOUR) },
      { from: at(2 * HOUR), to: at(4 * HOUR) },
      { from: at(4 * HOUR), to: at(4 * HOUR + 30 * MIN) },
    ]);
    expect(clock.pausedSeconds).toBe((3.5 + 1) * 3600);
    expect(clock.resolutionDueAt).toEqual(at(12 * HOUR + 30 * MIN));
  });

  it('keeps the outer end of a pause nested inside another', () => {
    // 1h–4h contains 2h–3h: paused 3 hours in all, not 2 (ending at the inner end would breach early).
    for (const pauses of [
      [{ from: at(HOUR), to: at(4 * HOUR) }, { from: at(2 * HOUR), to: at(3 * HOUR) }],
      [{ from: at(2 * HOUR), to: at(3 * HOUR) }, { from: at(HOUR), to: at(4 * HOUR) }],
    ]) {
      const clock = clockFromPauses(T0, P2, pauses);
      expect(clock.pausedSeconds).toBe(3 * 3600);
      expect(clock.resolutionDueAt).toEqual(at(11 * HOUR));
      expect(isResolutionBreached(clock, at(10 * HOUR), null)).toBe(false);
    }
  });

  it('stays paused when an open pause started inside a closed one', () => {
    const clock = clockFromPauses(T0, P2, [
      { from: at(HOUR), to: at(3 * HOUR) },
      { from: at(2 * HOUR), to: null },
    ]);
    expect(clock).toMatchObject({ pausedSince: at(HOUR), pausedSeconds: 0, resolutionDueAt: at(8 * HOUR) });
  });

  it('leaves the clock paused when the last interval is open', () => {
    const clock = clockFromPauses(T0, P2, [
      { from: at(HOUR), to: at(2 * HOUR) },
      { from: at(3 * HOUR), to: null },
      { from: at(4 * HOUR), to: at(5 * HOUR) },
    ]);
    expect(clock).toMatchObject({
      pausedSince: at(3 * HOUR),
      pausedSeconds: 3600,
      resolutionDueAt: at(9 * HOUR),
    });
  });

  it('with no pauses is a fresh clock', () => {
    expect(clockFromPauses(T0, P2, [])).toEqual(startClock(T0, P2));
  });
});

describe('effectiveResolutionDueAt', () => {
  it('is the stored deadline while running', () => {
    expect(effectiveResolutionDueAt(startClock(T0, P2), at(3 * HOUR))).toEqual(at(8 * HOUR));
  });

  it('is the deadline "if resumed now" while paused', () => {
    const paused = pause(startClock(T0, P2), at(2 * HOUR));
    expect(effectiveResolutionDueAt(paused, at(5 * HOUR))).toEqual(at(11 * HOUR));
    expect(paused.resolutionDueAt).toEqual(at(8 * HOUR));
  });
});

describe('elapsedResolutionSeconds', () => {
  const clock = resume(pause(startClock(T0, P2), at(HOUR)), at(2 * HOUR));

  it('counts running time and leaves completed pauses out', () => {
    expect(elapsedResolutionSeconds(clock, at(5 * HOUR))).toBe(4 * 3600);
  });

  it('stands still while paused', () => {
    const paused = pause(clock, at(3 * HOUR));
    expect(elapsedResolutionSeconds(paused, at(3 * HOUR))).toBe(2 * 3600);
    expect(elapsedResolutionSeconds(paused, at(30 * HOUR))).toBe(2 * 3600);
  });

  it('is zero before the start', () => {
    expect(elapsedResolutionSeconds(startClock(T0, P2), at(-HOUR))).toBe(0);
  });
});

describe('isResponseBreached', () => {
  const clock = startClock(T0, P2);

  it('is not breached at the due instant, and breached one millisecond later', () => {
    expect(isResponseBreached(clock, at(HOUR), null)).toBe(false);
    expect(isResponseBreached(clock, at(HOUR + 1), null)).toBe(true);
  });

  it('a response at the due instant is on time forever', () => {
    expect(isResponseBreached(clock, at(100 * HOUR), at(HOUR))).toBe(false);
  });

  it('a late response stays breached', () => {
    expect(isResponseBreached(clock, at(100 * HOUR), at(HOUR + 1))).toBe(true);
  });

  it('is not paused by a pending-customer pause', () => {
    const paused = pause(clock, at(10 * MIN));
    expect(isResponseBreached(paused, at(HOUR + 1), null)).toBe(true);
  });
});

describe('isResolutionBreached', () => {
  const clock = startClock(T0, P2);

  it('is not breached at the due instant, and breached one millisecond later', () => {
    expect(isResolutionBreached(clock, at(8 * HOUR), null)).toBe(false);
    expect(isResolutionBreached(clock, at(8 * HOUR + 1), null)).toBe(true);
  });

  it('is judged at resolution time once resolved', () => {
    expect(isResolutionBreached(clock, at(100 * HOUR), at(8 * HOUR))).toBe(false);
    expect(isResolutionBreached(clock, at(100 * HOUR), at(8 * HOUR + 1))).toBe(true);
  });

  it('cannot be breached while paused before the deadline', () => {
    const paused = pause(clock, at(7 * HOUR));
    expect(isResolutionBreached(paused, at(200 * HOUR), null)).toBe(false);
  });

  it('stays breached when paused after the deadline had passed', () => {
    const paused = pause(clock, at(9 * HOUR));
    expect(isResolutionBreached(paused, at(9 * HOUR), null)).toBe(true);
  });

  it('uses the pushed deadline after a resume', () => {
    const resumed = resume(pause(clock, at(2 * HOUR)), at(4 * HOUR));
    expect(isResolutionBreached(resumed, at(10 * HOUR), null)).toBe(false);
    expect(isResolutionBreached(resumed, at(10 * HOUR + 1), null)).toBe(true);
  });

  it('resolution while paused is measured at the pause start', () => {
    // Pending on the customer from 6 h; the customer confirms the fix at 20 h and the ticket is resolved then.
    const paused = pause(clock, at(6 * HOUR));
    expect(isResolutionBreached(paused, at(30 * HOUR), at(20 * HOUR))).toBe(false);
    expect(elapsedResolutionSeconds(paused, at(30 * HOUR))).toBe(6 * 3600);
  });
});

describe('breaches', () => {
  const clock = startClock(T0, P2);

  it('lists nothing before the deadlines', () => {
    expect(breaches(clock, at(HOUR), NOTHING_MET)).toEqual([]);
  });

  it('lists the response once its deadline passes unanswered', () => {
    expect(breaches(clock, at(2 * HOUR), NOTHING_MET)).toEqual(['RESPONSE']);
  });

  it('lists both, response first', () => {
    expect(breaches(clock, at(9 * HOUR), NOTHING_MET)).toEqual(['RESPONSE', 'RESOLUTION']);
  });

  it('leaves out deadlines met in time', () => {
    const progress = { acknowledgedAt: at(30 * MIN), resolvedAt: null };
    expect(breaches(clock, at(9 * HOUR), progress)).toEqual(['RESOLUTION']);
  });
});

describe('nextDeadline', () => {
  const clock = startClock(T0, P2);
  const acknowledged = { acknowledgedAt: at(10 * MIN), resolvedAt: null };

  it('is the response deadline for a fresh ticket', () => {
    expect(nextDeadline(clock, T0, NOTHING_MET)).toEqual({ kind: 'RESPONSE', dueAt: at(HOUR) });
  });

  it('still reports a deadline at its due instant', () => {
    expect(nextDeadline(clock, at(HOUR), NOTHING_MET)).toEqual({ kind: 'RESPONSE', dueAt: at(HOUR) });
  });

  it('moves on to resolution once the response deadline has passed', () => {
    expect(nextDeadline(clock, at(HOUR + 1), NOTHING_MET)).toEqual({
      kind: 'RESOLUTION',
      dueAt: at(8 * HOUR),
    });
  });

  it('reports the response deadline when both fall due at the same instant', () => {
    const tied: SlaClock = { ...clock, resolutionDueAt: clock.responseDueAt };
    expect(nextDeadline(tied, T0, NOTHING_MET)).toEqual({ kind: 'RESPONSE', dueAt: at(HOUR) });
  });

  it('is the resolution deadline once acknowledged', () => {
    expect(nextDeadline(clock, at(HOUR), acknowledged)).toEqual({ kind: 'RESOLUTION', dueAt: at(8 * HOUR) });
  });

  it('is null while the resolution clock is paused and the response is met', () => {
    expect(nextDeadline(pause(clock, at(2 * HOUR)), at(3 * HOUR), acknowledged)).toBeNull();
  });

  it('still reports the response deadline while paused and unanswered', () => {
    expect(nextDeadline(pause(clock, at(10 * MIN)), at(20 * MIN), NOTHING_MET)).toEqual({
      kind: 'RESPONSE',
      dueAt: at(HOUR),
    });
  });

  it('is null once resolved', () => {
    expect(
      nextDeadline(clock, at(2 * HOUR), { acknowledgedAt: at(10 * MIN), resolvedAt: at(2 * HOUR) }),
    ).toBeNull();
  });

  it('is null after both deadlines have passed', () => {
    expect(nextDeadline(clock, at(9 * HOUR), NOTHING_MET)).toBeNull();
  });

  it('picks the earlier one when resolution comes first', () => {
    // A long pause cannot move the response deadline; a policy with a response target longer than resolution can.
    const odd = startClock(T0, { priority: 'P4', responseSeconds: 3 * 3600, resolutionSeconds: 2 * 3600 });
    expect(nextDeadline(odd, T0, NOTHING_MET)).toEqual({ kind: 'RESOLUTION', dueAt: at(2 * HOUR) });
  });
});

describe('changePolicy (priority change)', () => {
  it('re-targets both deadlines from the original start, keeping paused time', () => {
    const p2 = resume(pause(startClock(T0, P2), at(5 * MIN)), at(HOUR + 5 * MIN));
    const p1 = changePolicy(p2, P1);
    expect(p1).toEqual({ ...p2, responseDueAt: at(15 * MIN), resolutionDueAt: at(5 * HOUR) });
  });

  it('an upgrade can breach at once', () => {
    const p1 = changePolicy(startClock(T0, P2), P1);
    expect(breaches(p1, at(30 * MIN), NOTHING_MET)).toEqual(['RESPONSE']);
  });

  it('a downgrade can lift a breach', () => {
    const clock = startClock(T0, P1);
    expect(breaches(clock, at(5 * HOUR), NOTHING_MET)).toEqual(['RESPONSE', 'RESOLUTION']);
    expect(breaches(changePolicy(clock, P4), at(5 * HOUR), NOTHING_MET)).toEqual([]);
  });

  it('while paused, the open pause is still added on resume', () => {
    const paused = pause(startClock(T0, P2), at(2 * HOUR));
    const resumed = resume(changePolicy(paused, P1), at(3 * HOUR));
    expect(resumed.resolutionDueAt).toEqual(at(5 * HOUR));
  });
});

describe('a pluggable calendar', () => {
  // Working hours 09:00–17:00 UTC every day: enough to show that all counting goes through the calendar.
  const OPEN_HOUR = 9;
  const CLOSE_HOUR = 17;
  const startOfDay = (ms: number) => {
    const day = new Date(ms);
    return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  };
  const nextDay = (ms: number) => startOfDay(ms) + 24 * HOUR;
  const windowOf = (ms: number): [number, number] => [
    startOfDay(ms) + OPEN_HOUR * HOUR,
    startOfDay(ms) + CLOSE_HOUR * HOUR,
  ];
  const officeHours: SlaCalendar = {
    addWorkingSeconds(from, seconds) {
      let cursor = from.getTime();
      let remaining = seconds * 1000;
      for (;;) {
        const [open, close] = windowOf(cursor);
        const start = Math.max(cursor, open);
        if (start < close && remaining <= close - start) return new Date(start + remaining);
        remaining -= Math.max(0, close - start);
        cursor = nextDay(cursor);
      }
    },
    workingSecondsBetween(from, to) {
      let total = 0;
      for (let cursor = from.getTime(); cursor < to.getTime(); cursor = nextDay(cursor)) {
        const [open, close] = windowOf(cursor);
        total += Math.max(0, Math.min(close, to.getTime()) - Math.max(open, cursor));
      }
      return total / 1000;
    },
  };

  it('sets deadlines in working time', () => {
    const clock = startClock(at(7 * HOUR), P2, officeHours); // Monday 16:00
    expect(clock.responseDueAt).toEqual(new Date('2025-03-03T17:00:00.000Z'));
    expect(clock.resolutionDueAt).toEqual(new Date('2025-03-04T16:00:00.000Z'));
  });

  it('pushes the deadline by the working time paused, not the wall-clock time', () => {
    // Opened Monday 09:00, due Monday 17:00; paused Monday 16:00 → Tuesday 10:00 = 2 working hours.
    const clock = resume(pause(startClock(T0, P2, officeHours), at(7 * HOUR)), at(25 * HOUR), officeHours);
    expect(clock.pausedSeconds).toBe(2 * 3600);
    expect(clock.resolutionDueAt).toEqual(new Date('2025-03-04T11:00:00.000Z'));
    expect(elapsedResolutionSeconds(clock, at(26 * HOUR), officeHours)).toBe(8 * 3600);
  });

  it('recomputes a priority change in working time', () => {
    const clock: SlaClock = changePolicy(startClock(T0, P2, officeHours), P1, officeHours);
    expect(clock.resolutionDueAt).toEqual(at(4 * HOUR));
  });
});
