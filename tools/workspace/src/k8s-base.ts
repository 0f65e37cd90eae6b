// `npm run deploy:k8s` (or `… -- --check`): deploy/k8s from services/manifest.json — the base (per deployable a
// hardened Deployment and its ServiceAccount, Service, PDB, HPA, NetworkPolicy, PodMonitor), the gateway's supergraph
// ConfigMap, the Strimzi KafkaTopics of the topic catalogue (with every consumer's dead-letter topic) and the local
// and production overlays. A new subgraph needs its manifest entry alone.
import { loadServicesManifest, type ServicesManifest } from '@opsgraph/services-manifest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dlqTopicName } from '@opsgraph/contracts-events';
import type { DlqTopic } from './k8s/kafka-topics';
import { GENERATED_HEADER, renderK8s, type K8sInputs } from './k8s/overlays';

export { databaseUrlKey } from './k8s/labels';
export { GENERATED_HEADER } from './k8s/overlays';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const K8S_DIR = path.join(ROOT, 'deploy', 'k8s');
export const K8S_BASE = path.join(K8S_DIR, 'base');

/** Each subgraph's consumers, from its own definition (in a child process, as composition reads SDL). */
export function consumersOf(service: string): { consumer: string; topics: string[] }[] {
  const output = execFileSync(
    process.execPath,
    ['-r', './scripts/register.cjs', 'libs/platform/service-kit/src/cli/print-consumers.ts', `services/${service}`],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } },
  );
  return JSON.parse(output.trim().split('\n').at(-1) ?? '[]') as { consumer: string; topics: string[] }[];
}

export function dlqTopicsOf(manifest: ServicesManifest, consumers = consumersOf): DlqTopic[] {
  return manifest.subgraphs.flatMap(({ name }) =>
    consumers(name).flatMap(({ consumer, topics }) =>
      topics.map((source) => ({ name: dlqTopicName(source, consumer), source })),
    ),
  );
}

export function k8sInputs(manifest: ServicesManifest = loadServicesManifest(), consumers = consumersOf): K8sInputs {
  return {
    manifest,
    supergraph: fs.readFileSync(path.join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8'),
    dlqTopics: dlqTopicsOf(manifest, consumers),
    version: (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
  };
}

/** Path under deploy/k8s → content. */
export function renderK8sBase(inputs: K8sInputs = k8sInputs()): Map<string, string> {
  return renderK8s(inputs);
}

export interface K8sBaseDrift {
  /** Files whose committed content differs from the generated one (or that are missing). */
  stale: string[];
  /** Generated files (by their header) that the manifest no longer generates. */
  orphaned: string[];
}

export function checkK8sBase(dir = K8S_DIR, files = renderK8sBase()): K8sBaseDrift {
  const read = (file: string) =>
    fs.existsSync(path.join(dir, file)) ? fs.readFileSync(path.join(dir, file), 'utf8') : '';
  const stale = [...files].filter(([file, content]) => read(file) !== content).map(([file]) => file);
  const orphaned = fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.yaml') && !files.has(file) && read(file).startsWith(GENERATED_HEADER));
  return { stale, orphaned };
}

function main(argv: string[]): number {
  const files = renderK8sBase();
  const { stale, orphaned } = checkK8sBase(K8S_DIR, files);
  const relative = (file: string) => path.relative(ROOT, path.join(K8S_DIR, file));
  if (argv.includes('--check')) {
    if (!stale.length && !orphaned.length) {
      console.log('deploy/k8s is up to date with services/manifest.json');
      return 0;
    }
    console.error(`deploy/k8s is stale (${[...stale, ...orphaned].map(relative).join(', ')}): run \`npm run deploy:k8s\``);
    return 1;
  }
  for (const file of stale) {
    fs.mkdirSync(path.dirname(path.join(K8S_DIR, file)), { recursive: true });
    fs.writeFileSync(path.join(K8S_DIR, file), files.get(file) as string);
  }
  for (const file of orphaned) fs.rmSync(path.join(K8S_DIR, file));
  const changes = [...stale.map((file) => `wrote ${relative(file)}`), ...orphaned.map((file) => `removed ${relative(file)}`)];
  console.log(changes.length ? changes.join('\n') : 'deploy/k8s unchanged');
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
