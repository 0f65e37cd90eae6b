import { Client } from 'pg';
import { testPostgresAdminUrl } from './environment';
import { testDatabaseName } from './naming';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the real test server, for one suite. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const adminUrl = testPostgresAdminUrl();
  const name = testDatabaseName(label);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
