// The KPI percentile sketch (docs/product.md §KPI "Percentiles"): what a sketch accepts, that its stored (jsonb)
// form keeps every value — zero exactly — and that a refusal says what was wrong.
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
