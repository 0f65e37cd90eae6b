import { pause, resume, startClock } from '../sla/sla-clock';
import { DEFAULT_SLA_POLICIES } from '../sla/sla-policy';
import { BusinessHoursCalendar, calendarProblems, type CalendarDefinition } from './business-hours.rules';

const H = 3600;
const M = 60;
const weekdays = (ranges: { from: string; to: string }[]) => ({
  MON: ranges,
  TUE: ranges,
  WED: ranges,
  THU: ranges,
  FRI: ranges,
});

const BERLIN = new BusinessHoursCalendar({
  timeZone: 'Europe/Berlin',
  hours: weekdays([{ from: '09:00', to: '17:00' }]),
  holidays: [
    { date: '12-25', name: 'Christmas Day' },
    { date: '2026-04-03', name: 'Good Friday 2026' },
  ],
});
const SHANGHAI = new BusinessHoursCalendar({
  timeZone: 'Asia/Shanghai',
  hours: weekdays([
    { from: '13:00', to: '18:00' },
    { from: '09:00', to: '12:00' },
  ]),
  holidays: [
    { date: '10-01', name: '國慶節' },
    { date: '10-02', name: '國慶節' },
    { date: '2026-02-17', name: '春節' },
  ],
});
const ALL_DAY = [{ from: '00:00', to: '24:00' }];
const BERLIN_ALWAYS = new BusinessHoursCalendar({
  timeZone: 'Europe/Berlin',
  hours: { ...weekdays(ALL_DAY), SAT: ALL_DAY, SUN: ALL_DAY },
  holidays: [],
});
const calendars = { BERLIN, SHANGHAI, BERLIN_ALWAYS };
type Name = keyof typeof calendars;

