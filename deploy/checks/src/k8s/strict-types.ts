// Strict schema check: every object becomes an object literal typed with its kind's interface from
// kubernetes-models (generated from the Kubernetes OpenAPI; the Prometheus-operator and External Secrets CRDs from
// their @kubernetes-models packages; Strimzi's KafkaTopic from ./strimzi.d.ts), and the TypeScript compiler reports
// unknown fields (excess-property checks), wrong types and missing required fields. kubernetes-models' own
// `validate()` (validate-models.mjs) lets unknown fields through; this closes that gap, like kubeconform -strict.
import path from 'node:path';
import ts from 'typescript';
import { idOf, type ManifestObject } from './manifest-object';

const CRD_MODULES: Record<string, string> = {
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator/monitoring.coreos.com',
  'external-secrets.io': '@kubernetes-models/external-secrets/external-secrets.io',
};

/** The module and interface that type `apiVersion`/`kind`, e.g. `kubernetes-models/apps/v1/Deployment`. */
export function typeOf({ apiVersion, kind }: Pick<ManifestObject, 'apiVersion' | 'kind'>): { module: string; name: string } {
  if (apiVersion === 'kafka.strimzi.io/v1beta2' && kind === 'KafkaTopic') return { module: './strimzi', name: 'IKafkaTopic' };
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const base = CRD_MODULES[group] ?? (group ? `kubernetes-models/${group}` : 'kubernetes-models');
  return { module: `${base}/${version}/${kind}`, name: `I${kind}` };
}

/** `Kind/name: message` for every object that does not type-check against its schema. */
export function strictSchemaErrors(objects: readonly ManifestObject[]): string[] {
  const file = path.join(__dirname, '__rendered-manifests__.ts');
  const imports: string[] = [];
  const lines: string[] = [];
  const objectOfLine: number[] = [];
  objects.forEach((object, index) => {
    const { module, name } = typeOf(object);
    imports.push(`import type { ${name} as T${index} } from '${module}';`);
    const literal = JSON.stringify(object, null, 1).split('\n');
    literal[0] = `export const o${index}: T${index} = ${literal[0]}`;
    for (const line of literal) {
      lines.push(line);
      objectOfLine.push(index);
    }
  });
  const source = [...imports, ...lines].join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) =>
    name === file ? ts.createSourceFile(name, source, language) : getSourceFile(name, language);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (!diagnostic.file || diagnostic.file.fileName !== file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const importLine = line < imports.length;
    const object = objects[importLine ? line : objectOfLine[line - imports.length]];
    const text = importLine ? `no schema for ${object.apiVersion} ${object.kind}` : message;
    return `${idOf(object)}: ${text}${importLine ? '' : ` (at: ${source.split('\n')[line].trim()})`}`;
  });
}
