import crypto from 'node:crypto';

export const TEST_DATABASE_PREFIX = 'tst_';

/** `tst_<label>_<created, base36 ms>_<random>`: unique per suite, and old enough ones can be told apart. */
export function testDatabaseName(label: string, now = Date.now()): string {
  const safe = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 24);
  return `${TEST_DATABASE_PREFIX}${safe}_${now.toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
}

export function parseTestDatabaseName(name: string): { label: string; createdAt: number } | undefined {
  const match = /^tst_(.*)_([0-9a-z]+)_([0-9a-f]{6})$/.exec(name);
  if (!match) return undefined;
  return { label: match[1], createdAt: parseInt(match[2], 36) };
}

/** A topic namespace per suite, so suites run in parallel and re-runs start with empty topics. */
export function testNamespace(label: string): string {
  const safe = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 24);
  return `test.${safe}.${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`;
}
