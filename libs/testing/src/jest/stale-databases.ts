import { Client } from 'pg';
import { parseTestDatabaseName, TEST_DATABASE_PREFIX } from '../naming';

const STALE_AFTER_MS = 2 * 60 * 60 * 1000;

/**
 * Each suite drops its own database at the end; a run that was killed leaves its databases behind. They carry their
 * creation time in their name, so the next run drops those older than two hours (never a live run's).
 */
export async function dropStaleTestDatabases(adminUrl: string, now = Date.now()): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [
      `${TEST_DATABASE_PREFIX}%`,
    ]);
    for (const { datname } of rows) {
      const parsed = parseTestDatabaseName(datname);
      if (parsed && now - parsed.createdAt > STALE_AFTER_MS) {
        await client.query(`drop database if exists "${datname}" with (force)`);
      }
    }
  } finally {
    await client.end();
  }
}
