import {
  annualCharges,
  bookValueAt,
  depreciationSchedule,
  type DepreciationBasis,
} from './depreciation.rules';

// Wikipedia, "Depreciation" (en.wikipedia.org/wiki/Depreciation), worked examples of each method.
const WIKI_VEHICLE: DepreciationBasis = { cost: 17_000, salvage: 2_000, lifeYears: 5, start: '2020-01-01' };
const WIKI_ASSET: DepreciationBasis = { cost: 1_000, salvage: 100, lifeYears: 5, start: '2020-01-01' };
// The common introductory-accounting example (cost 10,000, salvage 1,000, five years); its figures are checked by
// hand here rather than quoted from one named book.
const TEXTBOOK: DepreciationBasis = { cost: 10_000, salvage: 1_000, lifeYears: 5, start: '2020-01-01' };

describe('straight-line', () => {
  it('Wikipedia: a 17,000 vehicle, salvage 2,000, five years → 3,000 a year', () => {
    expect(annualCharges(WIKI_VEHICLE, 'STRAIGHT_LINE')).toEqual([3000, 3000, 3000, 3000, 3000]);
  });

  it('puts the rounding in the last year', () => {
    expect(
      annualCharges({ cost: 1000, salvage: 0, lifeYears: 3, start: '2020-01-01' }, 'STRAIGHT_LINE'),
    ).toEqual([333.33, 333.33, 333.34]);
  });
});

describe('declining balance (double, switching to straight-line)', () => {
  it('Wikipedia: 1,000, salvage 100, five years → 400, 240, 144, 86.40, 29.60 (last year down to salvage)', () => {
    expect(annualCharges(WIKI_ASSET, 'DECLINING_BALANCE')).toEqual([400, 240, 144, 86.4, 29.6]);
  });

  it('textbook: 10,000, salvage 1,000, five years → 4,000, 2,400, 1,440, 864, 296', () => {
    expect(annualCharges(TEXTBOOK, 'DECLINING_BALANCE')).toEqual([4000, 2400, 1440, 864, 296]);
  });

  it('switches to straight-line once it charges more (hand-computed: 10,000, no salvage, five years)', () => {
    // Year 4: declining 2,160 × 40% = 864 < straight-line 2,160 / 2 = 1,080 → 1,080 in years 4 and 5.
    expect(annualCharges({ ...TEXTBOOK, salvage: 0 }, 'DECLINING_BALANCE')).toEqual([
      4000, 2400, 1440, 1080, 1080,
    ]);
  });
});

describe("sum-of-years'-digits", () => {
  it('Wikipedia: 1,000, salvage 100, five years → 300, 240, 180, 120, 60', () => {
    expect(annualCharges(WIKI_ASSET, 'SUM_OF_YEARS_DIGITS')).toEqual([300, 240, 180, 120, 60]);
  });

  it('textbook: 10,000, salvage 1,000, five years → 3,000, 2,400, 1,800, 1,200, 600', () => {
    expect(annualCharges(TEXTBOOK, 'SUM_OF_YEARS_DIGITS')).toEqual([3000, 2400, 1800, 1200, 600]);
  });
});

describe('schedule and book value', () => {
  it('lists each year with accumulated depreciation and closing book value', () => {
    expect(depreciationSchedule(TEXTBOOK, 'SUM_OF_YEARS_DIGITS').slice(0, 2)).toEqual([
      { year: 1, from: '2020-01-01', to: '2021-01-01', charge: 3000, accumulated: 3000, bookValue: 7000 },
      { year: 2, from: '2021-01-01', to: '2022-01-01', charge: 2400, accumulated: 5400, bookValue: 4600 },
    ]);
  });

  it('is the cost before the start, falls evenly by day within a year, and is the salvage after the life', () => {
    expect(bookValueAt(TEXTBOOK, 'STRAIGHT_LINE', '2019-12-31')).toBe(10_000);
    expect(bookValueAt(TEXTBOOK, 'STRAIGHT_LINE', '2021-01-01')).toBe(8_200);
    // 2021 is 365 days; 1 July 2021 is day 181 → 8,200 − 1,800 × 181/365.
    expect(bookValueAt(TEXTBOOK, 'STRAIGHT_LINE', '2021-07-01')).toBe(7307.4);
    expect(bookValueAt(TEXTBOOK, 'DECLINING_BALANCE', '2022-01-01')).toBe(3600);
    expect(bookValueAt(TEXTBOOK, 'SUM_OF_YEARS_DIGITS', '2030-01-01')).toBe(1000);
  });

  it('refuses a salvage above the cost', () => {
    expect(() => annualCharges({ ...TEXTBOOK, salvage: 20_000 }, 'STRAIGHT_LINE')).toThrow(/salvage/);
  });
});

describe('the basis', () => {
  const refusal = (basis: Partial<DepreciationBasis>) => {
    try {
      annualCharges({ ...TEXTBOOK, ...basis }, 'STRAIGHT_LINE');
    } catch (error) {
      return {
        message: (error as Error).message,
        field: (error as { details: { field: string } }).details.field,
      };
    }
    return null;
  };

  it('takes a cost of 0, a salvage equal to the cost and a one-year life', () => {
    expect(annualCharges({ ...TEXTBOOK, cost: 0, salvage: 0 }, 'STRAIGHT_LINE')).toEqual([0, 0, 0, 0, 0]);
    expect(annualCharges({ ...TEXTBOOK, salvage: 10_000 }, 'SUM_OF_YEARS_DIGITS')).toEqual([0, 0, 0, 0, 0]);
    expect(annualCharges({ ...TEXTBOOK, lifeYears: 1 }, 'DECLINING_BALANCE')).toEqual([9000]);
  });

  it('refuses a negative or unknown cost, a salvage outside 0..cost and a life that is not a whole number ≥ 1', () => {
    const cost = { message: 'cost must be at least 0', field: 'cost' };
    const salvage = { message: 'salvage must be between 0 and the cost', field: 'salvage' };
    const life = { message: 'lifeYears must be a whole number of at least 1', field: 'lifeYears' };
    expect(refusal({ cost: -0.01, salvage: 0 })).toEqual(cost);
    expect(refusal({ cost: Number.NaN })).toEqual(cost);
    expect(refusal({ salvage: -1 })).toEqual(salvage);
    expect(refusal({ salvage: 10_000.01 })).toEqual(salvage);
    expect(refusal({ lifeYears: 0 })).toEqual(life);
    expect(refusal({ lifeYears: 2.5 })).toEqual(life);
  });
});

describe('declining balance never goes below the salvage', () => {
  it('caps a steep year at the cost less the salvage (factor 3 over three years)', () => {
    expect(annualCharges({ ...WIKI_ASSET, lifeYears: 3, factor: 3 }, 'DECLINING_BALANCE')).toEqual([
      900, 0, 0,
    ]);
  });
});
