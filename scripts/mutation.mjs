// Mutation testing of the pure rule modules (StrykerJS + Jest, unit specs only, no servers). See docs/quality.md.
//   node scripts/mutation.mjs                 every module; fails if one scores below the floor
//   node scripts/mutation.mjs --changed       only modules whose file or specs changed since the recorded baseline
//   node scripts/mutation.mjs --only sla-clock   modules whose path contains the text (repeatable; for iterating)
//   --record                                  write the scores into the baseline (docs/quality/mutation-baseline.json),
//                                             after each module, so a stopped run keeps what it measured
//   --summary                                 print the recorded scores as Markdown (docs/quality.md)
//   --no-typecheck                            skip the TypeScript checker (faster; type-invalid mutants then run)
//   --root <dir> --baseline <file>            run on another tree (the checker's own test uses a fixture)
// Score = (killed + timeout) / (killed + timeout + survived + no coverage): mutants the TypeScript checker rejects
// (compile errors) and runtime errors do not count, as in Stryker's own "mutation score based on valid mutants".
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrap } from './lib/bootstrap.mjs';
import { discoverModules, fingerprint } from './mutation/modules.mjs';

await bootstrap({ announce: false });

const FLOOR = 90;
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const values = (name) => args.flatMap((arg, i) => (arg === name && args[i + 1] ? [args[i + 1]] : []));
const workspace = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(values('--root')[0] ?? workspace);
const baselinePath = path.resolve(root, values('--baseline')[0] ?? 'docs/quality/mutation-baseline.json');
const typeCheck = !flag('--no-typecheck') && fs.existsSync(path.join(root, 'tsconfig.base.json'));

const baseline = fs.existsSync(baselinePath)
  ? JSON.parse(fs.readFileSync(baselinePath, 'utf8'))
  : { floor: FLOOR, modules: {} };
if (flag('--summary')) {
  // The recorded scores as the Markdown table of docs/quality.md.
  console.log('| module | score | killed | survived | timeout | no coverage | type errors |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [file, m] of Object.entries(baseline.modules)) {
    if (m.score === null) {
      console.log(`| \`${file}\` | not measured yet | | | | | |`);
      continue;
    }
    const score = m.score < FLOOR ? `**${m.score.toFixed(1)}**` : m.score.toFixed(1);
    console.log(
      `| \`${file}\` | ${score} | ${m.killed} | ${m.survived} | ${m.timeout} | ${m.noCoverage} | ${m.typeChecked ? m.compileErrors : '–'} |`,
    );
  }
  process.exit(0);
}
// The scores recorded before this run: the ratchet's limits (--record rewrites the baseline as modules finish).
const recordedScores = new Map(
  Object.entries(baseline.modules).map(([file, m]) => [file, m.score ?? undefined]),
);
let modules = discoverModules(root).map((module) => ({ ...module, hash: fingerprint(root, module) }));
const only = values('--only');
if (only.length > 0) modules = modules.filter((module) => only.some((text) => module.file.includes(text)));
// Changed: the module or one of its specs differs from what the baseline recorded (or it is not recorded yet).
if (flag('--changed'))
  modules = modules.filter((module) => baseline.modules[module.file]?.hash !== module.hash);
if (modules.length === 0) {
  console.log('mutation: no rule module changed since the recorded baseline');
  process.exit(0);
}

