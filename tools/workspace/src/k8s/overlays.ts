// The files of deploy/k8s that depend on services/manifest.json: the base, the Kafka topic component and the two
// overlays. Each is a path relative to deploy/k8s → text (YAML or the copied supergraph).
import type { ServicesManifest } from '@opsgraph/services-manifest';
import { stringify } from 'yaml';
import { kafkaTopicObjects, type DlqTopic } from './kafka-topics';
import {
  CONFIG_NAME,
  databaseUrlKey,
  GATEWAY,
  imageOf,
  SECRETS_NAME,
  SUPERGRAPH_CONFIG_MAP,
} from './labels';
import {
  CONTAINER_SECURITY,
  gatewayWorkload,
  POD_SECURITY,
  secretEnv,
  subgraphWorkload,
  TMP_MOUNT,
  TMP_VOLUME,
  workloadObjects,
  type K8sObject,
} from './workload';

export const GENERATED_HEADER =
  '# Generated from services/manifest.json by `npm run deploy:k8s` (tools/workspace/src/k8s-base.ts); edit those, not this file.';

/** The topic namespace of the production deployment: its ConfigMap and its KafkaTopics use the same one. */
export const PRODUCTION_TOPIC_NAMESPACE = '';

export interface K8sInputs {
  manifest: ServicesManifest;
  /** gateway/supergraph.graphql */
  supergraph: string;
  /** Every consumer's dead-letter topics (print-consumers of each subgraph). */
  dlqTopics: readonly DlqTopic[];
  /** package.json's version: the tag the generated overlays start from; releases set their own. */
  version: string;
}

const yamlDocuments = (comment: string, objects: readonly object[]) =>
  `${GENERATED_HEADER}\n${comment ? `${comment}\n` : ''}${objects
    .map((object) => stringify(object, { lineWidth: 0, aliasDuplicateObjects: false }))
    .join('---\n')}`;

function configMap(data: Record<string, string>): K8sObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: CONFIG_NAME }, data };
}

const deployables = (manifest: ServicesManifest) => [...manifest.subgraphs.map(({ name }) => name), GATEWAY];

function base({ manifest, supergraph }: K8sInputs): Map<string, string> {
  const files = new Map<string, string>();
  const resources = ['config.yaml', 'network.yaml', ...deployables(manifest).map((name) => `${name}.yaml`)];
  files.set(
    'base/kustomization.yaml',
    yamlDocuments(
      '# Kustomize base: per deployable a ServiceAccount, Deployment, Service, PodDisruptionBudget, HPA, NetworkPolicy\n' +
        '# and PodMonitor. No Secret (the overlays bring opsgraph-secrets) and no image tag (the overlays pin one per service).',
      [
        {
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          labels: [{ pairs: { 'app.kubernetes.io/part-of': 'opsgraph' }, includeSelectors: false }],
          resources,
          // Not hashed: the gateway re-reads the mounted file when the ConfigMap changes, without a rollout.
          configMapGenerator: [
            {
              name: SUPERGRAPH_CONFIG_MAP,
              files: ['supergraph.graphql'],
              options: { disableNameSuffixHash: true },
            },
          ],
        },
      ],
    ),
  );
  files.set(
    'base/config.yaml',
    yamlDocuments('', [configMap({ KAFKA_BROKERS: 'kafka:9092', KAFKA_TOPIC_NAMESPACE: '', LOG_LEVEL: 'info', PORT: '4000' })]),
  );
  files.set(
    'base/network.yaml',
    yamlDocuments('# Nothing reaches an opsgraph pod unless its own NetworkPolicy admits it.', [
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'opsgraph-default-deny-ingress' },
        spec: { podSelector: {}, policyTypes: ['Ingress'] },
      },
    ]),
  );
  for (const { name } of manifest.subgraphs) {
    files.set(`base/${name}.yaml`, yamlDocuments('', workloadObjects(subgraphWorkload(name, databaseUrlKey(name)))));
  }
  files.set(`base/${GATEWAY}.yaml`, yamlDocuments('', workloadObjects(gatewayWorkload())));
  files.set('base/supergraph.graphql', supergraph);
  return files;
}

function kafkaTopicsComponent(inputs: K8sInputs): Map<string, string> {
  return new Map([
    [
      'components/kafka-topics/kustomization.yaml',
      yamlDocuments('# The topic catalogue as Strimzi KafkaTopics (production: replication 3, min.insync.replicas 2).', [
        { apiVersion: 'kustomize.config.k8s.io/v1alpha1', kind: 'Component', resources: ['topics.yaml'] },
      ]),
    ],
    [
      'components/kafka-topics/topics.yaml',
      yamlDocuments('', kafkaTopicObjects(PRODUCTION_TOPIC_NAMESPACE, inputs.dlqTopics)),
    ],
  ]);
}

const secretKeys = (manifest: ServicesManifest) => [
  'GATEWAY_SECRET',
  'JWT_SECRET',
  ...manifest.subgraphs.map(({ name }) => databaseUrlKey(name)),
  'ADMIN_DATABASE_URL',
];

const images = (manifest: ServicesManifest, registry: string, tag: string) =>
  deployables(manifest).map((name) => ({ name: imageOf(name), newName: `${registry}${imageOf(name)}`, newTag: tag }));

