import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, flag, LOCAL_GATEWAY_SECRET, sharedSecret } from '@opsgraph/service-runtime';
import { loadTrustedDocuments, type TrustedDocuments } from './http/trusted-documents';
import { subgraphsOf } from './supergraph';

export { ConfigError };

export const DEFAULT_JWT_SECRET = 'local-dev-jwt-secret';
export const DEFAULT_GATEWAY_SECRET = LOCAL_GATEWAY_SECRET;
export const DEFAULT_SUPERGRAPH_PATH = path.join(__dirname, '..', 'supergraph.graphql');

export interface QueryLimits {
  /** Nested field levels; top-level fields are depth 1. */
  maxDepth: number;
  /** Aliased fields in one operation (fragments expanded). */
  maxAliases: number;
  /** Fields, each list below a `first`/`last` argument counted that many times. */
  maxCost: number;
  /** Lexical tokens of the document (graphql's parser aborts beyond it). */
  maxTokens: number;
  /** Request body bytes; beyond it, 413. */
  maxBodyBytes: number;
}

export interface SubgraphEndpoint {
  name: string;
  url: string;
  timeoutMs?: number;
}

export interface GatewayConfig {
  port: number;
  host?: string;
  production: boolean;
  logLevel?: string;
  /** HS256 secret (local, tests); ignored when `jwksUrl` is set. */
  jwtSecret: string;
  /** Production: verify RS/ES tokens against this key set. */
  jwksUrl?: string;
  jwtIssuer?: string;
  jwtAudience?: string;
  gatewaySecret: string;
  supergraphSdl: string;
  /** The file `supergraphSdl` was read from. */
  supergraphPath: string;
  /** > 0: re-read `supergraphPath` this often and serve a changed supergraph without a restart. */
  supergraphPollMs: number;
  /** `http://{name}:4000/graphql`: also for subgraphs that a reloaded supergraph adds. */
  subgraphUrlTemplate?: string;
  /** URL per subgraph name; overrides the URL composed into the supergraph (e.g. Kubernetes service names). */
  subgraphUrls: Record<string, string>;
  /** Per-subgraph timeout overrides; `subgraphTimeoutMs` otherwise. */
  subgraphTimeouts: Record<string, number>;
  subgraphTimeoutMs: number;
  /** Keep-alive sockets per subgraph. */
  subgraphMaxSockets: number;
  limits: QueryLimits;
  /** Origins allowed by CORS; empty means same-origin only. */
  corsOrigins: string[];
  /** `GRAPHQL_INTROSPECTION`; default: on except in production. */
  introspection: boolean;
  /** `GRAPHQL_EXPLORER` (the Apollo Sandbox landing page at /graphql); default: on except in production. */
  explorer: boolean;
  /** `TRUSTED_DOCUMENTS` (a persisted-documents JSON file): run only these operations. Unset: any operation, APQ on. */
  trustedDocuments?: TrustedDocuments;
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name} must be an integer >= ${min}, got "${raw}"`);
  }
  return value;
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** `[{ name, url, timeoutMs? }]` or `{ subgraphs: [...] }`. */
export function readSubgraphList(file: string): SubgraphEndpoint[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read subgraph list ${file}: ${(error as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { subgraphs?: unknown }).subgraphs;
  if (!Array.isArray(list)) throw new ConfigError(`${file}: expected { "subgraphs": [...] }`);
  return list.map((entry: unknown, index) => {
    const { name, url, timeoutMs } = (entry ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || typeof url !== 'string') {
      throw new ConfigError(`${file}: subgraph #${index} needs a string name and url`);
    }
    if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || timeoutMs <= 0)) {
      throw new ConfigError(`${file}: subgraph ${name} timeoutMs must be a positive number`);
    }
    return { name, url, ...(timeoutMs === undefined ? {} : { timeoutMs }) };
  });
}

/** `SUBGRAPH_URL_HR_PERFORMANCE` → `hr-performance`. */
function subgraphEnvName(variable: string): string {
  return variable.slice('SUBGRAPH_URL_'.length).toLowerCase().replace(/_/g, '-');
}

/**
 * `http://{name}:4000/graphql` → a URL for every subgraph of the supergraph (Kubernetes: one Service per subgraph,
 * named after it), so that the cluster needs no list that could miss a subgraph.
 */
