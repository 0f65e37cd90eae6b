import fs from 'node:fs';
import path from 'node:path';

/** One subgraph of services/manifest.json; its Nx project and directory are `services/<name>`. */
export interface SubgraphManifestEntry {
  readonly name: string;
  /** The local port (`npm start`, the composed supergraph's URL); in Kubernetes every service listens on 4000. */
  readonly port: number;
  /** The service's own PostgreSQL database. */
  readonly database: string;
  /** Aggregate types whose topics this service publishes (it is their topics' `producer`). */
  readonly owns: readonly string[];
  /** Aggregate types whose topics this service consumes. */
  readonly reads: readonly string[];
  /** Extra environment for local runs (`npm start`, the e2e stack). */
  readonly env: Readonly<Record<string, string>>;
}

export interface ServicesManifest {
  readonly subgraphs: readonly SubgraphManifestEntry[];
}

export interface ServiceDefaults {
  port: number;
  database: string;
}

export class ServicesManifestError extends Error {
  override name = 'ServicesManifestError';
}

export const SERVICES_MANIFEST_PATH = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'services',
  'manifest.json',
);

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const DATABASE = /^[a-z_][a-z0-9_]{0,62}$/;
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
const ENTRY_KEYS = new Set(['name', 'port', 'database', 'owns', 'reads', 'env']);

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseEntry(value: unknown, at: string): SubgraphManifestEntry {
  const fail = (message: string): never => {
    throw new ServicesManifestError(`${at}: ${message}`);
  };
  if (!isObject(value)) return fail('expected an object');
  const unknownKeys = Object.keys(value).filter((key) => !ENTRY_KEYS.has(key));
  if (unknownKeys.length)
    fail(`unknown field(s) ${unknownKeys.join(', ')} (allowed: ${[...ENTRY_KEYS].join(', ')})`);
  const { name, port, database, owns, reads, env = {} } = value;
  if (typeof name !== 'string' || !NAME.test(name)) fail(`"name" must be kebab-case, e.g. "hr-performance"`);
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1024 || port > 65_535) {
    fail(`"port" must be an integer from 1024 to 65535`);
  }
  if (typeof database !== 'string' || !DATABASE.test(database)) {
    fail(`"database" must be a PostgreSQL name in lower case, e.g. "opsgraph_ticket"`);
  }
  const aggregateTypes = (field: string, list: unknown): string[] => {
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string' && NAME.test(item))) {
      return fail(`"${field}" must be a list of aggregate types, e.g. ["ticket"]`);
    }
    if (new Set(list).size !== list.length) fail(`"${field}" names an aggregate type twice`);
    return list as string[];
  };
  if (
    !isObject(env) ||
    !Object.entries(env).every(([key, item]) => ENV_NAME.test(key) && typeof item === 'string')
  ) {
    fail(`"env" must map UPPER_CASE names to strings`);
  }
  return Object.freeze({
    name: name as string,
    port: port as number,
    database: database as string,
    owns: Object.freeze(aggregateTypes('owns', owns)),
    reads: Object.freeze(aggregateTypes('reads', reads)),
    env: Object.freeze({ ...(env as Record<string, string>) }),
  });
}

function unique(
  subgraphs: SubgraphManifestEntry[],
  source: string,
  field: 'name' | 'port' | 'database',
): void {
  const seen = new Map<unknown, string>();
  for (const subgraph of subgraphs) {
    const other = seen.get(subgraph[field]);
    if (other)
      throw new ServicesManifestError(
        `${source}: ${other} and ${subgraph.name} share ${field} ${subgraph[field]}`,
      );
    seen.set(subgraph[field], subgraph.name);
  }
}

/** Validates parsed JSON; errors name the file, the entry and the field. */
export function parseServicesManifest(value: unknown, source = 'services/manifest.json'): ServicesManifest {
  if (!isObject(value) || !Array.isArray(value.subgraphs) || value.subgraphs.length === 0) {
    throw new ServicesManifestError(
      `${source}: expected { "subgraphs": [ { "name", "port", "database", … } ] }`,
    );
  }
  const subgraphs = value.subgraphs.map((entry: unknown, index) => {
    const label = isObject(entry) && typeof entry.name === 'string' ? entry.name : `#${index}`;
    return parseEntry(entry, `${source}: subgraph ${label}`);
  });
  for (const field of ['name', 'port', 'database'] as const) unique(subgraphs, source, field);
  const owners = new Map<string, string>();
  for (const subgraph of subgraphs) {
    for (const aggregateType of subgraph.owns) {
      const other = owners.get(aggregateType);
      if (other)
        throw new ServicesManifestError(`${source}: ${other} and ${subgraph.name} both own ${aggregateType}`);
      owners.set(aggregateType, subgraph.name);
    }
  }
  return Object.freeze({ subgraphs: Object.freeze(subgraphs) });
}

export function loadServicesManifest(file = SERVICES_MANIFEST_PATH): ServicesManifest {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ServicesManifestError(`cannot read the services manifest ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ServicesManifestError(`${file} is not JSON: ${(error as Error).message}`);
  }
  return parseServicesManifest(parsed, file);
}

export function subgraphOf(
  name: string,
  manifest: ServicesManifest = loadServicesManifest(),
): SubgraphManifestEntry {
  const entry = manifest.subgraphs.find((subgraph) => subgraph.name === name);
  if (!entry) {
    const known = manifest.subgraphs.map((subgraph) => subgraph.name).join(', ');
    throw new ServicesManifestError(`no subgraph "${name}" in services/manifest.json (known: ${known})`);
  }
  return entry;
}

/** The defaults `loadServiceConfig` takes: the service's local port and its database. */
export function serviceDefaults(name: string, manifest?: ServicesManifest): ServiceDefaults {
  const { port, database } = subgraphOf(name, manifest);
  return { port, database };
}

/** Where `npm start` serves the subgraph; the URL composed into the supergraph. */
export function localSubgraphUrl(entry: Pick<SubgraphManifestEntry, 'port'>): string {
  return `http://127.0.0.1:${entry.port}/graphql`;
}

/** The gateway variable that re-points one subgraph: `hr-performance` → `SUBGRAPH_URL_HR_PERFORMANCE`. */
export function subgraphUrlVariable(name: string): string {
  return `SUBGRAPH_URL_${name.toUpperCase().replace(/-/g, '_')}`;
}
