// The incremental mutation check of `npm test` (scripts/mutation.mjs --changed) on a throw-away workspace: a rule
// module scores above the floor with a good spec, is skipped once recorded, and fails the check when its spec is
// weakened. Runs StrykerJS for real (unit specs only, no servers), so it takes a little while.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const workspace = path.resolve(__dirname, '../../../..');
const RULE = 'services/demo/src/pricing/discount.rules.ts';
const SPEC = 'services/demo/src/pricing/discount.rules.unit.spec.ts';
const BASELINE = 'quality/mutation-baseline.json';

const rule = `export const LOYAL_AFTER_YEARS = 3;

/** Percent off: 10 for loyal customers (3 years or more), 5 for orders of 100 or more, the larger one applies. */
export function discountPercent(yearsAsCustomer: number, orderTotal: number): number {
  const loyalty = yearsAsCustomer >= LOYAL_AFTER_YEARS ? 10 : 0;
  const volume = orderTotal >= 100 ? 5 : 0;
  return Math.max(loyalty, volume);
}
`;

const strongSpec = `import { discountPercent } from './discount.rules';

describe('discountPercent', () => {
  it('gives loyal customers 10% from their third year', () => {
    expect(discountPercent(3, 10)).toBe(10);
    expect(discountPercent(2, 10)).toBe(0);
  });
  it('gives 5% from an order of 100', () => {
    expect(discountPercent(0, 100)).toBe(5);
    expect(discountPercent(0, 99)).toBe(0);
  });
  it('applies the larger discount, not both', () => {
    expect(discountPercent(5, 500)).toBe(10);
  });
});
`;

// The same spec with the boundaries and the "larger one" rule no longer checked.
const weakenedSpec = `import { discountPercent } from './discount.rules';

describe('discountPercent', () => {
  it('gives some discount', () => {
    expect(discountPercent(10, 10)).toBeGreaterThan(0);
  });
});
`;

function run(root: string) {
  const result = spawnSync(
    process.execPath,
    [
      path.join(workspace, 'scripts/mutation.mjs'),
      '--changed',
      '--record',
      '--no-typecheck',
      '--root',
      root,
      '--baseline',
      BASELINE,
    ],
    {
      cwd: workspace,
      encoding: 'utf8',
      env: { ...process.env, OPSGRAPH_MUTATION_CONCURRENCY: '1', FORCE_COLOR: '0' },
    },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('incremental mutation check', () => {
  let root: string;

  beforeAll(() => {
    fs.mkdirSync(path.join(workspace, 'tmp'), { recursive: true });
    root = fs.mkdtempSync(path.join(workspace, 'tmp', 'mutation-fixture-'));
    // What the workspace's mutation Jest config needs next to it.
    for (const file of [
      'jest.mutation.config.js',
      'jest.preset.js',
      'tsconfig.base.json',
      'libs/testing/src/jest/setup-reflect.js',
    ]) {
      fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
      fs.copyFileSync(path.join(workspace, file), path.join(root, file));
    }
    fs.mkdirSync(path.join(root, path.dirname(RULE)), { recursive: true });
    fs.writeFileSync(path.join(root, RULE), rule);
    fs.writeFileSync(path.join(root, SPEC), strongSpec);
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('records a module above the floor, skips it while unchanged, and fails once its spec is weakened', () => {
    const first = run(root);
    expect(first.output).toContain(RULE);
    expect(first.status).toBe(0);
    const recorded = JSON.parse(fs.readFileSync(path.join(root, BASELINE), 'utf8'));
    expect(recorded.modules[RULE].score).toBeGreaterThanOrEqual(90);
    expect(recorded.modules[RULE].specs).toEqual([SPEC]);

    const unchanged = run(root);
    expect(unchanged.status).toBe(0);
    expect(unchanged.output).toContain('no rule module changed');

    fs.writeFileSync(path.join(root, SPEC), weakenedSpec);
    const weakened = run(root);
    expect(weakened.status).toBe(1);
    expect(weakened.output).toMatch(/discount\.rules\.ts\s+\d+\.\d\s.*< floor/);
    expect(weakened.output).toContain('1 below');
  }, 300_000);
});
