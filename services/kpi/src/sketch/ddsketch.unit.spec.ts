import { DDSketch } from './ddsketch';

/** Nearest rank, like percentile_disc: the ⌈q·n⌉-th smallest. */
const exact = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.ceil(q * values.length) - 1];

/** Deterministic pseudo-random numbers (mulberry32), so a failure is reproducible. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('DDSketch', () => {
  it('is empty until a value is added', () => {
    expect(new DDSketch().quantile(0.9)).toBeNull();
  });

  it('answers a single value within 1 % and keeps zero exact', () => {
    const sketch = new DDSketch().add(100);
    expect(Math.abs((sketch.quantile(0.5) as number) - 100)).toBeLessThanOrEqual(1);
    expect(new DDSketch().add(0).add(0).add(50).quantile(0.5)).toBe(0);
  });

  it.each([0.5, 0.9, 0.99])(
    'merged day sketches give the brute-force p%p within the relative accuracy',
    (q) => {
      const next = random(42);
      const days: number[][] = Array.from({ length: 30 }, () =>
        // log-normal-ish response times from seconds to days, plus some zeros
        Array.from({ length: 200 }, () => (next() < 0.02 ? 0 : Math.round(Math.exp(next() * 12)))),
      );
      const merged = DDSketch.mergeAll(
        days.map((values) => values.reduce((s, v) => s.add(v), new DDSketch())),
      );
      const all = days.flat();
      const truth = exact(all, q);
      const estimate = merged.quantile(q) as number;
      expect(merged.count).toBe(all.length);
      expect(Math.abs(estimate - truth)).toBeLessThanOrEqual(0.01 * truth + 1e-9);
    },
  );

  it('merging is order-independent and equals adding one by one (serialised form is identical)', () => {
    const next = random(7);
    const values = Array.from({ length: 500 }, () => Math.round(next() * 10_000));
    const oneByOne = values.reduce((s, v) => s.add(v), new DDSketch());
    const halves = [values.slice(0, 123), values.slice(123)].map((part) =>
      part.reduce((s, v) => s.add(v), new DDSketch()),
    );
    expect(DDSketch.mergeAll(halves.reverse()).toJSON()).toEqual(oneByOne.toJSON());
    // Merging the serialised halves (a month's cells as read) gives the same sketch.
    const fromData = halves.reduce((s, half) => s.mergeData(half.toJSON()), new DDSketch());
    expect(fromData.toJSON()).toEqual(oneByOne.toJSON());
    expect(new DDSketch().add(0).mergeData(new DDSketch().add(0).add(7).toJSON()).toJSON()).toEqual(
      new DDSketch().add(0).add(0).add(7).toJSON(),
    );
  });

  it('removing a value undoes adding it, and round-trips through JSON', () => {
    const sketch = new DDSketch().add(10).add(20);
    const before = JSON.stringify(sketch.toJSON());
    sketch.add(3000).remove(3000);
    expect(JSON.stringify(sketch.toJSON())).toBe(before);
    expect(DDSketch.fromJSON(JSON.parse(before)).toJSON()).toEqual(sketch.toJSON());
  });

  it('refuses negative values, removing what it does not hold, and mixing accuracies', () => {
    expect(() => new DDSketch().add(-1)).toThrow(RangeError);
    expect(() => new DDSketch().remove(5)).toThrow(RangeError);
    expect(() => new DDSketch(0.01).merge(new DDSketch(0.02))).toThrow(RangeError);
    expect(() => new DDSketch(0.01).mergeData(new DDSketch(0.02).toJSON())).toThrow(
      'cannot merge sketches of different accuracy',
    );
  });
});
