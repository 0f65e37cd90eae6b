import type { ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';

/** Settings for a dedicated pg connection to the database a DataSource points at. */
export async function connectionConfigOf(
  source: DataSource | string,
  applicationName: string,
): Promise<ClientConfig> {
  if (typeof source === 'string')
    return { connectionString: source, application_name: applicationName, keepAlive: true };
  const options = source.options as {
    url?: string;
    host?: string;
    port?: number;
    username?: string;
    password?: string | (() => string | Promise<string>);
    database?: string;
    ssl?: ClientConfig['ssl'];
  };
  const password = typeof options.password === 'function' ? await options.password() : options.password;
  return {
    ...(options.url ? { connectionString: options.url } : {}),
    ...(options.host ? { host: options.host } : {}),
    ...(options.port ? { port: options.port } : {}),
    ...(options.username ? { user: options.username } : {}),
    ...(password ? { password } : {}),
    ...(options.database ? { database: options.database } : {}),
    ...(options.ssl ? { ssl: options.ssl } : {}),
    application_name: applicationName,
    keepAlive: true,
  };
}
