// `npm run build:dist [-- --out <dir>]` (`--inputs`: the paths it reads, as JSON): the TypeScript of every deployable (services/*, gateway, the libs they use and
// the local infra CLI) compiled ahead of time into dist/app with swc — the compiler `scripts/register.cjs` runs in
// development, with the same decorator metadata that type-graphql and TypeORM read — so that an image runs
// `node dist/app/services/<name>/src/main.js` with no transpiler and no dev dependency. Path aliases of
// tsconfig.base.json become relative requires; the files read at run time (services/manifest.json, the supergraph)
// are copied beside the code, where `__dirname`-relative paths expect them.
import { transformFile } from '@swc/core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['libs', 'services', 'gateway/src', 'deploy/local/src'];
const ASSETS = ['services/manifest.json', 'gateway/supergraph.graphql', 'package.json'];
// Tests, and the development tools that only run in the repository: composing the supergraph and checking the public
// schema (gateway/src/compose.ts, public-schema/), the typed example clients (libs/clients).
const SKIPPED =
  /(\.spec\.ts|\.d\.ts)$|[/\\](test-support|test-fixtures|testing|asyncapi|public-schema|clients)[/\\]|gateway[/\\]src[/\\]compose\.ts$/;

function sourcesUnder(dir) {
  const absolute = path.join(root, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !SKIPPED.test(file));
}

export async function buildDist(outDir = path.join(root, 'dist', 'app')) {
  const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
  const files = SOURCE_DIRS.flatMap(sourcesUnder);
  fs.rmSync(outDir, { recursive: true, force: true });
  for (const file of files) {
    const { code } = await transformFile(path.join(root, file), {
      swcrc: false,
      sourceMaps: false,
      module: { type: 'commonjs' },
      jsc: {
        target: tsconfig.target.toLowerCase(),
        baseUrl: root,
        paths: tsconfig.paths,
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: tsconfig.experimentalDecorators, decoratorMetadata: tsconfig.emitDecoratorMetadata },
        keepClassNames: true,
      },
    });
    const target = path.join(outDir, file.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, code);
  }
  for (const asset of ASSETS) {
    fs.mkdirSync(path.dirname(path.join(outDir, asset)), { recursive: true });
    fs.copyFileSync(path.join(root, asset), path.join(outDir, asset));
  }
  return { outDir, files: files.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--inputs')) {
  // What the build reads, for the Dockerfile's test (its build stage must COPY all of it).
  console.log(JSON.stringify({ sources: SOURCE_DIRS, assets: ASSETS, config: ['tsconfig.base.json'] }));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outIndex = process.argv.indexOf('--out');
  const started = Date.now();
  const { outDir, files } = await buildDist(outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : undefined);
  console.log(`compiled ${files} files into ${path.relative(process.cwd(), outDir) || '.'} in ${Date.now() - started} ms`);
}