/** Creates the service databases and the catalogue's topics on a local cluster's single-broker Kafka. */
function infraJob(): K8sObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'opsgraph-infra' },
    spec: {
      backoffLimit: 6,
      ttlSecondsAfterFinished: 3600,
      template: {
        spec: {
          restartPolicy: 'OnFailure',
          automountServiceAccountToken: false,
          securityContext: POD_SECURITY,
          containers: [
            {
              name: 'infra',
              image: imageOf('infra'),
              args: ['node', 'dist/app/main.js', 'up'],
              envFrom: [{ configMapRef: { name: CONFIG_NAME } }],
              // The local-infra CLI keeps server files under OPSGRAPH_LOCAL_DIR; against a cluster's servers it
              // writes none, and the root filesystem is read-only anyway.
              env: [secretEnv('DATABASE_URL', 'ADMIN_DATABASE_URL'), { name: 'OPSGRAPH_LOCAL_DIR', value: '/tmp/opsgraph' }],
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
              securityContext: CONTAINER_SECURITY,
              volumeMounts: [TMP_MOUNT],
            },
          ],
          volumes: [TMP_VOLUME],
        },
      },
    },
  };
}

function localOverlay({ manifest }: K8sInputs): Map<string, string> {
  const hpaPatch = [
    { op: 'replace', path: '/spec/minReplicas', value: 1 },
    { op: 'replace', path: '/spec/maxReplicas', value: 2 },
  ];
  const example = secretKeys(manifest).map((key) => {
    if (!key.endsWith('_DATABASE_URL')) return `${key}=`;
    const database = manifest.subgraphs.find(({ name }) => databaseUrlKey(name) === key)?.database ?? 'postgres';
    return `${key}=postgres://opsgraph:<password>@postgres:5432/${database}`;
  });
  return new Map([
    [
      'overlays/local/kustomization.yaml',
      yamlDocuments(
        '# A local cluster (kind, k3d): one replica each, images built locally, secrets from the untracked secrets.env\n' +
          '# (cp secrets.env.example secrets.env and fill it in; see docs/deploy.md). kubectl apply -k deploy/k8s/overlays/local',
        [
          {
            apiVersion: 'kustomize.config.k8s.io/v1beta1',
            kind: 'Kustomization',
            resources: ['../../base', 'infra-job.yaml'],
            secretGenerator: [{ name: SECRETS_NAME, envs: ['secrets.env'] }],
            images: [...images(manifest, '', 'dev'), { name: imageOf('infra'), newName: imageOf('infra'), newTag: 'dev' }],
            patches: [{ target: { kind: 'HorizontalPodAutoscaler' }, patch: stringify(hpaPatch) }],
          },
        ],
      ),
    ],
    ['overlays/local/infra-job.yaml', yamlDocuments('', [infraJob()])],
    [
      'overlays/local/secrets.env.example',
      `${GENERATED_HEADER}\n# Copy to secrets.env (git-ignored). Secrets: \`openssl rand -base64 33\` each (at least 32 characters).\n${example.join('\n')}\n`,
    ],
  ]);
}

function productionOverlay({ manifest, version }: K8sInputs): Map<string, string> {
  return new Map([
    [
      'overlays/production/kustomization.yaml',
      yamlDocuments(
        '# Production: images pinned per service (the release pipeline runs `kustomize edit set image` for the one it\n' +
          '# releases), secrets from the secret store through an ExternalSecret, topics as Strimzi KafkaTopics.',
        [
          {
            apiVersion: 'kustomize.config.k8s.io/v1beta1',
            kind: 'Kustomization',
            namespace: 'opsgraph',
            resources: ['../../base', 'external-secret.yaml'],
            components: ['../../components/kafka-topics'],
            images: images(manifest, 'registry.example.com/opsgraph/', version),
            patches: [
              {
                target: { kind: 'ConfigMap', name: CONFIG_NAME },
                patch: stringify([
                  { op: 'replace', path: '/data/KAFKA_BROKERS', value: 'opsgraph-kafka-bootstrap.kafka:9092' },
                  { op: 'replace', path: '/data/KAFKA_TOPIC_NAMESPACE', value: PRODUCTION_TOPIC_NAMESPACE },
                  { op: 'add', path: '/data/JWKS_URL', value: 'https://id.example.com/.well-known/jwks.json' },
                ]),
              },
            ],
          },
        ],
      ),
    ],
    [
      'overlays/production/external-secret.yaml',
      yamlDocuments(
        '# opsgraph-secrets from the cluster\'s secret store (External Secrets Operator): every property of the store\'s\n' +
          `# \`opsgraph\` secret (${secretKeys(manifest).filter((key) => key !== 'JWT_SECRET' && key !== 'ADMIN_DATABASE_URL').join(', ')};\n` +
          '# GATEWAY_SECRET_PREVIOUS during a rotation). Nothing secret is in this repository; the store name is an example.',
        [
          {
            apiVersion: 'external-secrets.io/v1',
            kind: 'ExternalSecret',
            metadata: { name: SECRETS_NAME },
            spec: {
              refreshInterval: '1h',
              secretStoreRef: { kind: 'ClusterSecretStore', name: 'opsgraph-secret-store' },
              target: { name: SECRETS_NAME, creationPolicy: 'Owner' },
              dataFrom: [{ extract: { key: 'opsgraph' } }],
            },
          },
        ],
      ),
    ],
  ]);
}

/** Path under deploy/k8s → content. */
export function renderK8s(inputs: K8sInputs): Map<string, string> {
  return new Map([
    ...base(inputs),
    ...kafkaTopicsComponent(inputs),
    ...localOverlay(inputs),
    ...productionOverlay(inputs),
  ]);
}
