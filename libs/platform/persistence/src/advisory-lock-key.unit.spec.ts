import { advisoryLockKey } from './advisory-lock-key';

describe('advisoryLockKey', () => {
  it('is a stable signed 64-bit integer per name', () => {
    const key = advisoryLockKey('opsgraph-migrations');
    expect(key).toEqual(advisoryLockKey('opsgraph-migrations'));
    expect(key).toMatch(/^-?[0-9]+$/);
    const value = BigInt(key);
    expect(value >= -(2n ** 63n) && value < 2n ** 63n).toBe(true);
    expect(advisoryLockKey('opsgraph-outbox-relay')).not.toEqual(key);
  });
});
