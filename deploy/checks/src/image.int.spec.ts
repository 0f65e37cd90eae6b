// The image's rules, read from deploy/docker/Dockerfile, and what the compiled code may require at run time. The
// image itself is built and smoke-started only where a Docker engine answers (CI runners with Docker); elsewhere
// the test says so in a SKIPPED line. compiled-entrypoints.int.spec.ts starts the same entrypoints without Docker.
import { execFileSync, spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { imageViolations, uncopiedBuildInputs } from './image-rules';
import { BUILD_DIST, ROOT } from './support/paths';

const DOCKERFILE = path.join(ROOT, 'deploy', 'docker', 'Dockerfile');
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('deploy/docker/Dockerfile', () => {
  it('is multi-stage, production dependencies only, numeric non-root user, tini as PID 1, no transpiler', () => {
    expect(imageViolations(fs.readFileSync(DOCKERFILE, 'utf8'))).toEqual([]);
  });

  it('copies into its build stage everything `npm run build:dist` reads', () => {
    const inputs = JSON.parse(execFileSync(process.execPath, [BUILD_DIST, '--inputs'], { encoding: 'utf8' })) as Record<string, string[]>;
    const needed = [...inputs.sources, ...inputs.assets, ...inputs.config, 'scripts/build-dist.mjs', 'package-lock.json', 'patches'];
    const dockerfile = fs.readFileSync(DOCKERFILE, 'utf8');
    expect(uncopiedBuildInputs(dockerfile, needed)).toEqual([]);
    expect(uncopiedBuildInputs(dockerfile.replace('COPY gateway ./gateway\n', ''), needed)).toEqual([
      'gateway/src',
      'gateway/supergraph.graphql',
    ]);
  });

  it('fails the rules when NODE_ENV=production precedes the install and the image runs TypeScript as root', () => {
    const broken = `FROM node:24 AS app
ENV NODE_ENV=production
COPY package.json ./
RUN npm install
CMD ["node", "-r", "./scripts/register.cjs", "gateway/src/main.ts"]`;
    expect(imageViolations(broken)).toEqual(['not a multi-stage build']);
    const twoStages = `FROM node:24 AS deps\nENV NODE_ENV=production\nRUN npm install\nFROM node:24 AS run\nUSER root\n${broken.split('\n').at(-1)}`;
    expect(imageViolations(twoStages)).toEqual(
      expect.arrayContaining([
        'the runtime stage needs a numeric non-root USER',
        'the runtime stage needs tini as ENTRYPOINT (PID 1)',
        'the runtime stage must not transpile at start-up',
        'node_modules must come from an `npm ci --omit=dev` stage',
        'stage deps: COPY patches before npm (postinstall patch-package)',
        'stage deps: NODE_ENV=production before the install drops the build tools',
      ]),
    );
  });
});

describe('the compiled code', () => {
  const dist = path.join(ROOT, 'tmp', `dist-requires-${process.pid}`);
  beforeAll(() => execFileSync(process.execPath, [BUILD_DIST, '--out', dist], { cwd: ROOT, stdio: 'pipe' }));
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

  it('requires only Node built-ins, its own files and production dependencies', () => {
    const external = new Set<string>();
    for (const file of fs.readdirSync(dist, { recursive: true }).map(String).filter((f) => f.endsWith('.js'))) {
      for (const [, specifier] of fs.readFileSync(path.join(dist, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)) {
        if (specifier.startsWith('.')) {
          const target = path.resolve(path.dirname(path.join(dist, file)), specifier);
          const found = ['', '.js', '/index.js', '.json'].some((suffix) => fs.existsSync(target + suffix));
          if (!found) external.add(`${file} → missing ${specifier}`);
          continue;
        }
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        if (!builtinModules.includes(name.replace(/^node:/, ''))) external.add(name);
      }
    }
    const notProduction = [...external].filter((name) => !(name in packageJson.dependencies));
    expect(notProduction).toEqual([]);
    expect(external.size).toBeGreaterThan(5);
  });
});

const dockerEngine = spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
if (!dockerEngine) {
  console.warn('SKIPPED: docker build and run of deploy/docker/Dockerfile — no Docker engine answers `docker info` here');
}

(dockerEngine ? describe : describe.skip)('the image (Docker engine present)', () => {
  const tag = `opsgraph-ticket:check-${process.pid}`;
  afterAll(() => spawnSync('docker', ['rmi', '-f', tag], { stdio: 'ignore' }));

  it('builds per service and, read-only and without secrets, refuses to start in production', () => {
    execFileSync('docker', ['build', '-f', DOCKERFILE, '--build-arg', 'SERVICE=ticket', '-t', tag, ROOT], {
      stdio: 'pipe',
      timeout: 1_500_000,
    });
    const run = spawnSync('docker', ['run', '--rm', '--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', tag], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/GATEWAY_SECRET must be set in production/);
  });
});
