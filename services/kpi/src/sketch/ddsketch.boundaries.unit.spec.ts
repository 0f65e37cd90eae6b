// The KPI percentile sketch (docs/product.md §KPI "Percentiles"): what a sketch accepts, that its stored (jsonb)
// form keeps every value — zero exactly — in its canonical runs of bin counts, and that a refusal says what was wrong.
import { DDSketch } from './ddsketch';

/** Through the jsonb column: JSON text and back. */
const stored = (sketch: DDSketch) => DDSketch.fromJSON(JSON.parse(JSON.stringify(sketch.toJSON())));

describe('relative accuracy is a share strictly between 0 and 1', () => {
  it.each([0, 1, -0.01, 1.5, Number.NaN])('refuses %p, naming it', (alpha) => {
    expect(() => new DDSketch(alpha)).toThrow(
      new RangeError(`relative accuracy must be in (0, 1), got ${alpha}`),
    );
  });

  it('accepts values just inside the range', () => {
    expect(new DDSketch(0.001).add(10).quantile(1)).toBeCloseTo(10, 1);
    expect(new DDSketch(0.5).add(10).quantile(1)).not.toBeNull();
  });
});

describe('a quantile is asked for with q in (0, 1]', () => {
  const sketch = new DDSketch().add(10).add(1000);

  it('q = 1 is the largest value (within 1 %)', () => {
    expect(Math.abs((sketch.quantile(1) as number) - 1000)).toBeLessThanOrEqual(10);
  });

  it.each([0, -0.5, 1.01, Number.NaN])('refuses q = %p, naming it', (q) => {
    expect(() => sketch.quantile(q)).toThrow(new RangeError(`quantile must be in (0, 1], got ${q}`));
  });
});

describe('the stored form keeps every value', () => {
  it('non-zero values survive storage with their percentiles', () => {
    const sketch = new DDSketch().add(60).add(600).add(6000);
    const back = stored(sketch);
    expect(back.count).toBe(3);
    expect(back.quantile(0.5)).toBe(sketch.quantile(0.5));
    expect(back.quantile(1)).toBe(sketch.quantile(1));
  });

  it('zero is kept exactly, as a count of its own, through storage', () => {
    const sketch = new DDSketch().add(0).add(0).add(5);
    expect(sketch.toJSON()).toMatchObject({ zeroCount: 2 });
    expect(stored(sketch).quantile(0.5)).toBe(0);
    expect(stored(sketch).count).toBe(3);
  });
});

describe('the stored form is one text of bin counts from the lowest bin, empty bins skipped as −n', () => {
  /** The bin of a value at α = 1 %: ⌈ln v / ln γ⌉ (60 s → 205, 61 s → 206, 100 s → 231). */
  const key = (value: number) => Math.ceil(Math.log(value) / Math.log(1.01 / 0.99));

  it('an empty sketch stores offset 0 and no counts; zeros alone store only their count', () => {
    expect(new DDSketch().toJSON()).toEqual({ alpha: 0.01, zeroCount: 0, offset: 0, counts: '' });
    expect(new DDSketch().add(0).add(0).toJSON()).toEqual({
      alpha: 0.01,
      zeroCount: 2,
      offset: 0,
      counts: '',
    });
  });

  it('adjacent bins are listed, a gap is one negative run, and the lowest bin is the offset', () => {
    const sketch = new DDSketch().add(60).add(61).add(61).add(100).add(0);
    expect(sketch.toJSON()).toEqual({
      alpha: 0.01,
      zeroCount: 1,
      offset: key(60),
      counts: `1,2,${-(key(100) - key(61) - 1)},1`,
    });
  });

  it('bins emptied by removals drop out at either end and inside, whatever was added first', () => {
    const sketch = new DDSketch().add(100).add(10).add(1000).add(50).remove(10).remove(1000).remove(50);
    expect(sketch.toJSON()).toEqual(new DDSketch().add(100).toJSON());
    expect(new DDSketch().add(10).add(20).add(30).remove(20).toJSON().counts).toBe(
      `1,${-(key(30) - key(10) - 1)},1`,
    );
  });

  it('merging stored sketches below, above and across the held bins adds them bin by bin', () => {
    const values = [
      [5, 7, 7],
      [3000, 20],
      [1, 9000],
      [40, 41, 0],
    ];
    const merged = values.reduce(
      (sketch, part) => sketch.mergeData(part.reduce((s, v) => s.add(v), new DDSketch()).toJSON()),
      new DDSketch(),
    );
    const oneByOne = values.flat().reduce((s, v) => s.add(v), new DDSketch());
    expect(merged.toJSON()).toEqual(oneByOne.toJSON());
    expect(merged.count).toBe(10);
    expect(merged.quantile(0.5)).toBe(oneByOne.quantile(0.5));
    // Merging an empty sketch changes nothing.
    expect(merged.mergeData(new DDSketch().toJSON()).toJSON()).toEqual(oneByOne.toJSON());
  });

  it('quantiles skip the empty bins: each rank lands in the bin that holds it', () => {
    const sketch = stored(new DDSketch().add(10).add(10).add(1000).add(100_000));
    expect(Math.abs((sketch.quantile(0.5) as number) - 10)).toBeLessThanOrEqual(0.1);
    expect(Math.abs((sketch.quantile(0.75) as number) - 1000)).toBeLessThanOrEqual(10);
    expect(Math.abs((sketch.quantile(1) as number) - 100_000)).toBeLessThanOrEqual(1000);
  });
});

describe('refusals say what was wrong', () => {
  it('a negative value', () => {
    expect(() => new DDSketch().add(-2)).toThrow(new RangeError('sketch values must be ≥ 0, got -2'));
  });

  it('removing a value the sketch does not hold', () => {
    expect(() => new DDSketch().add(5).remove(500)).toThrow(
      new RangeError('removed a value the sketch does not hold'),
    );
  });

  it('merging sketches of different accuracy', () => {
    expect(() => new DDSketch(0.01).merge(new DDSketch(0.05))).toThrow(
      new RangeError('cannot merge sketches of different accuracy'),
    );
  });
});
