import {
  causeKey,
  DEFAULT_RECURRENCE_POLICY,
  recurrenceOf,
  type Investigation,
} from './complaint-recurrence.rules';

const DAY = 86_400_000;
const NOW = new Date('2026-03-31T12:00:00Z');
const policy = { threshold: 3, windowDays: 30 };
const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY);
const investigation = (ticketId: string, rootCause: string, daysAgo: number): Investigation => ({
  ticketId,
  rootCause,
  investigatedAt: at(daysAgo),
});

describe('causeKey', () => {
  it('treats case, spacing and a trailing full stop as the same cause', () => {
    expect(causeKey('  Callback queue   not monitored. ')).toBe(causeKey('callback queue not monitored'));
    expect(causeKey('回訪未按時進行。')).toBe(causeKey('回訪未按時進行'));
    expect(causeKey('Billing retry')).not.toBe(causeKey('Billing retries'));
  });

  it('keys a cause in lower case, single-spaced, full-width letters folded, trailing stops dropped and inner ones kept', () => {
    expect(causeKey('  Callback   Queue!! ')).toBe('callback queue');
    expect(causeKey('ＶＰＮ down。')).toBe('vpn down');
    expect(causeKey('Step 2. retry failed.')).toBe('step 2. retry failed');
  });

  it('reports three investigations of a cause within 30 days by default', () => {
    expect(DEFAULT_RECURRENCE_POLICY).toEqual({ threshold: 3, windowDays: 30 });
  });
});

describe('recurrenceOf', () => {
  const cause = 'Callback queue not monitored';

  it('reports the threshold-th investigation of the same cause within the window, oldest first', () => {
    const list = [
      investigation('t1', cause, 20),
      investigation('t2', 'callback queue NOT monitored.', 5),
      investigation('t9', 'Something else', 1),
      investigation('t3', cause, 0),
    ];
    expect(recurrenceOf(cause, list, NOW, policy, null)).toEqual({
      rootCause: cause,
      count: 3,
      ticketIds: ['t1', 't2', 't3'],
    });
  });

  it('is below the threshold with fewer, and counts a ticket investigated twice once', () => {
    expect(
      recurrenceOf(cause, [investigation('t1', cause, 3), investigation('t2', cause, 1)], NOW, policy, null),
    ).toBeNull();
    const revised = [
      investigation('t1', cause, 3),
      investigation('t1', cause, 2),
      investigation('t2', cause, 1),
    ];
    expect(recurrenceOf(cause, revised, NOW, policy, null)).toBeNull();
  });

  it('counts only the window: exactly windowDays ago is outside, now is inside, later is ignored', () => {
    const edges = [
      investigation('old', cause, 30),
      investigation('t2', cause, 29.99),
      investigation('t3', cause, 0),
      investigation('future', cause, -1),
    ];
    expect(recurrenceOf(cause, edges, NOW, policy, null)).toBeNull();
    expect(
      recurrenceOf(cause, [...edges, investigation('t4', cause, 10)], NOW, policy, null)?.ticketIds,
    ).toEqual(['t2', 't4', 't3']);
  });

  it('is reported once per window', () => {
    const list = [
      investigation('t1', cause, 3),
      investigation('t2', cause, 2),
      investigation('t3', cause, 1),
    ];
    expect(recurrenceOf(cause, list, NOW, policy, at(10))).toBeNull();
    expect(recurrenceOf(cause, list, NOW, policy, at(30))?.count).toBe(3);
  });
});
