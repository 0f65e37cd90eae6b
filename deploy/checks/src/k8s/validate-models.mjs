// `node validate-models.mjs < objects.json`: kubernetes-models' validate() (the Kubernetes OpenAPI schemas compiled
// with ajv: types, required fields, enums, formats) for every object on stdin; prints `[{ id, errors }]`.
// A child process because the packages are ES modules only, which Jest's CommonJS runtime cannot load.
const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => (text += chunk));
  process.stdin.on('end', () => resolve(text));
}));

const CRD_MODULES = {
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator/monitoring.coreos.com',
  'external-secrets.io': '@kubernetes-models/external-secrets/external-secrets.io',
};

/** The model class of apiVersion/kind, as strict-types.ts's typeOf names its module. */
async function modelOf({ apiVersion, kind }) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const base = CRD_MODULES[group] ?? (group ? `kubernetes-models/${group}` : 'kubernetes-models');
  const models = await import(`${base}/${version}`).catch(() => undefined);
  return models?.[kind];
}

const results = [];
for (const object of input) {
  const id = `${object.kind}/${object.metadata?.name}`;
  if (object.apiVersion === 'kafka.strimzi.io/v1beta2') continue; // No models package: strict-types.ts checks it.
  const Model = await modelOf(object);
  if (!Model) {
    results.push({ id, errors: [`no model for ${object.apiVersion} ${object.kind}`] });
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    results.push({ id, errors: [error.message] });
  }
}
process.stdout.write(JSON.stringify(results));
