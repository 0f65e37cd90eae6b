// `npx nx g @opsgraph/tools:subgraph <name>`: a subgraph on the service kit with one example aggregate (type, inputs,
// resolver, reference, use-case, store, rules), one mutation, one event contract, one projection of another domain's
// topic, a migration, tests, and its services-manifest entry; then the generated artefacts that derive from the
// catalogue and the manifest (docs/events, deploy/k8s/base, gateway/supergraph.graphql) are regenerated.
import {
  formatFiles,
  generateFiles,
  logger,
  readJson,
  updateJson,
  type GeneratorCallback,
  type Tree,
} from '@nx/devkit';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { addEventSample, aggregateTypesOf, exportFromIndex, registerInTopics } from './edits';
import { subgraphNames, type SubgraphNames } from './names';

export interface SubgraphGeneratorSchema {
  name: string;
  aggregate?: string;
  port?: number;
  skipRegenerate?: boolean;
  skipFormat?: boolean;
}

export const MANIFEST = 'services/manifest.json';
const EVENTS_SRC = 'libs/contracts/events/src';
const FIRST_PORT = 4101;

interface ManifestEntry {
  name: string;
  port: number;
  database: string;
  owns: string[];
  reads: string[];
}

function read(tree: Tree, file: string): string {
  const text = tree.read(file, 'utf-8');
  if (text === null)
    throw new Error(`${file} is missing: run the generator at the root of the opsgraph workspace`);
  return text;
}

function edit(tree: Tree, file: string, change: (text: string) => string): void {
  tree.write(file, change(read(tree, file)));
}

/** The manifest entry: the next free port (or `port`), `opsgraph_<name>`, owns its aggregate, reads ticket. */
export function manifestEntry(
  n: SubgraphNames,
  subgraphs: readonly ManifestEntry[],
  port?: number,
): ManifestEntry {
  const taken = subgraphs.map((subgraph) => subgraph.port);
  const chosen = port ?? Math.max(FIRST_PORT - 1, ...taken) + 1;
  if (taken.includes(chosen)) throw new Error(`port ${chosen} is taken in ${MANIFEST}`);
  return { name: n.name, port: chosen, database: n.database, owns: [n.aggregate], reads: ['ticket'] };
}

function check(tree: Tree, n: SubgraphNames, subgraphs: readonly ManifestEntry[]): void {
  if (tree.exists(`services/${n.name}`)) throw new Error(`services/${n.name} exists already`);
  if (subgraphs.some((subgraph) => subgraph.name === n.name))
    throw new Error(`${MANIFEST} names ${n.name} already`);
  if (aggregateTypesOf(read(tree, `${EVENTS_SRC}/topics.ts`)).includes(n.aggregate)) {
    throw new Error(`aggregate type "${n.aggregate}" exists already: pass another with --aggregate`);
  }
}

export async function subgraphGenerator(
  tree: Tree,
  options: SubgraphGeneratorSchema,
): Promise<GeneratorCallback> {
  const n = subgraphNames(options.name, options.aggregate);
  const { subgraphs } = readJson<{ subgraphs: ManifestEntry[] }>(tree, MANIFEST);
  check(tree, n, subgraphs);
  const substitutions = { ...n, timestamp: Date.now(), tmpl: '' };

  generateFiles(tree, path.join(__dirname, 'files'), `services/${n.name}`, substitutions);
  generateFiles(tree, path.join(__dirname, 'files-events'), EVENTS_SRC, substitutions);
  edit(tree, `${EVENTS_SRC}/topics.ts`, (text) => registerInTopics(text, n));
  edit(tree, `${EVENTS_SRC}/index.ts`, (text) => exportFromIndex(text, n));
  edit(tree, `${EVENTS_SRC}/testing/event-samples.ts`, (text) => addEventSample(text, n));
  const entry = manifestEntry(n, subgraphs, options.port);
  updateJson(tree, MANIFEST, (manifest: { subgraphs: ManifestEntry[] }) => ({
    ...manifest,
    subgraphs: [...manifest.subgraphs, entry],
  }));
  if (!options.skipFormat) await formatFiles(tree);

  return () => {
    if (!options.skipRegenerate) regenerate(tree.root);
    logger.info(
      [
        ``,
        `services/${n.name}: port ${entry.port}, database ${entry.database}, owns ${n.aggregate}, reads ticket.`,
        `Next: npx nx run ${n.name}:test, then replace the example aggregate with your domain (docs/development.md).`,
      ].join('\n'),
    );
  };
}

/** The artefacts derived from the event catalogue and the services manifest, each with its own command. */
export function regenerate(root: string): void {
  const run = (what: string, command: string, required: boolean) => {
    logger.info(`regenerating ${what}: ${command}`);
    try {
      execFileSync('sh', ['-c', command], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, LOG_LEVEL: 'silent' },
      });
    } catch (error) {
      if (required) throw error;
      logger.warn(`${what} failed; run \`${command}\` once the workspace builds`);
    }
  };
  run('docs/events', 'npm run --silent docs:events', true);
  run('deploy/k8s/base', 'npm run --silent deploy:k8s', false);
  run('gateway/supergraph.graphql', 'NX_DAEMON=false npx nx run gateway:compose --outputStyle=static', false);
}

export default subgraphGenerator;
