import { loadServicesManifest, localSubgraphUrl, type ServicesManifest } from '@opsgraph/services-manifest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_GATEWAY_SECRET } from './config';
import { PUBLIC_SCHEMA_FILE, publicSchemaOf } from './public-schema/api-schema';
import { checkDescriptions } from './public-schema/checks';
import { CompositionError, composeSupergraph, type SubgraphSdl } from './supergraph';

const run = promisify(execFile);

export const ROOT = path.resolve(__dirname, '..', '..');
export const SUPERGRAPH_FILE = path.join(ROOT, 'gateway', 'supergraph.graphql');
/** The copy the kustomize base turns into the gateway's supergraph ConfigMap (kustomize reads no file outside it). */
export const K8S_SUPERGRAPH_FILE = path.join(ROOT, 'deploy', 'k8s', 'base', 'supergraph.graphql');

export interface SubgraphEntry {
  name: string;
  /** Nx project whose `sdl` target prints the SDL. */
  project: string;
  url: string;
}

/** Every subgraph of services/manifest.json, at its local URL (the one composed into the supergraph). */
export function manifestSubgraphs(manifest: ServicesManifest = loadServicesManifest()): SubgraphEntry[] {
  return manifest.subgraphs.map((subgraph) => ({
    name: subgraph.name,
    project: subgraph.name,
    url: localSubgraphUrl(subgraph),
  }));
}

function projectRoot(project: string): string {
  for (const dir of ['services', 'gateway', 'libs']) {
    const candidate = path.join(ROOT, dir, project);
    if (fs.existsSync(path.join(candidate, 'project.json'))) return candidate;
  }
  throw new Error(`no Nx project "${project}" under services/`);
}

type TargetsJson = { targets?: { sdl?: { options?: { command?: string } } } };
type NxJson = { targetDefaults?: { sdl?: { options?: { command?: string } } } };

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** The project's `sdl` command: its own, else nx.json's target default with `{projectRoot}` filled in. */
function sdlCommand(project: string): string {
  const root = projectRoot(project);
  const target = readJson<TargetsJson>(path.join(root, 'project.json')).targets?.sdl;
  if (!target) throw new Error(`project ${project} has no "sdl" target`);
  const command =
    target.options?.command ??
    readJson<NxJson>(path.join(ROOT, 'nx.json')).targetDefaults?.sdl?.options?.command;
  if (!command)
    throw new Error(`project ${project}: its "sdl" target has no command, nor has nx.json's target default`);
  return command.replaceAll('{projectRoot}', path.relative(ROOT, root)).replaceAll('{workspaceRoot}', ROOT);
}

/**
 * Runs the project's `sdl` target command (as Nx would, without Nx's output around it) in a child process:
 * composition never imports a service's code.
 */
export async function printProjectSdl(project: string): Promise<string> {
  const command = sdlCommand(project);
  try {
    const { stdout } = await run('sh', ['-c', command], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: process.env.NODE_ENV ?? 'development' },
      maxBuffer: 16 * 1024 * 1024,
    });
    if (!stdout.trim()) throw new Error('printed nothing');
    return stdout;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    const detail = (stderr?.trim() || message).split('\n').slice(0, 12).join('\n');
    throw new Error(`${project}:sdl failed:\n${detail}`);
  }
}

/**
 * The SDL a running subgraph serves (`_service { sdl }`, with the gateway secret). Textually not the printed SDL
 * (it adds directive definitions) but it composes to the same supergraph; `npm start` uses it because the services
 * are already up, which saves printing three schemas in child processes.
 */
export async function fetchRunningSdl(url: string, gatewaySecret: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-opsgraph-gateway-secret': gatewaySecret },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { data?: { _service?: { sdl?: string } } };
  const sdl = body.data?._service?.sdl;
  if (!sdl) throw new Error(`${url} did not answer _service { sdl } (HTTP ${response.status})`);
  return sdl;
}

/** Every subgraph's SDL (in parallel) → the supergraph SDL, with the entries' URLs. */
export async function composeSubgraphs(
  entries: SubgraphEntry[] = manifestSubgraphs(),
  source: 'sdl-target' | { running: { gatewaySecret: string } } = 'sdl-target',
): Promise<{ supergraph: string; subgraphs: SubgraphSdl[] }> {
  const subgraphs = await Promise.all(
    entries.map(async ({ name, project, url }) => ({
      name,
      url,
      sdl:
        source === 'sdl-target'
          ? await printProjectSdl(project)
          : await fetchRunningSdl(url, source.running.gatewaySecret),
    })),
  );
  return { supergraph: composeSupergraph(subgraphs), subgraphs };
}

/** Writes `file` when its content differs; says what it did. */
function writeIfChanged(file: string, content: string, what: string): void {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (current === content) {
    console.log(`${path.relative(ROOT, file)} unchanged (${what})`);
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  console.log(`wrote ${path.relative(ROOT, file)} from ${what}`);
}

const isCurrent = (file: string, content: string) =>
  fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content;

// `nx run gateway:compose` (writes gateway/supergraph.graphql and the public schema docs/graphql/schema.graphql) or
// `… -- --check` (fails when either is stale); `--from-running` reads the SDLs from the running subgraphs
// (`npm start`) instead of their `sdl` targets.
async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const source = argv.includes('--from-running')
    ? { running: { gatewaySecret: process.env.GATEWAY_SECRET || DEFAULT_GATEWAY_SECRET } }
    : 'sdl-target';
  const { supergraph, subgraphs } = await composeSubgraphs(manifestSubgraphs(), source);
  const publicSchema = publicSchemaOf(supergraph);
  const names = subgraphs.map((subgraph) => subgraph.name).join(', ');
  if (check) {
    const stale = [
      [SUPERGRAPH_FILE, supergraph],
      [PUBLIC_SCHEMA_FILE, publicSchema],
    ].filter(([file, content]) => !isCurrent(file, content));
    if (stale.length === 0) {
      console.log(`supergraph and public schema are up to date (${names})`);
      return 0;
    }
    const files = stale.map(([file]) => path.relative(ROOT, file)).join(', ');
    console.error(`${files} stale: run \`npx nx run gateway:compose\` and commit it`);
    return 1;
  }
  writeIfChanged(SUPERGRAPH_FILE, supergraph, names);
  writeIfChanged(PUBLIC_SCHEMA_FILE, publicSchema, 'the supergraph');
  const report = checkDescriptions(publicSchema, supergraph);
  if (report.missing.length) {
    const owners = Object.entries(report.byOwner)
      .map(([owner, coordinates]) => `  ${owner}: ${coordinates.join(', ')}`)
      .join('\n');
    console.warn(`public schema elements without a description (the gateway's test fails):\n${owners}`);
  }
  if (fs.existsSync(path.dirname(K8S_SUPERGRAPH_FILE))) fs.writeFileSync(K8S_SUPERGRAPH_FILE, supergraph);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(
        error instanceof CompositionError ? error.message : `[compose] ${(error as Error).message}`,
      );
      process.exit(1);
    },
  );
}
