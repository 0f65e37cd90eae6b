import { loadServicesManifest, parseServicesManifest } from '@opsgraph/services-manifest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { checkK8sBase, databaseUrlKey, K8S_BASE, renderK8sBase } from './k8s-base';

const { subgraphs } = loadServicesManifest();

function documents(file: string): Record<string, unknown>[] {
  return parseAllDocuments(fs.readFileSync(path.join(K8S_BASE, file), 'utf8')).map((document) => {
    if (document.errors.length) throw new Error(`${file}: ${document.errors[0].message}`);
    return document.toJS() as Record<string, unknown>;
  });
}

describe('deploy/k8s/base', () => {
  it('is what services/manifest.json generates (else: npm run deploy:k8s)', () => {
    expect(checkK8sBase()).toEqual({ stale: [], orphaned: [] });
  });

  it('lists every generated file as a kustomization resource, next to the hand-written ones', () => {
    const [kustomization] = documents('kustomization.yaml') as { resources: string[] }[];
    for (const file of kustomization.resources) expect(fs.existsSync(path.join(K8S_BASE, file))).toBe(true);
    expect(kustomization.resources).toEqual(
      expect.arrayContaining([...renderK8sBase().keys()].filter((file) => file !== 'kustomization.yaml')),
    );
  });

  it('gives each subgraph a Deployment on its database secret and a Service the gateway template reaches', () => {
    const secret = documents('config.yaml').find((document) => document.kind === 'Secret') as {
      stringData: Record<string, string>;
    };
    const gateway = documents('gateway.yaml').find((document) => document.kind === 'Deployment');
    const template = JSON.stringify(gateway).match(/"name":"SUBGRAPHS_URL_TEMPLATE","value":"([^"]+)"/)?.[1];
    expect(template).toBe('http://{name}:4000/graphql');
    for (const { name, database } of subgraphs) {
      const [deployment, service] = documents(`${name}.yaml`) as {
        kind: string;
        metadata: { name: string };
      }[];
      expect([deployment.kind, deployment.metadata.name, service.kind, service.metadata.name]).toEqual([
        'Deployment',
        name,
        'Service',
        name,
      ]);
      expect(JSON.stringify(deployment)).toContain(`"key":"${databaseUrlKey(name)}"`);
      expect(JSON.stringify(service)).toContain('"port":4000');
      expect(secret.stringData[databaseUrlKey(name)]).toMatch(new RegExp(`/${database}$`));
    }
  });
});

describe('renderK8sBase', () => {
  it('adds a subgraph with the manifest entry alone and flags the files of a removed one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-base-'));
    try {
      fs.cpSync(K8S_BASE, dir, { recursive: true });
      const manifest = parseServicesManifest({
        subgraphs: [
          ...subgraphs.filter((subgraph) => subgraph.name !== 'customer'),
          { name: 'asset', port: 4104, database: 'opsgraph_asset', owns: ['asset'], reads: ['ticket'] },
        ],
      });
      const files = renderK8sBase(manifest);
      expect(checkK8sBase(dir, files)).toEqual({
        stale: ['kustomization.yaml', 'config.yaml', 'asset.yaml'],
        orphaned: ['customer.yaml'],
      });
      expect(files.get('asset.yaml')).toContain('services/asset/src/main.ts');
      expect(files.get('config.yaml')).toContain(
        'ASSET_DATABASE_URL: postgres://opsgraph:change-me@postgres:5432/opsgraph_asset',
      );
      expect(files.get('kustomization.yaml')).toContain('  - asset.yaml\n  - gateway.yaml\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
