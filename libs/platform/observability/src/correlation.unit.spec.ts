import { currentCorrelationId, newCorrelationId, runWithCorrelation } from './correlation';

describe('correlation', () => {
  it('is visible across awaits inside the run and absent outside', async () => {
    expect(currentCorrelationId()).toBeUndefined();
    const seen = await runWithCorrelation('abc', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return currentCorrelationId();
    });
    expect(seen).toBe('abc');
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('keeps concurrent runs apart', async () => {
    const run = (id: string, delay: number) =>
      runWithCorrelation(id, async () => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        return currentCorrelationId();
      });
    expect(await Promise.all([run('a', 20), run('b', 1)])).toEqual(['a', 'b']);
  });

  it('makes uuids', () => {
    expect(newCorrelationId()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