function templatedUrls(template: string, supergraphSdl: string): Record<string, string> {
  if (!template.includes('{name}'))
    throw new ConfigError(`SUBGRAPHS_URL_TEMPLATE must contain {name}, got "${template}"`);
  const urls = subgraphsOf(supergraphSdl).map(
    ({ name }) => [name, template.replaceAll('{name}', name)] as const,
  );
  for (const [, url] of urls) {
    try {
      new URL(url);
    } catch {
      throw new ConfigError(`SUBGRAPHS_URL_TEMPLATE does not make a URL: "${url}"`);
    }
  }
  return Object.fromEntries(urls);
}

/**
 * Environment → config. Local defaults work out of the box; production refuses the well-known local secrets.
 * Subgraph URLs, later ones winning: those composed into the supergraph, SUBGRAPHS_URL_TEMPLATE, SUBGRAPHS_FILE,
 * SUBGRAPH_URL_<NAME>; none needs recomposing.
 */
export function loadConfig(env: Env = process.env): GatewayConfig {
  const production = env.NODE_ENV === 'production';
  const jwksUrl = optional(env, 'JWKS_URL');
  if (production && !jwksUrl && !optional(env, 'JWT_SECRET')) {
    throw new ConfigError('production needs JWKS_URL (or a strong JWT_SECRET)');
  }
  // With JWKS_URL the HS256 secret is ignored, so only a secret that will be used must be strong.
  const jwtSecret = sharedSecret(env, 'JWT_SECRET', DEFAULT_JWT_SECRET, production && !jwksUrl);
  const gatewaySecret = sharedSecret(env, 'GATEWAY_SECRET', DEFAULT_GATEWAY_SECRET, production);
  if (jwksUrl) {
    try {
      new URL(jwksUrl);
    } catch {
      throw new ConfigError(`JWKS_URL is not a URL: "${jwksUrl}"`);
    }
  }

  const supergraphPath = optional(env, 'SUPERGRAPH_PATH') ?? DEFAULT_SUPERGRAPH_PATH;
  let supergraphSdl: string;
  try {
    supergraphSdl = fs.readFileSync(supergraphPath, 'utf8');
  } catch {
    throw new ConfigError(`no supergraph at ${supergraphPath}: run \`npx nx run gateway:compose\``);
  }

  const urlTemplate = optional(env, 'SUBGRAPHS_URL_TEMPLATE');
  const subgraphUrls: Record<string, string> = urlTemplate ? templatedUrls(urlTemplate, supergraphSdl) : {};
  const subgraphTimeouts: Record<string, number> = {};
  const listFile = optional(env, 'SUBGRAPHS_FILE');
  if (listFile) {
    for (const entry of readSubgraphList(listFile)) {
      subgraphUrls[entry.name] = entry.url;
      if (entry.timeoutMs) subgraphTimeouts[entry.name] = entry.timeoutMs;
    }
  }
  for (const [variable, value] of Object.entries(env)) {
    if (variable.startsWith('SUBGRAPH_URL_') && value) subgraphUrls[subgraphEnvName(variable)] = value;
  }

  const trustedDocumentsFile = optional(env, 'TRUSTED_DOCUMENTS');
  return {
    port: integer(env, 'PORT', 4000),
    host: optional(env, 'HOST'),
    production,
    logLevel: optional(env, 'LOG_LEVEL'),
    jwtSecret,
    jwksUrl,
    jwtIssuer: optional(env, 'JWT_ISSUER'),
    jwtAudience: optional(env, 'JWT_AUDIENCE'),
    gatewaySecret,
    supergraphSdl,
    supergraphPath,
    supergraphPollMs: integer(env, 'SUPERGRAPH_POLL_MS', 0, 0),
    subgraphUrlTemplate: urlTemplate,
    subgraphUrls,
    subgraphTimeouts,
    subgraphTimeoutMs: integer(env, 'SUBGRAPH_TIMEOUT_MS', 10_000, 1),
    subgraphMaxSockets: integer(env, 'SUBGRAPH_MAX_SOCKETS', 128, 1),
    limits: {
      maxDepth: integer(env, 'MAX_QUERY_DEPTH', 12, 1),
      maxAliases: integer(env, 'MAX_QUERY_ALIASES', 30, 0),
      maxCost: integer(env, 'MAX_QUERY_COST', 5_000, 1),
      maxTokens: integer(env, 'MAX_QUERY_TOKENS', 2_000, 1),
      maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1_048_576, 1),
    },
    corsOrigins: (optional(env, 'CORS_ORIGINS') ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    introspection: flag(env, 'GRAPHQL_INTROSPECTION', !production),
    explorer: flag(env, 'GRAPHQL_EXPLORER', !production),
    trustedDocuments: trustedDocumentsFile ? loadTrustedDocuments(trustedDocumentsFile) : undefined,
  };
}
