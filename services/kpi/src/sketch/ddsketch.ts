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

export const DEFAULT_RELATIVE_ACCURACY = 0.01;

/** The serialised form, stored in a jsonb column: bins sorted by key so equal sketches serialise equally. */
export interface SketchData {
  alpha: number;
  zeroCount: number;
  bins: Array<[key: number, count: number]>;
}

export class DDSketch {
  private readonly gamma: number;
  private readonly logGamma: number;
  private zeroCount = 0;
  private readonly bins = new Map<number, number>();

  constructor(readonly alpha = DEFAULT_RELATIVE_ACCURACY) {
    if (!(alpha > 0 && alpha < 1)) throw new RangeError(`relative accuracy must be in (0, 1), got ${alpha}`);
    this.gamma = (1 + alpha) / (1 - alpha);
    this.logGamma = Math.log(this.gamma);
  }

  get count(): number {
    let total = this.zeroCount;
    for (const count of this.bins.values()) total += count;
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
    const next = this.checked((this.bins.get(key) ?? 0) + times);
    if (next === 0) this.bins.delete(key);
    else this.bins.set(key, next);
    return this;
  }

  remove(value: number): this {
    return this.add(value, -1);
  }

  merge(other: DDSketch): this {
    if (other.alpha !== this.alpha) throw new RangeError('cannot merge sketches of different accuracy');
    this.zeroCount += other.zeroCount;
    for (const [key, count] of other.bins) this.bins.set(key, (this.bins.get(key) ?? 0) + count);
    return this;
  }

  /** Merges a serialised sketch in place, without building it first (a month's or a subtree's cells). */
  mergeData(other: SketchData): this {
    if (other.alpha !== this.alpha) throw new RangeError('cannot merge sketches of different accuracy');
    this.zeroCount += other.zeroCount;
    for (const [key, count] of other.bins) this.bins.set(key, (this.bins.get(key) ?? 0) + count);
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
    for (const key of [...this.bins.keys()].sort((a, b) => a - b)) {
      seen += this.bins.get(key) as number;
      if (seen >= rank) return this.valueOf(key);
    }
    /* c8 ignore next */
    throw new Error('unreachable: rank beyond count');
  }

  toJSON(): SketchData {
    return {
      alpha: this.alpha,
      zeroCount: this.zeroCount,
      bins: [...this.bins.entries()].sort((a, b) => a[0] - b[0]),
    };
  }

  static fromJSON(data: SketchData): DDSketch {
    const sketch = new DDSketch(data.alpha);
    sketch.zeroCount = data.zeroCount;
    for (const [key, count] of data.bins) sketch.bins.set(key, count);
    return sketch;
  }

  static mergeAll(sketches: Iterable<DDSketch>, alpha = DEFAULT_RELATIVE_ACCURACY): DDSketch {
    const merged = new DDSketch(alpha);
    for (const sketch of sketches) merged.merge(sketch);
    return merged;
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
