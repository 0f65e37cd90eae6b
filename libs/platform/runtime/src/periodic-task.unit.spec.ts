import type { Logger } from '@opsgraph/observability';
import { PeriodicTask } from './periodic-task';

/** A task whose runs the test finishes by hand. */
function controllableTask() {
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  const run = jest.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        concurrent += 1;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        const settle = () => (concurrent -= 1);
        pending.push({
          resolve: () => (settle(), resolve()),
          reject: (error) => (settle(), reject(error)),
        });
      }),
  );
  return { run, pending, maxConcurrent: () => maxConcurrent };
}

describe('PeriodicTask', () => {
  const logger = { error: jest.fn() } as unknown as Logger & { error: jest.Mock };

  beforeEach(() => {
    jest.useFakeTimers();
    logger.error.mockClear();
  });
  afterEach(() => jest.useRealTimers());

  it('runs at once, then every interval counted from the end of the previous run', async () => {
    const task = controllableTask();
    const periodic = new PeriodicTask('scan', 1000, task.run, logger);
    periodic.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(task.run).toHaveBeenCalledTimes(1);

    // A slow run: no second run while it lasts, however long.
    await jest.advanceTimersByTimeAsync(5000);
    expect(task.run).toHaveBeenCalledTimes(1);
    task.pending[0].resolve();
    await jest.advanceTimersByTimeAsync(999);
    expect(task.run).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(task.run).toHaveBeenCalledTimes(2);
    expect(task.maxConcurrent()).toBe(1);
    task.pending[1].resolve();
    await periodic.stop();
  });

  it('logs a failed run with the task name and runs again at the next tick', async () => {
    const task = controllableTask();
    const periodic = new PeriodicTask('auto-close', 100, task.run, logger);
    periodic.start();
    await jest.advanceTimersByTimeAsync(0);
    task.pending[0].reject(new Error('database down'));
    await jest.advanceTimersByTimeAsync(0);
    expect(logger.error).toHaveBeenCalledWith(
      { err: new Error('database down'), task: 'auto-close' },
      expect.stringContaining('failed'),
    );
    await jest.advanceTimersByTimeAsync(100);
    expect(task.run).toHaveBeenCalledTimes(2);
    task.pending[1].resolve();
    await periodic.stop();
  });

  it('stop() waits for the run in flight and no run follows', async () => {
    const task = controllableTask();
    const periodic = new PeriodicTask('scan', 100, task.run, logger);
    periodic.start();
    await jest.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = periodic.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    task.pending[0].resolve();
    await stopping;
    await jest.advanceTimersByTimeAsync(1000);
    expect(task.run).toHaveBeenCalledTimes(1);
  });

  it('restarted while a run is still finishing, it never runs twice at once', async () => {
    const task = controllableTask();
    const periodic = new PeriodicTask('scan', 100, task.run, logger);
    periodic.start();
    await jest.advanceTimersByTimeAsync(0);
    const stopping = periodic.stop();
    periodic.start();
    await jest.advanceTimersByTimeAsync(500);
    expect(task.run).toHaveBeenCalledTimes(1);
    task.pending[0].resolve();
    await stopping;
    await jest.advanceTimersByTimeAsync(100);
    expect(task.run).toHaveBeenCalledTimes(2);
    expect(task.maxConcurrent()).toBe(1);
    task.pending[1].resolve();
    await periodic.stop();
  });

  it('start() twice is one schedule; stop() before any run prevents it', async () => {
    const task = controllableTask();
    const periodic = new PeriodicTask('scan', 100, task.run, logger);
    periodic.start();
    periodic.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(task.run).toHaveBeenCalledTimes(1);
    task.pending[0].resolve();
    await periodic.stop();

    const idle = controllableTask();
    const never = new PeriodicTask('idle', 100, idle.run, logger);
    never.start();
    await never.stop();
    await jest.advanceTimersByTimeAsync(1000);
    expect(idle.run).not.toHaveBeenCalled();
  });

  it.each([0, -5, Number.NaN])('refuses an interval of %s ms', (intervalMs) => {
    expect(() => new PeriodicTask('scan', intervalMs, async () => undefined, logger)).toThrow(
      /scan: interval must be a positive number/,
    );
  });
});
