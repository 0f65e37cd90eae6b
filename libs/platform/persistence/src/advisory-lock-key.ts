import { createHash } from 'node:crypto';

/**
 * A stable bigint key for `pg_advisory_lock` from a readable name: the first 8 bytes of its SHA-256, signed, as a
 * decimal string (node-postgres passes bigints as text). Advisory locks are per database, so each service's
 * database has its own.
 */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(name).digest().readBigInt64BE(0).toString();
}
