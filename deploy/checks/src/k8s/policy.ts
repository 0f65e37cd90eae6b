// The deployment policy of issue #20, over rendered objects: what a platform team checks before accepting a
// service. Each violation names the object and the rule.
import { GATEWAY_NAME, type ManifestObject, idOf } from './manifest-object';

interface Container {
  name: string;
  image: string;
  env?: { name: string; value?: string }[];
  startupProbe?: { httpGet?: { path: string } };
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  lifecycle?: { preStop?: unknown };
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { memory?: string } };
  securityContext?: SecurityContext;
  volumeMounts?: { name: string; mountPath: string }[];
}

interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  capabilities?: { drop?: string[]; add?: string[] };
  seccompProfile?: { type?: string };
}

interface PodSpec {
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  securityContext?: SecurityContext;
  topologySpreadConstraints?: unknown[];
  containers: Container[];
  volumes?: { name: string; emptyDir?: unknown }[];
}

type Selector = { matchLabels?: Record<string, string> };
const specOf = <T>(object: ManifestObject) => (object.spec ?? {}) as T;
const podOf = (object: ManifestObject) => specOf<{ template: { spec: PodSpec } }>(object).template.spec;
const matches = (selector: Selector | undefined, labels: Record<string, string>) =>
  !!selector?.matchLabels && Object.entries(selector.matchLabels).every(([key, value]) => labels[key] === value);
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|KEY|DATABASE_URL/i;