describe('addWorkingSeconds: the due instant in business time', () => {
  it.each<[string, Name, string, number, string]>([
    ['within the day', 'BERLIN', '2026-03-30T10:00+02:00', 1 * H, '2026-03-30T11:00+02:00'],
    ['due exactly at closing', 'BERLIN', '2026-03-30T16:00+02:00', 1 * H, '2026-03-30T17:00+02:00'],
    ['carries over to the next morning', 'BERLIN', '2026-03-30T16:00+02:00', 2 * H, '2026-03-31T10:00+02:00'],
    ['opened before opening hours', 'BERLIN', '2026-03-30T07:00+02:00', 30 * M, '2026-03-30T09:30+02:00'],
    ['opened after closing', 'BERLIN', '2026-03-30T20:00+02:00', 1 * H, '2026-03-31T10:00+02:00'],
    ['opened at opening', 'BERLIN', '2026-03-30T09:00+02:00', 15 * M, '2026-03-30T09:15+02:00'],
    ['opened at closing', 'BERLIN', '2026-03-30T17:00+02:00', 15 * M, '2026-03-31T09:15+02:00'],
    [
      'zero seconds stays put, even when closed',
      'BERLIN',
      '2026-03-30T17:00+02:00',
      0,
      '2026-03-30T17:00+02:00',
    ],
    [
      'P1 opened Friday evening is due Monday',
      'BERLIN',
      '2026-11-27T19:00+01:00',
      4 * H,
      '2026-11-30T13:00+01:00',
    ],
    [
      'opened on Saturday, across the spring DST change',
      'BERLIN',
      '2026-03-28T12:00+01:00',
      1 * H,
      '2026-03-30T10:00+02:00',
    ],
    [
      'Friday into Monday across spring DST',
      'BERLIN',
      '2026-03-27T16:00+01:00',
      2 * H,
      '2026-03-30T10:00+02:00',
    ],
    [
      'Friday into Monday across autumn DST',
      'BERLIN',
      '2026-10-23T16:00+02:00',
      2 * H,
      '2026-10-26T10:00+01:00',
    ],
    [
      'skips a dated holiday (Good Friday 2026)',
      'BERLIN',
      '2026-04-02T16:00+02:00',
      2 * H,
      '2026-04-06T10:00+02:00',
    ],
    [
      'skips a yearly holiday and the weekend',
      'BERLIN',
      '2026-12-24T16:00+01:00',
      2 * H,
      '2026-12-28T10:00+01:00',
    ],
    [
      'the yearly holiday recurs in another year',
      'BERLIN',
      '2025-12-24T16:00+01:00',
      2 * H,
      '2025-12-26T10:00+01:00',
    ],
    ['three working days', 'BERLIN', '2026-03-30T09:00+02:00', 24 * H, '2026-04-01T17:00+02:00'],
    ['P4 72 h is nine working days', 'BERLIN', '2026-11-30T09:00+01:00', 72 * H, '2026-12-10T17:00+01:00'],
    ['over the lunch break', 'SHANGHAI', '2026-11-30T11:30+08:00', 1 * H, '2026-11-30T13:30+08:00'],
    ['opened during lunch', 'SHANGHAI', '2026-11-30T12:15+08:00', 30 * M, '2026-11-30T13:30+08:00'],
    [
      'P1 opened Friday evening is due Monday afternoon',
      'SHANGHAI',
      '2026-11-27T19:00+08:00',
      4 * H,
      '2026-11-30T14:00+08:00',
    ],
    [
      'skips the National Day holidays',
      'SHANGHAI',
      '2026-09-30T17:00+08:00',
      2 * H,
      '2026-10-05T10:00+08:00',
    ],
    [
      'skips a dated holiday (Spring Festival)',
      'SHANGHAI',
      '2026-02-16T17:00+08:00',
      2 * H,
      '2026-02-18T10:00+08:00',
    ],
    [
      'a full working day ends at closing',
      'SHANGHAI',
      '2026-12-01T09:00+08:00',
      8 * H,
      '2026-12-01T18:00+08:00',
    ],
    [
      'one minute after the morning closes',
      'SHANGHAI',
      '2026-12-01T12:00+08:00',
      1 * M,
      '2026-12-01T13:01+08:00',
    ],
    [
      '24 h over the 23-hour spring DST day',
      'BERLIN_ALWAYS',
      '2026-03-28T12:00+01:00',
      24 * H,
      '2026-03-29T13:00+02:00',
    ],
    [
      '24 h over the 25-hour autumn DST day',
      'BERLIN_ALWAYS',
      '2026-10-24T12:00+02:00',
      24 * H,
      '2026-10-25T11:00+01:00',
    ],
  ])('%s (%s)', (_case, name, from, seconds, due) => {
    expect(calendars[name].addWorkingSeconds(new Date(from), seconds)).toEqual(new Date(due));
  });
});

describe('workingSecondsBetween: pauses measured in business time', () => {
  it.each<[string, Name, string, string, number]>([
    [
      'Friday afternoon to Monday morning',
      'BERLIN',
      '2026-11-27T16:00+01:00',
      '2026-11-30T10:00+01:00',
      2 * H,
    ],
    ['a pause spanning the night', 'BERLIN', '2026-03-30T16:30+02:00', '2026-03-31T09:30+02:00', 1 * H],
    ['a pause entirely in closed hours', 'BERLIN', '2026-03-28T10:00+01:00', '2026-03-29T18:00+02:00', 0],
    [
      'a pause over the autumn DST weekend',
      'BERLIN',
      '2026-10-23T16:00+02:00',
      '2026-10-26T10:00+01:00',
      2 * H,
    ],
    ['a pause over Christmas', 'BERLIN', '2026-12-24T09:00+01:00', '2026-12-28T09:00+01:00', 8 * H],
    ['across the lunch break', 'SHANGHAI', '2026-11-30T11:00+08:00', '2026-11-30T14:00+08:00', 2 * H],
    ['over National Day', 'SHANGHAI', '2026-09-30T17:00+08:00', '2026-10-05T10:00+08:00', 2 * H],
    [
      'an end before the start counts nothing',
      'BERLIN',
      '2026-03-31T10:00+02:00',
      '2026-03-30T10:00+02:00',
      0,
    ],
    [
      'the spring DST day has 23 hours',
      'BERLIN_ALWAYS',
      '2026-03-29T00:00+01:00',
      '2026-03-30T00:00+02:00',
      23 * H,
    ],
    [
      'the autumn DST day has 25 hours',
      'BERLIN_ALWAYS',
      '2026-10-25T00:00+02:00',
      '2026-10-26T00:00+01:00',
      25 * H,
    ],
  ])('%s (%s)', (_case, name, from, to, seconds) => {
    expect(calendars[name].workingSecondsBetween(new Date(from), new Date(to))).toBe(seconds);
  });

  it('keeps millisecond precision', () => {
    const from = new Date('2026-03-30T10:00:00.250+02:00');
    expect(BERLIN.workingSecondsBetween(from, new Date('2026-03-30T10:00:02+02:00'))).toBe(1.75);
  });
});

