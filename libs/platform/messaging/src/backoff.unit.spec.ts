import { backoffDelay, sleep } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the initial delay and stops at the cap', () => {
    const schedule = Array.from({ length: 8 }, (_, i) =>
      backoffDelay(i + 1, { initialMs: 100, maxMs: 5000 }),
    );
    expect(schedule).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000]);
  });

  it('jitters downwards only, within the given share', () => {
    const options = { initialMs: 1000, maxMs: 5000, jitter: 0.2 };
    expect(backoffDelay(1, options, () => 0)).toBe(1000);
    expect(backoffDelay(1, options, () => 0.999999)).toBe(800);
    expect(backoffDelay(10, options, () => 0.5)).toBe(4500);
  });

  it('takes a custom factor', () => {
    expect(backoffDelay(3, { initialMs: 10, maxMs: 1000, factor: 3 })).toBe(90);
  });
});

describe('sleep', () => {
  it('ends early when aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = sleep(10_000, controller.signal);
    controller.abort();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
