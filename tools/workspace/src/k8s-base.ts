// `npm run deploy:k8s` (or `… -- --check`): the subgraph parts of deploy/k8s/base from services/manifest.json —
// one Deployment + Service file per subgraph, the Secret with each service's database URL, and the kustomization's
// resource list. The gateway and the infra Job stay hand-written: they do not change when a subgraph is added.
import {
  loadServicesManifest,
  type ServicesManifest,
  type SubgraphManifestEntry,
} from '@opsgraph/services-manifest';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const K8S_BASE = path.join(ROOT, 'deploy', 'k8s', 'base');
export const GENERATED_HEADER =
  '# Generated from services/manifest.json by `npm run deploy:k8s` (tools/workspace/src/k8s-base.ts); edit those, not this file.';

/** `hr-performance` → `HR_PERFORMANCE_DATABASE_URL`, the service's key in the opsgraph-secrets Secret. */
export const databaseUrlKey = (name: string): string =>
  `${name.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`;

function subgraphYaml({ name }: SubgraphManifestEntry): string {
  return `${GENERATED_HEADER}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: { app.kubernetes.io/name: ${name} }
spec:
  replicas: 2
  selector:
    matchLabels: { app.kubernetes.io/name: ${name} }
  template:
    metadata:
      labels: { app.kubernetes.io/name: ${name} }
      annotations: { prometheus.io/scrape: "true", prometheus.io/port: "4000", prometheus.io/path: /metrics }
    spec:
      terminationGracePeriodSeconds: 30
      containers:
        - name: ${name}
          image: opsgraph
          command: ["node", "-r", "./scripts/register.cjs", "services/${name}/src/main.ts"]
          ports: [{ name: http, containerPort: 4000 }]
          envFrom: [{ configMapRef: { name: opsgraph-config } }]
          env:
            - name: DATABASE_URL
              valueFrom: { secretKeyRef: { name: opsgraph-secrets, key: ${databaseUrlKey(name)} } }
            - name: GATEWAY_SECRET
              valueFrom: { secretKeyRef: { name: opsgraph-secrets, key: GATEWAY_SECRET } }
          readinessProbe: { httpGet: { path: /readyz, port: http }, periodSeconds: 5 }
          livenessProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 10, failureThreshold: 6 }
          resources:
            requests: { cpu: 100m, memory: 256Mi }
            limits: { memory: 512Mi }
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: { app.kubernetes.io/name: ${name} }
  ports: [{ name: http, port: 4000, targetPort: http }]
`;
}

function configYaml(manifest: ServicesManifest): string {
  const databaseUrls = manifest.subgraphs.map(
    ({ name, database }) =>
      `  ${databaseUrlKey(name)}: postgres://opsgraph:change-me@postgres:5432/${database}`,
  );
  return `${GENERATED_HEADER}
apiVersion: v1
kind: ConfigMap
metadata:
  name: opsgraph-config
data:
  KAFKA_BROKERS: kafka:9092
  KAFKA_TOPIC_NAMESPACE: ""
  LOG_LEVEL: info
  PORT: "4000"
---
# Replace in an overlay (or from your secret store): the shared gateway→subgraph secret, the JWT verification
# settings and one database URL per service (each service owns its database).
apiVersion: v1
kind: Secret
metadata:
  name: opsgraph-secrets
type: Opaque
stringData:
  GATEWAY_SECRET: change-me
  JWT_SECRET: change-me
${databaseUrls.join('\n')}
  ADMIN_DATABASE_URL: postgres://opsgraph:change-me@postgres:5432/postgres
`;
}

function kustomizationYaml(manifest: ServicesManifest): string {
  const resources = [
    'config.yaml',
    'infra-job.yaml',
    ...manifest.subgraphs.map(({ name }) => `${name}.yaml`),
    'gateway.yaml',
  ];
  return `${GENERATED_HEADER}
# Kustomize base: one Deployment + Service per subgraph, the gateway with its supergraph, and a Job that creates the
# databases and the catalogue's topics. Overlays set the image, secrets, replicas and resources.
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
labels:
  - pairs: { app.kubernetes.io/part-of: opsgraph }
    includeSelectors: false
resources:
${resources.map((file) => `  - ${file}`).join('\n')}
images:
  - name: opsgraph
    newName: opsgraph
    newTag: dev
`;
}

/** File name in deploy/k8s/base → content. */
export function renderK8sBase(manifest: ServicesManifest = loadServicesManifest()): Map<string, string> {
  const files = new Map<string, string>();
  files.set('kustomization.yaml', kustomizationYaml(manifest));
  files.set('config.yaml', configYaml(manifest));
  for (const subgraph of manifest.subgraphs) files.set(`${subgraph.name}.yaml`, subgraphYaml(subgraph));
  return files;
}

export interface K8sBaseDrift {
  /** Files whose committed content differs from the generated one (or that are missing). */
  stale: string[];
  /** Generated files of subgraphs no longer in the manifest. */
  orphaned: string[];
}

export function checkK8sBase(dir = K8S_BASE, files = renderK8sBase()): K8sBaseDrift {
  const read = (file: string) =>
    fs.existsSync(path.join(dir, file)) ? fs.readFileSync(path.join(dir, file), 'utf8') : '';
  const stale = [...files].filter(([file, content]) => read(file) !== content).map(([file]) => file);
  const orphaned = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.yaml') && !files.has(file) && read(file).startsWith(GENERATED_HEADER));
  return { stale, orphaned };
}

function main(argv: string[]): number {
  const files = renderK8sBase();
  const { stale, orphaned } = checkK8sBase(K8S_BASE, files);
  const relative = (file: string) => path.relative(ROOT, path.join(K8S_BASE, file));
  if (argv.includes('--check')) {
    if (!stale.length && !orphaned.length) {
      console.log('deploy/k8s/base is up to date with services/manifest.json');
      return 0;
    }
    console.error(
      `deploy/k8s/base is stale (${[...stale, ...orphaned].map(relative).join(', ')}): run \`npm run deploy:k8s\``,
    );
    return 1;
  }
  for (const file of stale) fs.writeFileSync(path.join(K8S_BASE, file), files.get(file) as string);
  for (const file of orphaned) fs.rmSync(path.join(K8S_BASE, file));
  const changes = [
    ...stale.map((file) => `wrote ${relative(file)}`),
    ...orphaned.map((file) => `removed ${relative(file)}`),
  ];
  console.log(changes.length ? changes.join('\n') : 'deploy/k8s/base unchanged');
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
