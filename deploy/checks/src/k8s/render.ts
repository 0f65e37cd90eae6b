// Renders a kustomize overlay of deploy/k8s into objects: with `kustomize build` or `kubectl kustomize` where one is
// installed; otherwise with `renderWithoutKustomize`, which follows resources, components, images, the namespace and
// unhashed file ConfigMap generators, but applies no patches and no secretGenerator (the caller prints a SKIPPED line
// naming what was not checked).
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT } from '../support/paths';
import type { ManifestObject } from './manifest-object';

export const K8S_DIR = path.join(ROOT, 'deploy', 'k8s');
export const OVERLAYS = ['local', 'production'] as const;
export type Overlay = (typeof OVERLAYS)[number];

export function parseYaml(text: string, source: string): ManifestObject[] {
  return parseAllDocuments(text).flatMap((document) => {
    if (document.errors.length) throw new Error(`${source}: ${document.errors[0].message}`);
    const value = document.toJS() as ManifestObject | null;
    return value ? [value] : [];
  });
}

const available = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: 'ignore', timeout: 20_000 }).status === 0;

/** `kustomize build` or `kubectl kustomize`, whichever is installed; null when neither is (or OPSGRAPH_KUSTOMIZE=none). */
export function findKustomize(): string[] | null {
  if (process.env.OPSGRAPH_KUSTOMIZE === 'none') return null;
  if (available('kustomize', ['version'])) return ['kustomize', 'build'];
  if (available('kubectl', ['kustomize', '--help'])) return ['kubectl', 'kustomize'];
  return null;
}

/**
 * A copy of deploy/k8s in which the local overlay's untracked secrets.env exists (random values for every key of
 * secrets.env.example), as a developer's checkout has it.
 */
export function workingCopy(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-k8s-'));
  fs.cpSync(K8S_DIR, dir, { recursive: true });
  const example = fs.readFileSync(path.join(dir, 'overlays', 'local', 'secrets.env.example'), 'utf8');
  const secrets = example
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => {
      const [key, value] = line.split(/=(.*)/s);
      const random = crypto.randomBytes(24).toString('base64url');
      return `${key}=${value ? value.replace('<password>', random) : random}`;
    });
  fs.writeFileSync(path.join(dir, 'overlays', 'local', 'secrets.env'), `${secrets.join('\n')}\n`);
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function renderWithKustomize(kustomize: string[], dir: string): ManifestObject[] {
  const [command, ...args] = kustomize;
  const result = spawnSync(command, [...args, dir], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${kustomize.join(' ')} ${dir} failed:\n${result.stderr}`);
  return parseYaml(result.stdout, dir);
}

interface Kustomization {
  namespace?: string;
  resources?: string[];
  components?: string[];
  images?: { name: string; newName?: string; newTag?: string }[];
  configMapGenerator?: { name: string; files?: string[] }[];
}

/** resources + components + images + namespace + file ConfigMap generators, recursively; no patches. */
export function renderWithoutKustomize(dir: string): ManifestObject[] {
  const [kustomization] = parseYaml(fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'), dir) as unknown as Kustomization[];
  const objects = [...(kustomization.resources ?? []), ...(kustomization.components ?? [])].flatMap((entry) => {
    const target = path.join(dir, entry);
    return fs.statSync(target).isDirectory()
      ? renderWithoutKustomize(target)
      : parseYaml(fs.readFileSync(target, 'utf8'), target);
  });
  for (const generator of kustomization.configMapGenerator ?? []) {
    const data = Object.fromEntries(
      (generator.files ?? []).map((entry) => {
        const [key, file = key] = entry.split('=');
        return [path.basename(key), fs.readFileSync(path.join(dir, file), 'utf8')];
      }),
    );
    objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: generator.name }, data });
  }
  for (const object of objects) {
    if (kustomization.namespace) object.metadata.namespace = kustomization.namespace;
    const pod = (object.spec as { template?: { spec?: { containers?: { image: string }[] } } } | undefined)?.template?.spec;
    for (const container of pod?.containers ?? []) {
      const image = kustomization.images?.find(({ name }) => name === container.image.split(':')[0]);
      if (image) container.image = `${image.newName ?? image.name}${image.newTag ? `:${image.newTag}` : ''}`;
    }
  }
  return objects;
}
