// A small DDSketch (Masson, Rim, Lee, "DDSketch: a fast and fully-mergeable quantile sketch with relative-error
// guarantees", VLDB 2019) for non-negative durations in seconds.
//
// Error bound: for a sketch built with relative accuracy α, `quantile(q)` returns a value v̂ with
// |v̂ − v| ≤ α·v, where v is the exact nearest-rank q-quantile of the values added (the ⌈q·n⌉-th smallest, as
// PostgreSQL's percentile_disc). Zero is kept exactly. Bins are unbounded (no collapsing), so the bound holds for
// every input; a bin is one integer key, and durations up to a year need < 1,100 keys at α = 1%.
//
// Mergeable and subtractable: a sketch is a multiset of bin counts, so `merge` (a week = its days, a subtree =
// its departments) and `remove` (a fact that changed) are exact and order-independent — merging any partition
// of the values gives the same sketch as adding them one by one.
//
// Stored form: the bins as one text of comma-separated counts from the lowest key held upwards, a run of empty bins
// written as one negative number (−n skips n keys). A busy cell stores a couple of characters per bin and a sparse one
// little more than its counts; being one jsonb string, it is cheap for PostgreSQL to send (a jsonb array of numbers is
// formatted number by number) and JSON.parse one call to read, and it is merged by adding counts position by
// position into a dense array. A month of a department subtree is hundreds of cells, and that merge is the read.

export const DEFAULT_RELATIVE_ACCURACY = 0.01;

/**
 * The serialised form, stored in a jsonb column. `counts` lists, comma-separated, the bins from `offset` upwards: a
 * count ≥ 1 is the next bin's count, −n skips n empty bins (e.g. `'3,-2,1'`: bins offset … offset + 3 hold 3, 0,
 * 0, 1). Canonical, so equal sketches serialise equally: no zero, no skip at either end, never two skips in a row;
 * an empty sketch has `offset` 0 and counts `''`.
 */
export interface SketchData {
  alpha: number;
  zeroCount: number;
  offset: number;
  counts: string;
}

export class DDSketch {
  private readonly gamma: number;
  private readonly logGamma: number;
  private zeroCount = 0;
  /** Key of `counts[0]`. */
  private offset = 0;
  /** Counts of the keys offset, offset + 1, … (dense; zeros anywhere, dropped when serialised). */
  private counts: number[] = [];

  constructor(readonly alpha = DEFAULT_RELATIVE_ACCURACY) {
    if (!(alpha > 0 && alpha < 1)) throw new RangeError(`relative accuracy must be in (0, 1), got ${alpha}`);
    this.gamma = (1 + alpha) / (1 - alpha);
    this.logGamma = Math.log(this.gamma);
  }

  get count(): number {
    let total = this.zeroCount;
    for (const count of this.counts) total += count;
    return total;
  }

  /** Adds (or, with a negative `times`, removes) a value. */
  add(value: number, times = 1): this {
    if (!(Number.isFinite(value) && value >= 0))
      throw new RangeError(`sketch values must be ≥ 0, got ${value}`);
    if (value === 0) {
      this.zeroCount = this.checked(this.zeroCount + times);
      return this;
    }
    const key = this.keyOf(value);
    this.cover(key, key);
    const index = key - this.offset;
    this.counts[index] = this.checked(this.counts[index] + times);
    return this;
  }

  remove(value: number): this {
    return this.add(value, -1);
  }

  merge(other: DDSketch): this {
    return this.mergeData(other.toJSON());
  }

  /** Merges a serialised sketch in place, without building it first (a month's or a subtree's cells). */
  mergeData(other: SketchData): this {
    if (other.alpha !== this.alpha) throw new RangeError('cannot merge sketches of different accuracy');
    this.zeroCount += other.zeroCount;
    if (other.counts === '') return this;
    const runs: number[] = JSON.parse(`[${other.counts}]`);
    let span = 0;
    for (const run of runs) span += run < 0 ? -run : 1;
    this.cover(other.offset, other.offset + span - 1);
    let index = other.offset - this.offset;
    for (const run of runs) {
      if (run < 0) index -= run;
      else this.counts[index++] += run;
    }
    return this;
  }

  /** The nearest-rank q-quantile within the relative accuracy; null when empty. */
  quantile(q: number): number | null {
    if (!(q > 0 && q <= 1)) throw new RangeError(`quantile must be in (0, 1], got ${q}`);
    const total = this.count;
    if (total === 0) return null;
    const rank = Math.max(Math.ceil(q * total), 1);
    let seen = this.zeroCount;
    if (seen >= rank) return 0;
    for (let index = 0; index < this.counts.length; index++) {
      seen += this.counts[index];
      if (seen >= rank) return this.valueOf(this.offset + index);
    }
    /* c8 ignore next */
    throw new Error('unreachable: rank beyond count');
  }

  toJSON(): SketchData {
    const runs: number[] = [];
    let offset = 0;
    let skipped = 0;
    this.counts.forEach((count, index) => {
      if (count === 0) {
        skipped++;
        return;
      }
      if (runs.length === 0) offset = this.offset + index;
      else if (skipped > 0) runs.push(-skipped);
      runs.push(count);
      skipped = 0;
    });
    return { alpha: this.alpha, zeroCount: this.zeroCount, offset, counts: runs.join(',') };
  }

  static fromJSON(data: SketchData): DDSketch {
    return new DDSketch(data.alpha).mergeData(data);
  }

  static mergeAll(sketches: Iterable<DDSketch>, alpha = DEFAULT_RELATIVE_ACCURACY): DDSketch {
    const merged = new DDSketch(alpha);
    for (const sketch of sketches) merged.merge(sketch);
    return merged;
  }

  /** Widens the store so that it holds the keys low … high (new bins count 0). */
  private cover(low: number, high: number): void {
    if (this.counts.length === 0) {
      this.offset = low;
      this.counts = new Array<number>(high - low + 1).fill(0);
      return;
    }
    if (low < this.offset) {
      this.counts = new Array<number>(this.offset - low).fill(0).concat(this.counts);
      this.offset = low;
    }
    const last = this.offset + this.counts.length - 1;
    for (let key = last + 1; key <= high; key++) this.counts.push(0);
  }

  /** Bin i holds (γ^(i−1), γ^i]. */
  private keyOf(value: number): number {
    return Math.ceil(Math.log(value) / this.logGamma);
  }

  /** The point of bin i whose relative distance to both ends is α: 2γ^i / (γ + 1). */
  private valueOf(key: number): number {
    return (2 * Math.pow(this.gamma, key)) / (this.gamma + 1);
  }

  private checked(count: number): number {
    if (count < 0) throw new RangeError('removed a value the sketch does not hold');
    return count;
  }
}