function podViolations(object: ManifestObject, pod: PodSpec): string[] {
  const problems: string[] = [];
  const id = idOf(object);
  if (pod.automountServiceAccountToken !== false) problems.push(`${id}: automountServiceAccountToken must be false`);
  for (const container of pod.containers) {
    const where = `${id} container ${container.name}`;
    const security = { ...pod.securityContext, ...container.securityContext };
    if (security.runAsNonRoot !== true) problems.push(`${where}: runAsNonRoot must be true`);
    if (!Number.isInteger(security.runAsUser) || (security.runAsUser ?? 0) < 1) problems.push(`${where}: needs a numeric non-root runAsUser`);
    if (container.securityContext?.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation must be false`);
    if (container.securityContext?.readOnlyRootFilesystem !== true) problems.push(`${where}: readOnlyRootFilesystem must be true`);
    if (!container.securityContext?.capabilities?.drop?.includes('ALL') || container.securityContext.capabilities.add?.length) {
      problems.push(`${where}: capabilities must drop ALL and add none`);
    }
    if (security.seccompProfile?.type !== 'RuntimeDefault') problems.push(`${where}: seccompProfile must be RuntimeDefault`);
    const tmp = container.volumeMounts?.find(({ mountPath }) => mountPath === '/tmp');
    if (!tmp || !pod.volumes?.some(({ name, emptyDir }) => name === tmp.name && emptyDir)) {
      problems.push(`${where}: /tmp must be an emptyDir (the root filesystem is read-only)`);
    }
    const { requests, limits } = container.resources ?? {};
    if (!requests?.cpu || !requests.memory || !limits?.memory) problems.push(`${where}: needs cpu and memory requests and a memory limit`);
    if (!/[:@]/.test(container.image.replace(/^[^/]+:\d+\//, '')) || /:latest$/.test(container.image)) {
      problems.push(`${where}: image ${container.image} needs a pinned tag`);
    }
    for (const variable of container.env ?? []) {
      if (SECRET_NAME.test(variable.name) && variable.value !== undefined) problems.push(`${where}: ${variable.name} is a plain value, not a secretKeyRef`);
    }
  }
  return problems;
}

function deploymentViolations(deployment: ManifestObject, objects: readonly ManifestObject[]): string[] {
  const id = idOf(deployment);
  const pod = podOf(deployment);
  const labels = specOf<{ template: { metadata: { labels: Record<string, string> } } }>(deployment).template.metadata.labels;
  const of = (kind: string) => objects.filter((object) => object.kind === kind);
  const problems: string[] = [];
  for (const container of pod.containers) {
    if (!container.startupProbe?.httpGet) problems.push(`${id}: needs an HTTP startupProbe`);
    if (container.readinessProbe?.httpGet?.path !== '/readyz') problems.push(`${id}: readinessProbe must GET /readyz`);
    if (container.livenessProbe?.httpGet?.path !== '/healthz') problems.push(`${id}: livenessProbe must GET /healthz`);
    if (!container.lifecycle?.preStop) problems.push(`${id}: needs a preStop hook (drain before SIGTERM)`);
  }
  if (!pod.topologySpreadConstraints?.length) problems.push(`${id}: needs topologySpreadConstraints`);
  const account = pod.serviceAccountName;
  if (!account || account === 'default' || !of('ServiceAccount').some((sa) => sa.metadata.name === account)) {
    problems.push(`${id}: needs its own ServiceAccount`);
  }
  if (!of('PodDisruptionBudget').some((pdb) => matches(specOf<{ selector: Selector }>(pdb).selector, labels))) {
    problems.push(`${id}: needs a PodDisruptionBudget`);
  }
  const hpa = of('HorizontalPodAutoscaler').find(
    (object) => specOf<{ scaleTargetRef: { kind: string; name: string } }>(object).scaleTargetRef.name === deployment.metadata.name,
  );
  if (!hpa) problems.push(`${id}: needs a HorizontalPodAutoscaler`);
  if ('replicas' in specOf<object>(deployment) && hpa) problems.push(`${id}: sets replicas, which fights its HPA`);
  if (!of('PodMonitor').some((monitor) => matches(specOf<{ selector: Selector }>(monitor).selector, labels))) {
    problems.push(`${id}: needs a PodMonitor`);
  }
  const policies = of('NetworkPolicy').filter((policy) => matches(specOf<{ podSelector: Selector }>(policy).podSelector, labels));
  if (!policies.length) problems.push(`${id}: needs a NetworkPolicy`);
  if (deployment.metadata.name !== GATEWAY_NAME) {
    type Peer = { podSelector?: Selector; namespaceSelector?: Selector; ipBlock?: unknown };
    const peers = policies.flatMap((policy) => specOf<{ ingress?: { from?: Peer[] }[] }>(policy).ingress ?? []);
    const allowed = (peer: Peer) =>
      (peer.podSelector && !peer.namespaceSelector && peer.podSelector.matchLabels?.['app.kubernetes.io/name'] === GATEWAY_NAME) ||
      (!peer.podSelector && peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'monitoring');
    if (peers.some((rule) => !rule.from || !rule.from.every(allowed))) {
      problems.push(`${id}: a subgraph accepts only the gateway and monitoring`);
    }
  }
  return problems;
}

export function policyViolations(objects: readonly ManifestObject[]): string[] {
  const problems: string[] = [];
  const deployments = objects.filter((object) => object.kind === 'Deployment');
  for (const object of objects) {
    if (object.kind === 'Deployment' || object.kind === 'Job') problems.push(...podViolations(object, podOf(object)));
    if (object.kind === 'Deployment') problems.push(...deploymentViolations(object, objects));
    if (object.kind === 'Secret' && (object.data || object.stringData) && !/-[a-z0-9]{10}$/.test(object.metadata.name)) {
      problems.push(`${idOf(object)}: a committed Secret (use the secretGenerator or an ExternalSecret)`);
    }
  }
  const images = deployments.map((deployment) => podOf(deployment).containers[0].image.split(':')[0]);
  const shared = images.filter((image, index) => images.indexOf(image) !== index);
  if (shared.length) problems.push(`one image per service: ${[...new Set(shared)].join(', ')} is shared`);
  if (!objects.some((object) => object.kind === 'NetworkPolicy' && Object.keys(specOf<{ podSelector: object }>(object).podSelector).length === 0)) {
    problems.push('needs a default-deny ingress NetworkPolicy');
  }
  return problems;
}
