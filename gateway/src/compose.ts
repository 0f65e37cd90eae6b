import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_GATEWAY_SECRET } from './config';
import { CompositionError, composeSupergraph, type SubgraphSdl } from './supergraph';

const run = promisify(execFile);

export const ROOT = path.resolve(__dirname, '..', '..');
export const LOCAL_SUBGRAPHS = path.join(ROOT, 'gateway', 'subgraphs.local.json');
export const SUPERGRAPH_FILE = path.join(ROOT, 'gateway', 'supergraph.graphql');

export interface SubgraphEntry {
  name: string;
  /** Nx project whose `sdl` target prints the SDL. */
  project: string;
  url: string;
}

export function readSubgraphEntries(file = LOCAL_SUBGRAPHS): SubgraphEntry[] {
  const { subgraphs } = JSON.parse(fs.readFileSync(file, 'utf8')) as { subgraphs: SubgraphEntry[] };
  return subgraphs;
}

function projectRoot(project: string): string {
  for (const dir of ['services', 'gateway', 'libs']) {
    const candidate = path.join(ROOT, dir, project);
    if (fs.existsSync(path.join(candidate, 'project.json'))) return candidate;
  }
  throw new Error(`no Nx project "${project}" under services/`);
}

/**
 * Runs the project's `sdl` target command (from its project.json, without Nx's output around it) in a child process:
 * composition never imports a service's code.
 */
export async function printProjectSdl(project: string): Promise<string> {
  const projectJson = JSON.parse(fs.readFileSync(path.join(projectRoot(project), 'project.json'), 'utf8')) as {
    targets?: { sdl?: { options?: { command?: string } } };
  };
  const command = projectJson.targets?.sdl?.options?.command;
  if (!command) throw new Error(`project ${project} has no "sdl" target with a command`);
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

/** Every listed subgraph's SDL (in parallel) → the supergraph SDL, URLs from the list. */
export async function composeFromList(
  file = LOCAL_SUBGRAPHS,
  source: 'sdl-target' | { running: { gatewaySecret: string } } = 'sdl-target',
): Promise<{ supergraph: string; subgraphs: SubgraphSdl[] }> {
  const entries = readSubgraphEntries(file);
  const subgraphs = await Promise.all(
    entries.map(async ({ name, project, url }) => ({
      name,
      url,
      sdl: source === 'sdl-target' ? await printProjectSdl(project) : await fetchRunningSdl(url, source.running.gatewaySecret),
    })),
  );
  return { supergraph: composeSupergraph(subgraphs), subgraphs };
}

// `nx run gateway:compose` (writes gateway/supergraph.graphql) or `… -- --check` (fails when it is stale);
// `--from-running` reads the SDLs from the running subgraphs of the local list instead of their `sdl` targets.
async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const source = argv.includes('--from-running')
    ? { running: { gatewaySecret: process.env.GATEWAY_SECRET || DEFAULT_GATEWAY_SECRET } }
    : 'sdl-target';
  const { supergraph, subgraphs } = await composeFromList(LOCAL_SUBGRAPHS, source);
  const current = fs.existsSync(SUPERGRAPH_FILE) ? fs.readFileSync(SUPERGRAPH_FILE, 'utf8') : undefined;
  const names = subgraphs.map((subgraph) => subgraph.name).join(', ');
  if (check) {
    if (current === supergraph) {
      console.log(`supergraph is up to date (${names})`);
      return 0;
    }
    console.error('gateway/supergraph.graphql is stale: run `npx nx run gateway:compose` and commit it');
    return 1;
  }
  if (current === supergraph) {
    console.log(`supergraph unchanged (${names})`);
  } else {
    fs.writeFileSync(SUPERGRAPH_FILE, supergraph);
    console.log(`wrote ${path.relative(ROOT, SUPERGRAPH_FILE)} from ${names}`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof CompositionError ? error.message : `[compose] ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