describe('the SLA clock through a business-hours calendar', () => {
  const P1 = DEFAULT_SLA_POLICIES.P1;
  const opened = startClock(new Date('2026-11-27T16:00+01:00'), P1, BERLIN);

  it('starts with deadlines in business time', () => {
    expect(opened.responseDueAt).toEqual(new Date('2026-11-27T16:15+01:00'));
    expect(opened.resolutionDueAt).toEqual(new Date('2026-11-30T12:00+01:00'));
  });

  it('a pause spanning the weekend pushes the deadline by its working time only', () => {
    const paused = pause(opened, new Date('2026-11-27T16:30+01:00'));
    const resumed = resume(paused, new Date('2026-11-30T09:30+01:00'), BERLIN);
    expect(resumed.pausedSeconds).toBe(1 * H);
    expect(resumed.resolutionDueAt).toEqual(new Date('2026-11-30T13:00+01:00'));
  });

  it('a pause wholly in closed hours changes nothing', () => {
    const paused = pause(opened, new Date('2026-11-27T17:30+01:00'));
    const resumed = resume(paused, new Date('2026-11-30T08:00+01:00'), BERLIN);
    expect(resumed).toMatchObject({ pausedSeconds: 0, resolutionDueAt: opened.resolutionDueAt });
  });
});

describe('calendarProblems', () => {
  const valid: CalendarDefinition = {
    timeZone: 'Asia/Shanghai',
    hours: { MON: [{ from: '09:00', to: '18:00' }] },
    holidays: [{ date: '10-01', name: '國慶節' }],
  };

  it('accepts a usable calendar', () => {
    expect(calendarProblems(valid)).toEqual([]);
  });

  it('names every problem with its field', () => {
    expect(
      calendarProblems({
        timeZone: 'Mars/Olympus',
        hours: {
          MON: [
            { from: '09:00', to: '12:00' },
            { from: '11:00', to: '13:00' },
          ],
          TUE: [{ from: '18:00', to: '09:00' }],
          WED: [{ from: '9:00', to: '25:00' }],
        },
        holidays: [{ date: '2026-13-01', name: 'x' }],
      }),
    ).toEqual([
      { field: 'timeZone', message: 'Unknown IANA time zone Mars/Olympus' },
      { field: 'hours.MON', message: 'Ranges overlap at 11:00' },
      { field: 'hours.TUE', message: 'A range ends after it starts: 18:00–09:00' },
      { field: 'hours.WED', message: 'Times are HH:MM (00:00–24:00): 9:00–25:00' },
      { field: 'holidays.0.date', message: 'A holiday is YYYY-MM-DD or MM-DD: 2026-13-01' },
    ]);
  });

  it('refuses a calendar that is never open', () => {
    expect(calendarProblems({ ...valid, hours: { SAT: [] } })).toEqual([
      { field: 'hours', message: 'The calendar is open on no weekday' },
    ]);
  });
});
