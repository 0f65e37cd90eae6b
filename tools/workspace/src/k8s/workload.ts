// One deployable (a subgraph or the gateway) as Kubernetes objects: ServiceAccount, Deployment, Service,
// PodDisruptionBudget, HorizontalPodAutoscaler, NetworkPolicy and PodMonitor. The rules the policy test checks
// (deploy/checks) are made here once, for every entry of services/manifest.json.
import {
  CONFIG_NAME,
  SUPERGRAPH_CONFIG_MAP,
  SUPERGRAPH_MOUNT,
  GATEWAY,
  HTTP_PORT,
  imageOf,
  MONITORING_NAMESPACE,
  nameLabel,
  RUN_AS_USER,
  SECRETS_NAME,
} from './labels';

export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string } & Record<string, unknown> } & Record<
  string,
  unknown
>;

export interface WorkloadSpec {
  name: string;
  /** Extra environment (name → value or secret key). */
  env: ({ name: string; value: string } | { name: string; secretKey: string; optional?: boolean })[];
  volumes?: { name: string; configMap: string; mountPath: string }[];
  /** Who may open connections: the gateway accepts any client, subgraphs only the gateway (and monitoring). */
  ingressFrom: 'anyone' | 'gateway';
  /** Where the Service listens. */
  servicePort: number;
  cpuRequest: string;
  /** Request = limit (memory is not compressible); V8's old space gets 3/4 of it, the rest is native memory. */
  memoryMi: number;
}

/** The restricted Pod Security Standard, with the image's numeric user. */
export const POD_SECURITY = {
  runAsNonRoot: true,
  runAsUser: RUN_AS_USER,
  runAsGroup: RUN_AS_USER,
  fsGroup: RUN_AS_USER,
  seccompProfile: { type: 'RuntimeDefault' },
};

export const CONTAINER_SECURITY = {
  runAsNonRoot: true,
  runAsUser: RUN_AS_USER,
  runAsGroup: RUN_AS_USER,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

export const TMP_VOLUME = { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } };
export const TMP_MOUNT = { name: 'tmp', mountPath: '/tmp' };

export const secretEnv = (name: string, key: string, optional?: boolean) => ({
  name,
  valueFrom: { secretKeyRef: { name: SECRETS_NAME, key, ...(optional ? { optional } : {}) } },
});

function container(spec: WorkloadSpec) {
  const probe = (path: string) => ({ httpGet: { path, port: 'http' }, timeoutSeconds: 3 });
  return {
    name: spec.name,
    image: imageOf(spec.name),
    ports: [{ name: 'http', containerPort: HTTP_PORT, protocol: 'TCP' }],
    envFrom: [{ configMapRef: { name: CONFIG_NAME } }],
    env: [
      // V8's heap below the memory limit, so that the process, not the kernel's OOM killer, reports the pressure.
      { name: 'NODE_OPTIONS', value: `--max-old-space-size=${(spec.memoryMi * 3) / 4}` },
      ...spec.env.map((entry) => ('value' in entry ? entry : secretEnv(entry.name, entry.secretKey, entry.optional))),
    ],
    // Start-up runs the migrations (under an advisory lock) before the port opens: up to 5 minutes.
    startupProbe: { ...probe('/healthz'), periodSeconds: 5, failureThreshold: 60 },
    readinessProbe: { ...probe('/readyz'), periodSeconds: 5, failureThreshold: 2 },
    livenessProbe: { ...probe('/healthz'), periodSeconds: 10, failureThreshold: 6 },
    // Endpoints are removed asynchronously: keep serving while kube-proxy and the gateway notice, then SIGTERM
    // drains in-flight requests and consumers (runService).
    lifecycle: { preStop: { sleep: { seconds: 10 } } },
    resources: { requests: { cpu: spec.cpuRequest, memory: `${spec.memoryMi}Mi` }, limits: { memory: `${spec.memoryMi}Mi` } },
    securityContext: CONTAINER_SECURITY,
    volumeMounts: [
      TMP_MOUNT,
      ...(spec.volumes ?? []).map(({ name, mountPath }) => ({ name, mountPath, readOnly: true })),
    ],
  };
}

