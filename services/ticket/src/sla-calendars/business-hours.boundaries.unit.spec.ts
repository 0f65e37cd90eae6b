// Business-hours calendars at their edges (docs/product.md §12.1): what a calendar accepts as input, a wall time
// skipped or repeated by a DST change, a calendar that is never open, and the instants at the ends of a range.
import { BusinessHoursCalendar, calendarProblems, type CalendarDefinition } from './business-hours.rules';

const H = 3600;
const valid: CalendarDefinition = {
  timeZone: 'Europe/Berlin',
  hours: { MON: [{ from: '09:00', to: '17:00' }] },
  holidays: [],
};
const problems = (overrides: Partial<CalendarDefinition>) => calendarProblems({ ...valid, ...overrides });

describe('calendarProblems: opening hours', () => {
  it('accepts 00:00–24:00, 23:59 and ranges that touch', () => {
    expect(problems({ hours: { SUN: [{ from: '00:00', to: '24:00' }] } })).toEqual([]);
    expect(problems({ hours: { SAT: [{ from: '23:00', to: '23:59' }] } })).toEqual([]);
    expect(
      problems({
        hours: {
          TUE: [
            { from: '12:00', to: '18:00' },
            { from: '08:00', to: '12:00' },
          ],
        },
      }),
    ).toEqual([]);
  });

  it.each([
    ['24:00', '24:00'],
    ['24:01', '24:30'],
    ['8:00', '12:00'],
    ['08:00', '12:60'],
    ['08:00 ', '12:00'],
    ['x08:00', '12:00'],
  ])('refuses %s–%s as a time', (from, to) => {
    expect(problems({ hours: { MON: [{ from, to }], TUE: [{ from: '09:00', to: '17:00' }] } })).toEqual([
      { field: 'hours.MON', message: `Times are HH:MM (00:00–24:00): ${from}–${to}` },
    ]);
  });

  it('refuses an empty range (from = to)', () => {
    expect(problems({ hours: { MON: [{ from: '09:00', to: '09:00' }] } })).toEqual([
      { field: 'hours.MON', message: 'A range ends after it starts: 09:00–09:00' },
      { field: 'hours', message: 'The calendar is open on no weekday' },
    ]);
  });

  it('finds an overlap whatever order the ranges are given in', () => {
    expect(
      problems({
        hours: {
          MON: [
            { from: '11:00', to: '14:00' },
            { from: '09:00', to: '12:00' },
          ],
        },
      }),
    ).toEqual([{ field: 'hours.MON', message: 'Ranges overlap at 11:00' }]);
  });

  it('names an unknown weekday, and a day that is only that is no opening', () => {
    expect(problems({ hours: { FUNDAY: [{ from: '09:00', to: '17:00' }] } as never })).toEqual([
      { field: 'hours.FUNDAY', message: 'Unknown weekday FUNDAY' },
      { field: 'hours', message: 'The calendar is open on no weekday' },
    ]);
  });

  it('a weekday given without ranges is closed', () => {
    expect(problems({ hours: { MON: undefined, TUE: [{ from: '09:00', to: '10:00' }] } })).toEqual([]);
  });
});

describe('calendarProblems: zone and holidays', () => {
  it('an empty zone is unknown', () => {
    expect(problems({ timeZone: '' })).toEqual([{ field: 'timeZone', message: 'Unknown IANA time zone ' }]);
  });

  it.each(['2026-10-01', '10-01', '2026-02-29', '12-31', '01-01'])('accepts the holiday %s', (date) => {
    expect(problems({ holidays: [{ date, name: 'h' }] })).toEqual([]);
  });

  it.each([
    '2026-00-10',
    '2026-10-00',
    '2026-10-32',
    '13-01',
    '00-05',
    '10-1',
    '2026-10-01x',
    'x10-01',
    '26-10-01',
  ])('refuses the holiday %s, naming its index', (date) => {
    expect(
      problems({
        holidays: [
          { date: '12-25', name: 'ok' },
          { date, name: 'h' },
        ],
      }),
    ).toEqual([{ field: 'holidays.1.date', message: `A holiday is YYYY-MM-DD or MM-DD: ${date}` }]);
  });
});

