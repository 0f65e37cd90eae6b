// Which files are "pure rule modules" and which unit specs exercise each one. Shared by the full and the
// incremental mutation run (scripts/mutation.mjs) so both mutate exactly the same set.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const RULE_FILE = [
  /^services\/[^/]+\/src\/.+\.rules\.ts$/,
  /^services\/ticket\/src\/.+\/sla-clock\.ts$/,
  /^services\/[^/]+\/src\/.+\/ticket\.lifecycle\.ts$/,
  /^services\/[^/]+\/src\/.+\/kpi\.math\.ts$/,
  /^libs\/platform\/personal-data\/src\/masking\.ts$/,
  // Quantile sketches (the KPI percentiles): pure maths the KPI figures rest on, whatever the file is called.
  /^services\/[^/]+\/src\/(?:.+\/)?sketch\/[^/]+\.ts$/,
  // Who sees what (docs/product.md §9: least privilege, masking, NOT_FOUND for other customers' records) and the
  // KPI periods: pure rules named for their subject rather than `.rules`.
  /^services\/[^/]+\/src\/.+\.access\.ts$/,
  /^services\/[^/]+\/src\/.+\.period\.ts$/,
];

function walk(root, dir, out = []) {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return out;
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) walk(root, rel, out);
    else out.push(rel);
  }
  return out;
}

/** The project folder a file belongs to: `services/<name>` or `libs/<group>/<name>`. */
export function projectOf(file) {
  const parts = file.split('/');
  return parts[0] === 'services' ? parts.slice(0, 2).join('/') : parts.slice(0, 3).join('/');
}

/** Every rule module under `root`, each with the unit specs of its project that import it. */
export function discoverModules(root) {
  const files = [...walk(root, 'services'), ...walk(root, 'libs')].sort();
  const specs = files.filter((file) => file.endsWith('.unit.spec.ts'));
  return files
    .filter((file) => RULE_FILE.some((pattern) => pattern.test(file)) && !file.endsWith('.spec.ts'))
    .map((file) => {
      const project = projectOf(file);
      const base = path.basename(file, '.ts').replace(/[.]/g, '\\.');
      const imports = new RegExp(`from ['"][^'"]*/${base}['"]`);
      const moduleSpecs = specs.filter(
        (spec) => projectOf(spec) === project && imports.test(fs.readFileSync(path.join(root, spec), 'utf8')),
      );
      return { file, project, specs: moduleSpecs };
    });
}

/** Hash of a module and the specs that test it: a change to either means its recorded score is stale. */
export function fingerprint(root, module) {
  const hash = crypto.createHash('sha256');
  for (const file of [module.file, ...module.specs]) {
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}
