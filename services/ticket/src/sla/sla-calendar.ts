// Working time for SLA clocks. Clocks only ever count time through a calendar, so business hours and holidays
// (a later issue) plug in as another SlaCalendar without touching the clock rules.

export interface SlaCalendar {
  /** The instant that lies `seconds` working seconds after `from`. */
  addWorkingSeconds(from: Date, seconds: number): Date;
  /** Working seconds from `from` to `to`; 0 when `to` is not after `from`. May be fractional (ms precision). */
  workingSecondsBetween(from: Date, to: Date): number;
}

/** 24×7: every wall-clock second is a working second. */
export class ContinuousCalendar implements SlaCalendar {
  addWorkingSeconds(from: Date, seconds: number): Date {
    return new Date(from.getTime() + Math.round(seconds * 1000));
  }

  workingSecondsBetween(from: Date, to: Date): number {
    return Math.max(0, to.getTime() - from.getTime()) / 1000;
  }
}

export const CONTINUOUS_CALENDAR: SlaCalendar = new ContinuousCalendar();
