/** The labels every object of a deployable carries; the selector uses the name alone so that it never changes. */
export const nameLabel = (name: string) => ({ 'app.kubernetes.io/name': name });

export const GATEWAY = 'gateway';
export const HTTP_PORT = 4000;
/** The image's numeric user (deploy/docker/Dockerfile `USER 10001:10001`). */
export const RUN_AS_USER = 10001;
/** The namespace the cluster's Prometheus runs in; NetworkPolicies admit it to /metrics. */
export const MONITORING_NAMESPACE = 'monitoring';
export const SECRETS_NAME = 'opsgraph-secrets';
export const CONFIG_NAME = 'opsgraph-config';
export const SUPERGRAPH_CONFIG_MAP = 'opsgraph-supergraph';
export const SUPERGRAPH_MOUNT = '/etc/opsgraph/supergraph';

/** `hr-performance` → `HR_PERFORMANCE_DATABASE_URL`, the service's key in the opsgraph-secrets Secret. */
export const databaseUrlKey = (name: string): string => `${name.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`;

/** Image name of a deployable; overlays (and the release pipeline) set registry and tag per service. */
export const imageOf = (name: string): string => `opsgraph-${name}`;