const { Stryker } = await import('@stryker-mutator/core');
const started = Date.now();
const rows = [];
process.chdir(root);
// One Stryker run per module, with only the specs that import it: a static mutant (a module-level table or
// constant) then re-runs a few specs, not the whole project's. The type checker checks just the module's program.
const checkerConfig = 'tsconfig.mutation.json';
for (const module of modules) {
  if (module.specs.length === 0) {
    rows.push({
      module,
      killed: 0,
      timeout: 0,
      survived: 0,
      noCoverage: 0,
      compileErrors: 0,
      score: 0,
      survivors: [`${module.file}: no unit spec imports this module`],
    });
    continue;
  }
  process.env.OPSGRAPH_MUTATION_SPECS = module.specs.join(',');
  if (typeCheck) {
    fs.writeFileSync(
      checkerConfig,
      `${JSON.stringify({ extends: './tsconfig.base.json', compilerOptions: { noEmit: true }, files: [module.file] })}\n`,
    );
  }
  const moduleStarted = Date.now();
  const results = await new Stryker({
    mutate: [module.file],
    testRunner: 'jest',
    jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: false },
    checkers: typeCheck ? ['typescript'] : [],
    tsconfigFile: checkerConfig,
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    coverageAnalysis: 'perTest',
    concurrency: Number(process.env.OPSGRAPH_MUTATION_CONCURRENCY ?? 2),
    reporters: ['json'],
    jsonReporter: { fileName: `tmp/mutation/${module.file.replaceAll('/', '-').replace(/\.ts$/, '')}.json` },
    logLevel: 'error',
    fileLogLevel: 'off',
    warnings: { slow: false },
    tempDirName: process.env.OPSGRAPH_MUTATION_TMP ?? 'tmp/stryker',
    ignorePatterns: ['dist', 'tmp', 'coverage', 'reports', 'deploy', 'e2e', 'docs', '.nx', '.local', '.ci'],
    cleanTempDir: 'always',
    // The sandbox lives under tmp/ in the repository, so Node finds the root node_modules by walking up; Stryker's
    // own symlinking would first walk the whole tree, including the live Kafka data under .local (racy, slow).
    symlinkNodeModules: false,
    plugins: ['@stryker-mutator/jest-runner', ...(typeCheck ? ['@stryker-mutator/typescript-checker'] : [])],
  }).runMutationTest();
  const count = (...statuses) => results.filter((result) => statuses.includes(result.status)).length;
  const row = {
    module,
    killed: count('Killed'),
    timeout: count('Timeout'),
    survived: count('Survived'),
    noCoverage: count('NoCoverage'),
    compileErrors: count('CompileError'),
    survivors: results
      .filter((result) => result.status === 'Survived' || result.status === 'NoCoverage')
      .map(
        (result) =>
          `${module.file}:${result.location.start.line} ${result.status} ${result.mutatorName}: ${(result.replacement ?? '').replace(/\s+/g, ' ').slice(0, 90)}`,
      ),
  };
  const valid = row.killed + row.timeout + row.survived + row.noCoverage;
  row.score = valid === 0 ? 100 : Math.floor(((row.killed + row.timeout) / valid) * 1000) / 10;
  rows.push(row);
  if (flag('--record')) record([row]);
  console.log(
    `mutation: ${module.file} ${row.score.toFixed(1)}% (${Math.round((Date.now() - moduleStarted) / 1000)}s)`,
  );
}
if (typeCheck) fs.rmSync(checkerConfig, { force: true });

// The full run holds every module to the floor. The incremental run fails a changed module that drops below the
// floor; a module recorded below it (not yet brought up) must at least not fall further (a ratchet).
const limitOf = (row) =>
  flag('--changed') ? Math.min(FLOOR, recordedScores.get(row.module.file) ?? FLOOR) : FLOOR;
const below = rows.filter((row) => row.score < limitOf(row));
console.log(`\n${'module'.padEnd(72)} score  killed surv  tmo  nocov  tsc`);
for (const row of rows.sort((a, b) => a.module.file.localeCompare(b.module.file))) {
  console.log(
    `${row.module.file.padEnd(72)} ${row.score.toFixed(1).padStart(5)} ${String(row.killed).padStart(6)} ${String(row.survived).padStart(4)} ${String(row.timeout).padStart(4)} ${String(row.noCoverage).padStart(6)} ${String(row.compileErrors).padStart(4)}${row.score < limitOf(row) ? '  < floor' : row.score < FLOOR ? '  (below the floor, not below its recorded score)' : ''}`,
  );
}
if (flag('--survivors') || below.length > 0) {
  for (const row of flag('--survivors') ? rows : below)
    for (const line of row.survivors) console.log(`  ${line}`);
}
console.log(
  `\nmutation: ${rows.length} modules in ${Math.round((Date.now() - started) / 1000)}s, floor ${FLOOR}%: ${below.length === 0 ? 'all at or above' : `${below.length} below`}`,
);

if (flag('--record')) {
  record(rows);
  console.log(`mutation: recorded ${rows.length} modules in ${path.relative(root, baselinePath)}`);
}
process.exit(below.length === 0 ? 0 : 1);

/** Writes the rows' figures into the baseline; with --record it runs after every module, so a long run that is
 * stopped keeps what it measured. */
function record(measured) {
  for (const row of measured) {
    const { module, survivors: _survivors, ...figures } = row;
    baseline.modules[module.file] = {
      hash: module.hash,
      specs: module.specs,
      typeChecked: typeCheck,
      ...figures,
    };
  }
  const present = new Set(discoverModules(root).map((module) => module.file));
  for (const file of Object.keys(baseline.modules)) if (!present.has(file)) delete baseline.modules[file];
  baseline.floor = FLOOR;
  baseline.modules = Object.fromEntries(
    Object.entries(baseline.modules).sort(([a], [b]) => a.localeCompare(b)),
  );
  fs.mkdirSync(path.dirname(baselinePath), { recursive: true });
  fs.writeFileSync(baselinePath, `${JSON.stringify(baseline, null, 2)}\n`);
}
