import { DeadlineExceededError, withDeadline } from './deadline';

describe('withDeadline', () => {
  it('passes the result of work that finishes in time', async () => {
    await expect(withDeadline(Promise.resolve('sent'), 1000, 'send')).resolves.toBe('sent');
  });

  it('rejects with DeadlineExceededError when the work hangs, naming the step', async () => {
    const hanging = new Promise<never>(() => undefined);
    const error = await withDeadline(hanging, 10, 'kafka send').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect((error as Error).message).toBe('kafka send did not finish within 10 ms');
  });

  it('passes the work’s own error, and a late rejection after the deadline stays handled', async () => {
    await expect(withDeadline(Promise.reject(new Error('broker gone')), 1000, 'send')).rejects.toThrow(
      'broker gone',
    );
    let fail: (error: Error) => void = () => undefined;
    const late = new Promise<never>((_, reject) => (fail = reject));
    await expect(withDeadline(late, 5, 'send')).rejects.toBeInstanceOf(DeadlineExceededError);
    fail(new Error('late'));
    await new Promise((resolve) => setImmediate(resolve));
  });
});
