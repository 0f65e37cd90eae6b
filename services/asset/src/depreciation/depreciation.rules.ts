// Depreciation of an asset (docs/product.md §4.1): straight-line, declining balance (switching to straight-line on
// the remaining value once that charges more), and sum-of-years'-digits, over whole years from the date the asset
// went into service, down to its salvage value. Amounts are rounded to cents per year; the last year absorbs the
// rounding so the charges always add up to cost − salvage. Within a year the book value falls evenly by day. Pure.
import { BadUserInputError } from '@opsgraph/domain';
import { addMonths, daysBetween } from '../calendar.rules';

export const DEPRECIATION_METHODS = ['STRAIGHT_LINE', 'DECLINING_BALANCE', 'SUM_OF_YEARS_DIGITS'] as const;
export type DepreciationMethod = (typeof DEPRECIATION_METHODS)[number];

export interface DepreciationBasis {
  readonly cost: number;
  readonly salvage: number;
  readonly lifeYears: number;
  /** The first day of the first year (YYYY-MM-DD). */
  readonly start: string;
  /** Declining-balance rate as a multiple of the straight-line rate; default 2 (double-declining). */
  readonly factor?: number;
}

export interface DepreciationPeriod {
  readonly year: number;
  readonly from: string;
  /** Exclusive: the first day of the next year. */
  readonly to: string;
  readonly charge: number;
  readonly accumulated: number;
  readonly bookValue: number;
}

const cents = (amount: number): number => Math.round(amount * 100) / 100;

function check(basis: DepreciationBasis): void {
  if (!(basis.cost >= 0)) throw new BadUserInputError('cost must be at least 0', 'cost');
  if (!(basis.salvage >= 0 && basis.salvage <= basis.cost))
    throw new BadUserInputError('salvage must be between 0 and the cost', 'salvage');
  if (!Number.isInteger(basis.lifeYears) || basis.lifeYears < 1)
    throw new BadUserInputError('lifeYears must be a whole number of at least 1', 'lifeYears');
}

/** The charge of each year of the life, in order. */
export function annualCharges(basis: DepreciationBasis, method: DepreciationMethod): number[] {
  check(basis);
  const { cost, salvage, lifeYears: life } = basis;
  const base = cost - salvage;
  const charges: number[] = [];
  let book = cost;
  for (let year = 1; year <= life; year++) {
    const remainingYears = life - year + 1;
    let charge: number;
    if (method === 'STRAIGHT_LINE') charge = base / life;
    else if (method === 'SUM_OF_YEARS_DIGITS') charge = (base * remainingYears) / ((life * (life + 1)) / 2);
    else {
      const declining = (book * (basis.factor ?? 2)) / life;
      const straight = (book - salvage) / remainingYears;
      charge = Math.min(Math.max(declining, straight), book - salvage);
    }
    charge = year === life ? cents(book - salvage) : cents(charge);
    charges.push(charge);
    book = cents(book - charge);
  }
  return charges;
}

/** The schedule by year: each year's dates, charge, accumulated depreciation and closing book value. */
export function depreciationSchedule(
  basis: DepreciationBasis,
  method: DepreciationMethod,
): DepreciationPeriod[] {
  let accumulated = 0;
  return annualCharges(basis, method).map((charge, index) => {
    accumulated = cents(accumulated + charge);
    return {
      year: index + 1,
      from: addMonths(basis.start, 12 * index),
      to: addMonths(basis.start, 12 * (index + 1)),
      charge,
      accumulated,
      bookValue: cents(basis.cost - accumulated),
    };
  });
}

/** The book value at the start of day `at`: the cost before the start, the salvage after the life. */
export function bookValueAt(basis: DepreciationBasis, method: DepreciationMethod, at: string): number {
  const schedule = depreciationSchedule(basis, method);
  let opening = basis.cost;
  for (const period of schedule) {
    if (at < period.from) return opening;
    if (at < period.to) {
      const share = daysBetween(period.from, at) / daysBetween(period.from, period.to);
      return cents(opening - period.charge * share);
    }
    opening = period.bookValue;
  }
  return opening;
}
