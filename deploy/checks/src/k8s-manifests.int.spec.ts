// Issue #20's acceptance for deploy/k8s: every overlay renders; every object passes the Kubernetes schemas strictly
// (unknown fields, types, required fields, enums); the policy holds; a deliberately broken manifest fails both.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { idOf, type ManifestObject } from './k8s/manifest-object';
import { policyViolations } from './k8s/policy';
import {
  findKustomize,
  OVERLAYS,
  renderWithKustomize,
  renderWithoutKustomize,
  workingCopy,
  type Overlay,
} from './k8s/render';
import { strictSchemaErrors } from './k8s/strict-types';

const kustomize = findKustomize();
if (!kustomize) {
  console.warn(
    'SKIPPED: kustomize rendering of deploy/k8s/overlays/{local,production} — neither `kustomize` nor `kubectl kustomize` ' +
      'is installed; checked instead: resources, components, images, namespace and ConfigMap generators as this suite ' +
      'renders them, WITHOUT the overlays\' patches and secretGenerator',
  );
}

/**
 * kustomize wraps a Secret's long base64 values over several lines, which the API server's decoder (Go's base64)
 * ignores and the validator's `byte` format does not: join them as the server does.
 */
const asServerDecodes = (object: ManifestObject): ManifestObject =>
  object.kind === 'Secret' && object.data
    ? {
        ...object,
        data: Object.fromEntries(Object.entries(object.data as Record<string, string>).map(([k, v]) => [k, v.replace(/\s/g, '')])),
      }
    : object;

/** kubernetes-models' validate() in a child process (ES modules only): `Kind/name: message`. */
function modelErrors(objects: readonly ManifestObject[]): string[] {
  const output = execFileSync(process.execPath, [path.join(__dirname, 'k8s', 'validate-models.mjs')], {
    input: JSON.stringify(objects.map(asServerDecodes)),
    encoding: 'utf8',
  });
  return (JSON.parse(output) as { id: string; errors: string[] }[]).flatMap(({ id, errors }) =>
    errors.map((error) => `${id}: ${error}`),
  );
}

const rendered = new Map<Overlay, ManifestObject[]>();
let copy: ReturnType<typeof workingCopy>;

beforeAll(() => {
  copy = workingCopy();
  for (const overlay of OVERLAYS) {
    const dir = path.join(copy.dir, 'overlays', overlay);
    rendered.set(overlay, kustomize ? renderWithKustomize(kustomize, dir) : renderWithoutKustomize(dir));
  }
});
afterAll(() => copy?.remove());

const objectsOf = (overlay: Overlay) => rendered.get(overlay) ?? [];

describe.each(OVERLAYS)('deploy/k8s/overlays/%s', (overlay) => {
  it('renders the workloads of every deployable', () => {
    const kinds = new Set(objectsOf(overlay).map(({ kind }) => kind));
    for (const kind of ['Deployment', 'Service', 'ServiceAccount', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'NetworkPolicy', 'PodMonitor']) {
      expect(kinds).toContain(kind);
    }
  });

  it('passes the Kubernetes schemas strictly', () => {
    const objects = objectsOf(overlay);
    expect(strictSchemaErrors(objects)).toEqual([]);
    expect(modelErrors(objects)).toEqual([]);
  });

  it('passes the deployment policy', () => {
    expect(policyViolations(objectsOf(overlay))).toEqual([]);
  });
});

describe('the production overlay', () => {
  it('holds no Secret: the ExternalSecret brings opsgraph-secrets from the secret store', () => {
    const objects = objectsOf('production');
    expect(objects.filter(({ kind }) => kind === 'Secret').map(idOf)).toEqual([]);
    expect(objects.filter(({ kind }) => kind === 'ExternalSecret').map(idOf)).toEqual(['ExternalSecret/opsgraph-secrets']);
  });

  (kustomize ? it : it.skip)('points the services at the production Kafka and the identity provider\'s JWKS', () => {
    const config = objectsOf('production').find(({ kind, metadata }) => kind === 'ConfigMap' && metadata.name === 'opsgraph-config');
    expect(config?.data).toMatchObject({ JWKS_URL: expect.stringMatching(/^https:\/\//), KAFKA_TOPIC_NAMESPACE: '' });
  });
});

(kustomize ? it : it.skip)('renders the same production objects without kustomize (the fallback where none is installed)', () => {
  const ids = (objects: ManifestObject[]) => objects.map(idOf).sort();
  expect(ids(renderWithoutKustomize(path.join(copy.dir, 'overlays', 'production')))).toEqual(ids(objectsOf('production')));
});

describe('a deliberately broken manifest (test of the test)', () => {
  const deployment = (objects: ManifestObject[], name: string) =>
    objects.find(({ kind, metadata }) => kind === 'Deployment' && metadata.name === name) as ManifestObject & {
      spec: { replica?: number; template: { spec: { containers: Record<string, unknown>[] } } };
    };

  function broken(): ManifestObject[] {
    const objects = structuredClone(objectsOf('production'));
    const container = deployment(objects, 'ticket').spec.template.spec.containers[0];
    delete container.readinessProbe;
    container.securityContext = { ...(container.securityContext as object), readOnlyRootFilesystem: false, runAsUser: 0 };
    container.env = [...(container.env as object[]), { name: 'GATEWAY_SECRET_FALLBACK', value: 'change-me' }];
    container.ports = [{ name: 'http', containerPort: '4000' }];
    deployment(objects, 'customer').spec.template.spec.containers[0].image = 'registry.example.com/opsgraph/opsgraph-ticket:0.1.0';
    objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'leaked' }, stringData: { JWT_SECRET: 'change-me' } });
    return objects.filter(({ kind, metadata }) => !(kind === 'PodDisruptionBudget' && metadata.name === 'incident'));
  }

  it('fails the strict schema check on a wrong type (the first error of each object is reported)', () => {
    expect(strictSchemaErrors(broken())).toEqual([
      expect.stringMatching(/^Deployment\/ticket: Type 'string' is not assignable to type 'number'.*containerPort/),
    ]);
    expect(modelErrors(broken())).toEqual([expect.stringMatching(/^Deployment\/ticket: .*containerPort must be integer/)]);
  });

  it('fails the strict schema check on an unknown field, which kubernetes-models\' validate() lets through', () => {
    const objects = structuredClone(objectsOf('production'));
    deployment(objects, 'ticket').spec.replica = 3;
    expect(strictSchemaErrors(objects)).toEqual([expect.stringMatching(/^Deployment\/ticket: Object literal may only specify known properties, and '"replica"' does not exist/)]);
    expect(modelErrors(objects)).toEqual([]);
  });

  it('fails the policy on every broken rule', () => {
    expect(policyViolations(broken())).toEqual(
      expect.arrayContaining([
        'Deployment/ticket: readinessProbe must GET /readyz',
        'Deployment/ticket container ticket: readOnlyRootFilesystem must be true',
        'Deployment/ticket container ticket: needs a numeric non-root runAsUser',
        'Deployment/ticket container ticket: GATEWAY_SECRET_FALLBACK is a plain value, not a secretKeyRef',
        'Deployment/incident: needs a PodDisruptionBudget',
        'Secret/leaked: a committed Secret (use the secretGenerator or an ExternalSecret)',
        'one image per service: registry.example.com/opsgraph/opsgraph-ticket is shared',
      ]),
    );
  });

  it('fails on a kind that has no schema', () => {
    expect(strictSchemaErrors([{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }])).toEqual([
      'Widget/w: no schema for example.com/v1 Widget',
    ]);
  });
});

