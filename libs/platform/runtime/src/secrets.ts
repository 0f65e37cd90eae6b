// Shared secrets (the gateway→subgraph secret, the gateway's HS256 JWT key). Local development and tests run on
// well-known defaults; a production process refuses those, the placeholders that deployment templates ship
// (`change-me`) and anything short, so that a forgotten Secret stops the rollout instead of opening the graph.
import { ConfigError, raw, type Env } from './env';

/** 32 characters: 192 bits of base64 from `openssl rand -base64 24`, the least docs/deploy.md asks for. */
export const MIN_SECRET_LENGTH = 32;

/** Values found in templates, tutorials and this repository's own local defaults. */
const WELL_KNOWN = [
  'change-me',
  'changeme',
  'change-it',
  'secret',
  'password',
  'default',
  'example',
  'local-dev-gateway-secret',
  'local-dev-jwt-secret',
  'test-gateway-secret',
];

const normalised = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, '');
const WELL_KNOWN_NORMALISED = new Set(WELL_KNOWN.map(normalised));

/** Why `value` is not fit for production, or null when it is. */
export function weakSecretReason(value: string): string | null {
  if (WELL_KNOWN_NORMALISED.has(normalised(value))) return 'is a well-known placeholder or local default';
  if (value.length < MIN_SECRET_LENGTH) return `is shorter than ${MIN_SECRET_LENGTH} characters`;
  if (new Set(value).size < 8) return 'repeats too few distinct characters';
  return null;
}

/**
 * The secret `name` from `env`: `localDefault` when unset outside production; in production it must be set and
 * pass `weakSecretReason`, else a ConfigError names the variable (never the value).
 */
export function sharedSecret(env: Env, name: string, localDefault: string, production: boolean): string {
  const value = raw(env, name);
  if (!production) return value ?? localDefault;
  if (value === undefined) throw new ConfigError(`${name} must be set in production (NODE_ENV=production)`);
  const weakness = weakSecretReason(value);
  if (weakness) {
    throw new ConfigError(
      `${name} ${weakness}: refusing to start in production; set a random value of at least ` +
        `${MIN_SECRET_LENGTH} characters (see docs/deploy.md, "Secrets")`,
    );
  }
  return value;
}

/** A database URL whose password is a well-known placeholder (`postgres://u:change-me@…`) fails in production. */
export function checkDatabasePassword(name: string, url: string, production: boolean): void {
  if (!production) return;
  const password = decodeURIComponent(new URL(url).password);
  if (password && WELL_KNOWN_NORMALISED.has(normalised(password))) {
    throw new ConfigError(`${name} has a well-known placeholder password: refusing to start in production`);
  }
}