function deployment(spec: WorkloadSpec): K8sObject {
  const labels = nameLabel(spec.name);
  const spread = (topologyKey: string) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: labels },
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: spec.name, labels },
    spec: {
      // No `replicas`: the HorizontalPodAutoscaler owns the count (an applied replicas would fight it).
      revisionHistoryLimit: 5,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: spec.name,
          automountServiceAccountToken: false,
          terminationGracePeriodSeconds: 45,
          securityContext: POD_SECURITY,
          topologySpreadConstraints: [spread('topology.kubernetes.io/zone'), spread('kubernetes.io/hostname')],
          containers: [container(spec)],
          volumes: [
            TMP_VOLUME,
            ...(spec.volumes ?? []).map(({ name, configMap }) => ({ name, configMap: { name: configMap } })),
          ],
        },
      },
    },
  };
}

function networkPolicy(spec: WorkloadSpec): K8sObject {
  const monitoring = {
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': MONITORING_NAMESPACE } },
  };
  const from = spec.ingressFrom === 'gateway' ? [{ podSelector: { matchLabels: nameLabel(GATEWAY) } }, monitoring] : [];
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: spec.name, labels: nameLabel(spec.name) },
    spec: {
      podSelector: { matchLabels: nameLabel(spec.name) },
      policyTypes: ['Ingress'],
      // An empty `from` admits every source: the gateway is the public entry (an ingress controller in front).
      ingress: [{ ...(from.length ? { from } : {}), ports: [{ port: 'http', protocol: 'TCP' }] }],
    },
  };
}

export function workloadObjects(spec: WorkloadSpec): K8sObject[] {
  const labels = nameLabel(spec.name);
  const metadata = { name: spec.name, labels };
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata, automountServiceAccountToken: false },
    deployment(spec),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata,
      spec: {
        selector: labels,
        ports: [{ name: 'http', port: spec.servicePort, targetPort: 'http', protocol: 'TCP' }],
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata,
      spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata,
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: spec.name },
        minReplicas: 2,
        maxReplicas: 6,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
        // Scale down slowly: consumer-group rebalances cost more than a few idle minutes.
        behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
      },
    },
    networkPolicy(spec),
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata,
      spec: {
        selector: { matchLabels: labels },
        podMetricsEndpoints: [{ port: 'http', path: '/metrics', interval: '30s' }],
      },
    },
  ];
}

export function subgraphWorkload(name: string, databaseUrlKey: string): WorkloadSpec {
  return {
    name,
    env: [
      { name: 'DATABASE_URL', secretKey: databaseUrlKey },
      { name: 'GATEWAY_SECRET', secretKey: 'GATEWAY_SECRET' },
      // Set only while the gateway secret is being rotated (docs/deploy.md).
      { name: 'GATEWAY_SECRET_PREVIOUS', secretKey: 'GATEWAY_SECRET_PREVIOUS', optional: true },
    ],
    ingressFrom: 'gateway',
    servicePort: HTTP_PORT,
    cpuRequest: '100m',
    memoryMi: 512,
  };
}

export function gatewayWorkload(): WorkloadSpec {
  return {
    name: GATEWAY,
    env: [
      { name: 'SUBGRAPHS_URL_TEMPLATE', value: `http://{name}:${HTTP_PORT}/graphql` },
      // The ConfigMap's file, re-read every 10 s: a new supergraph is served without a restart (docs/deploy.md).
      { name: 'SUPERGRAPH_PATH', value: `${SUPERGRAPH_MOUNT}/supergraph.graphql` },
      { name: 'SUPERGRAPH_POLL_MS', value: '10000' },
      { name: 'GATEWAY_SECRET', secretKey: 'GATEWAY_SECRET' },
      // Unused when the ConfigMap sets JWKS_URL (production verifies the identity provider's keys).
      { name: 'JWT_SECRET', secretKey: 'JWT_SECRET', optional: true },
    ],
    volumes: [{ name: 'supergraph', configMap: SUPERGRAPH_CONFIG_MAP, mountPath: SUPERGRAPH_MOUNT }],
    ingressFrom: 'anyone',
    servicePort: 80,
    cpuRequest: '200m',
    // docs/benchmarks.md: 501 MB peak under load when run through the TypeScript register hook.
    memoryMi: 768,
  };
}
