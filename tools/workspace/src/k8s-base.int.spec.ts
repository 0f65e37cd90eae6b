import { TOPICS } from '@opsgraph/contracts-events';
import { loadServicesManifest, parseServicesManifest } from '@opsgraph/services-manifest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { checkK8sBase, consumersOf, databaseUrlKey, dlqTopicsOf, K8S_DIR, k8sInputs, renderK8sBase } from './k8s-base';
import { MIN_INSYNC_REPLICAS, PRODUCTION_REPLICATION } from './k8s/kafka-topics';

const manifest = loadServicesManifest();
const { subgraphs } = manifest;
// The consumers of every subgraph, read once (a child process per service).
const consumers = new Map(subgraphs.map(({ name }) => [name, consumersOf(name)]));
const consumersRead = (service: string) => consumers.get(service) ?? consumersOf(service);
const inputs = k8sInputs(manifest, consumersRead);

type Doc = { kind: string; metadata: { name: string }; spec?: Record<string, unknown> } & Record<string, unknown>;

function documents(file: string, files = renderK8sBase(inputs)): Doc[] {
  return parseAllDocuments(files.get(file) ?? fs.readFileSync(path.join(K8S_DIR, file), 'utf8')).map((document) => {
    if (document.errors.length) throw new Error(`${file}: ${document.errors[0].message}`);
    return document.toJS() as Doc;
  });
}

describe('deploy/k8s', () => {
  it('is what services/manifest.json, the topic catalogue and the supergraph generate (else: npm run deploy:k8s)', () => {
    expect(checkK8sBase(K8S_DIR, renderK8sBase(inputs))).toEqual({ stale: [], orphaned: [] });
  });

  it('lists every base file as a kustomization resource and ships the composed supergraph', () => {
    const [kustomization] = documents('base/kustomization.yaml') as unknown as { resources: string[] }[];
    for (const file of kustomization.resources) expect(fs.existsSync(path.join(K8S_DIR, 'base', file))).toBe(true);
    expect(kustomization.resources).toEqual(expect.arrayContaining(subgraphs.map(({ name }) => `${name}.yaml`)));
    expect(fs.readFileSync(path.join(K8S_DIR, 'base', 'supergraph.graphql'), 'utf8')).toBe(inputs.supergraph);
  });

  it('gives each subgraph its workload, on its own database key, and a secret template entry for it', () => {
    const example = fs.readFileSync(path.join(K8S_DIR, 'overlays', 'local', 'secrets.env.example'), 'utf8');
    for (const { name, database } of subgraphs) {
      const kinds = documents(`base/${name}.yaml`).map(({ kind, metadata }) => `${kind}/${metadata.name}`);
      expect(kinds).toEqual(
        ['ServiceAccount', 'Deployment', 'Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'NetworkPolicy', 'PodMonitor'].map(
          (kind) => `${kind}/${name}`,
        ),
      );
      expect(JSON.stringify(documents(`base/${name}.yaml`)[1])).toContain(`"key":"${databaseUrlKey(name)}"`);
      expect(example).toContain(`${databaseUrlKey(name)}=postgres://opsgraph:<password>@postgres:5432/${database}\n`);
    }
  });
});

describe('the KafkaTopics (components/kafka-topics)', () => {
  const topics = documents('components/kafka-topics/topics.yaml') as (Doc & {
    spec: { topicName: string; partitions: number; replicas: number; config: Record<string, string | number> };
  })[];
  const byName = new Map(topics.map((topic) => [topic.spec.topicName, topic]));

  it('declare every topic of the catalogue with its partitions and retention, replication 3, min.insync.replicas 2', () => {
    for (const entry of TOPICS) {
      expect(byName.get(entry.name)?.spec).toEqual({
        topicName: entry.name,
        partitions: entry.partitions,
        replicas: PRODUCTION_REPLICATION,
        config: {
          'cleanup.policy': entry.cleanupPolicy,
          'retention.ms': String(entry.retentionMs),
          'min.insync.replicas': MIN_INSYNC_REPLICAS,
        },
      });
    }
  });

  it('declare the dead-letter topic of every consumer of every subgraph, and nothing else', () => {
    const dlqs = subgraphs.flatMap(({ name }) =>
      consumersRead(name).flatMap(({ consumer, topics: sources }) => sources.map((source) => `${source}.dlq.${consumer}`)),
    );
    expect(dlqs.length).toBeGreaterThan(0);
    expect([...byName.keys()].sort()).toEqual([...TOPICS.map(({ name }) => name), ...dlqs].sort());
    for (const dlq of dlqs) {
      const source = TOPICS.find(({ name }) => dlq.startsWith(`${name}.dlq.`));
      expect(byName.get(dlq)?.spec).toMatchObject({ partitions: source?.partitions, replicas: PRODUCTION_REPLICATION });
    }
  });
});

describe('renderK8sBase', () => {
  it('adds a subgraph with the manifest entry alone and flags the files of a removed one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-'));
    try {
      fs.cpSync(K8S_DIR, dir, { recursive: true });
      const changed = parseServicesManifest({
        subgraphs: [
          ...subgraphs.filter((subgraph) => !['customer', 'billing'].includes(subgraph.name)),
          { name: 'billing', port: 4199, database: 'opsgraph_billing', owns: [], reads: ['ticket'] },
        ],
      });
      const consumers = (service: string) =>
        service === 'billing' ? [{ consumer: 'billing-invoices', topics: ['opsgraph.ticket.events.v1'] }] : consumersRead(service);
      const files = renderK8sBase({ ...inputs, manifest: changed, dlqTopics: dlqTopicsOf(changed, consumers) });
      const drift = checkK8sBase(dir, files);
      expect(drift.orphaned).toEqual(['base/customer.yaml']);
      expect(drift.stale).toEqual(
        expect.arrayContaining(['base/kustomization.yaml', 'base/billing.yaml', 'overlays/production/kustomization.yaml']),
      );
      expect(files.get('base/billing.yaml')).toContain('image: opsgraph-billing');
      expect(files.get('components/kafka-topics/topics.yaml')).toContain('topicName: opsgraph.ticket.events.v1.dlq.billing-invoices');
      expect(files.get('overlays/local/secrets.env.example')).toContain('BILLING_DATABASE_URL=');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