describe('DST: a range starting at a wall time the change skips or repeats', () => {
  // Berlin: 2026-03-29 02:00 CET → 03:00 CEST (02:00–03:00 does not exist); 2026-10-25 03:00 CEST → 02:00 CET.
  const sundayNight = (from: string, to: string) =>
    new BusinessHoursCalendar({ timeZone: 'Europe/Berlin', hours: { SUN: [{ from, to }] }, holidays: [] });

  it('a skipped opening time counts from the same distance after the change', () => {
    // 02:30 does not exist: the range opens at 03:30 CEST (01:30Z) and closes at 04:00 CEST (02:00Z)
    const calendar = sundayNight('02:30', '04:00');
    expect(calendar.addWorkingSeconds(new Date('2026-03-29T00:00:00Z'), 60)).toEqual(
      new Date('2026-03-29T01:31:00Z'),
    );
    expect(
      calendar.workingSecondsBetween(new Date('2026-03-29T00:00:00Z'), new Date('2026-03-29T03:00:00Z')),
    ).toBe(0.5 * H);
  });

  it('a repeated opening time is its first occurrence', () => {
    // 02:30 happens twice: first at 00:30Z (CEST), again at 01:30Z (CET); the range 02:30–04:00 runs 00:30Z–03:00Z
    const calendar = sundayNight('02:30', '04:00');
    expect(calendar.addWorkingSeconds(new Date('2026-10-25T00:00:00Z'), 60)).toEqual(
      new Date('2026-10-25T00:31:00Z'),
    );
    expect(
      calendar.workingSecondsBetween(new Date('2026-10-25T00:00:00Z'), new Date('2026-10-25T06:00:00Z')),
    ).toBe(2.5 * H);
  });
});

describe('the ends of a range', () => {
  const berlin = new BusinessHoursCalendar(valid);
  // Monday 2026-03-30, 09:00–17:00 CEST = 07:00Z–15:00Z

  it('a deadline one millisecond past the day carries to the next opening (a week later)', () => {
    expect(berlin.addWorkingSeconds(new Date('2026-03-30T07:00:00Z'), 8 * H + 0.001)).toEqual(
      new Date('2026-04-06T07:00:00.001Z'),
    );
  });

  it('an interval ending exactly at opening counts nothing; one starting at closing counts nothing', () => {
    expect(
      berlin.workingSecondsBetween(new Date('2026-03-30T05:00:00Z'), new Date('2026-03-30T07:00:00Z')),
    ).toBe(0);
    expect(
      berlin.workingSecondsBetween(new Date('2026-03-30T15:00:00Z'), new Date('2026-03-30T18:00:00Z')),
    ).toBe(0);
  });

  it('counts up to an end inside the range', () => {
    expect(
      berlin.workingSecondsBetween(new Date('2026-03-30T06:00:00Z'), new Date('2026-03-30T08:30:00Z')),
    ).toBe(1.5 * H);
  });

  it('negative working time leaves the instant where it is', () => {
    const at = new Date('2026-03-30T20:00:00Z');
    expect(berlin.addWorkingSeconds(at, -60)).toEqual(at);
  });
});

describe('a calendar that is never open', () => {
  it('cannot place a deadline, and says so', () => {
    const closed = new BusinessHoursCalendar({ timeZone: 'Asia/Shanghai', hours: {}, holidays: [] });
    expect(() => closed.addWorkingSeconds(new Date('2026-03-30T00:00:00Z'), 60)).toThrow(
      'Calendar in Asia/Shanghai has no opening hours within 1098 days',
    );
    expect(
      closed.workingSecondsBetween(new Date('2026-03-30T00:00:00Z'), new Date('2026-04-30T00:00:00Z')),
    ).toBe(0);
  });

  it('holidays close the only opening day of a yearly date as well as a dated one', () => {
    // Open only on Mondays; 2026-03-30 is closed by a dated holiday, 2026-04-06 by a yearly one.
    const calendar = new BusinessHoursCalendar({
      ...valid,
      holidays: [
        { date: '2026-03-30', name: 'dated' },
        { date: '04-06', name: 'yearly' },
      ],
    });
    expect(calendar.addWorkingSeconds(new Date('2026-03-30T06:00:00Z'), 60)).toEqual(
      new Date('2026-04-13T07:01:00Z'),
    );
  });
});
