// The baseline of the gateway part: the repository at a pinned commit, whose subgraphs and gateway run beside today's
// in the same runs (cases (a0) and (c0)), so that "≥ 2× the baseline" is judged side by side on the same CPU, not
// against figures recorded on another day (this machine's speed varies ±2× between days).
//
// Prepared once into .local/bench/baseline-<rev>: `git archive <rev> | tar -x` (the checkout's git state stays
// untouched), then `npm ci` there (its lockfile is not today's, so it gets its own node_modules), then a marker file.
// Its processes run its own TypeScript through its own scripts/register.cjs, with SWC_NODE_PROJECT set to its own
// tsconfig.base.json (register.cjs only sets it when unset, and the bench process has today's).
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT, type SourceTree } from '../lib/child';
import { TICKET_OPENED_AT, type ServiceDatabases } from '../scale/bulk-load';

/**
 * The default baseline: d26a82c, the first full bench run on Node 24 (2026-12-02), whose figures issue 19's "≥ 2× RPS
 * per core" was stated against (684 req/s per core for (a), 5.07 subgraph CPU-s per 1k requests for (c)).
 */
export const BASELINE_REV = 'd26a82c';

/** `--baseline=none`: no baseline cases. */
export const NO_BASELINE = 'none';

/** A prepared baseline tree, or why there is none. */
export type BaselineTree =
  | {
      measured: true;
      /** As given (`d26a82c`), for labels. */
      rev: string;
      commit: string;
      /** .local/bench/baseline-<rev>, with its own register hook and SWC_NODE_PROJECT. */
      tree: SourceTree;
    }
  | { measured: false; rev: string; reason: string };

const MARKER = '.bench-baseline-prepared';
const LOADER = '.bench-baseline-load.cjs';
const BULK_LOAD = path.join('e2e', 'bench', 'src', 'scale', 'bulk-load.ts');
/** Beside it: the baseline's bulk loader with today's ticket opening times (see bulkLoadModule). */
const ALIGNED_BULK_LOAD = path.join('e2e', 'bench', 'src', 'scale', 'bulk-load.bench-aligned.ts');

// Runs the baseline's own bulk loader (its schemas may differ from today's) in a child process of that tree.
const LOADER_SOURCE = `// Written by e2e/bench (gateway/baseline.ts): loads this tree's bench data with this tree's own bulk loader.
//   BENCH_BULK_LOAD=<its bulk-load.ts> BENCH_DATABASES='{"ticket":…,"customer":…,"hrPerformance":…}' \\
//   BENCH_TICKETS=5000 node -r ./scripts/register.cjs ${LOADER}
const { loadOrganisation, loadTickets } = require(process.env.BENCH_BULK_LOAD);

async function main() {
  const databases = JSON.parse(process.env.BENCH_DATABASES);
  await loadOrganisation(databases);
  await loadTickets(databases, 0, Number(process.env.BENCH_TICKETS));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
`;

const run = promisify(execFile);

function resolveCommit(rev: string): string | { reason: string } {
  try {
    return execFileSync('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      reason: missing
        ? 'git is not installed'
        : `${rev} is not a commit of this checkout (git rev-parse failed; a shallow clone?)`,
    };
  }
}

/**
 * The baseline tree for `rev`, prepared into .local/bench/baseline-<rev> on first use (git archive + npm ci, a few
 * minutes) and reused afterwards; `{ measured: false }` when git or the rev is missing or the preparation fails.
 */
export function prepareBaseline(rev: string, log: (line: string) => void): BaselineTree {
  const commit = resolveCommit(rev);
  if (typeof commit !== 'string') {
    log(`baseline ${rev}: not measured, ${commit.reason}`);
    return { measured: false, rev, reason: commit.reason };
  }
  const dir = path.join(ROOT, '.local', 'bench', `baseline-${rev}`);
  const marker = path.join(dir, MARKER);
  const prepared = fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === commit;
  try {
    if (prepared) {
      log(`baseline ${rev}: reusing ${path.relative(ROOT, dir)}`);
    } else {
      log(
        `baseline ${rev}: extracting ${commit.slice(0, 12)} into ${path.relative(ROOT, dir)} (git archive)…`,
      );
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      execFileSync(
        'bash',
        ['-o', 'pipefail', '-c', 'git archive "$1" | tar -x -C "$2"', 'bash', commit, dir],
        {
          cwd: ROOT,
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      log(
        `baseline ${rev}: npm ci in ${path.relative(ROOT, dir)} (its own lockfile; first run only, a few minutes)…`,
      );
      const began = Date.now();
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      log(`baseline ${rev}: npm ci done in ${Math.round((Date.now() - began) / 1000)} s`);
    }
    fs.writeFileSync(path.join(dir, LOADER), LOADER_SOURCE);
    if (!prepared) fs.writeFileSync(marker, `${commit}\n`);
  } catch (error) {
    const reason = `preparing ${path.relative(ROOT, dir)} failed: ${(error as Error).message.split('\n')[0]}`;
    log(`baseline ${rev}: not measured, ${reason}`);
    return { measured: false, rev, reason };
  }
  return {
    measured: true,
    rev,
    commit,
    tree: {
      name: `baseline-${rev}`,
      root: dir,
      register: path.join(dir, 'scripts', 'register.cjs'),
      env: { SWC_NODE_PROJECT: path.join(dir, 'tsconfig.base.json') },
    },
  };
}

// Until d39de9a (after d26a82c) ticket i opened i · 30 s into 2024; since, (i · 7919 mod a year) s. Everything else
// the two loaders write into the ticket and customer databases is the same, row for row.
const OPENED_AT_BEFORE_D39DE9A =
  "timestamptz '2024-01-01 00:00:00+00' + i * interval '30 seconds' as created_at";

/**
 * The baseline's bulk loader, as the module to run: its own; or, when it still opens tickets at the old times, a
 * copy of it beside it whose only change is today's TICKET_OPENED_AT, so that both sides hold the same tickets (the
 * same ticket list page, the same customers and assignees behind it). The rows it writes for its own schemas stay
 * its own; any other difference shows in the data check before timing.
 */
function bulkLoadModule(tree: SourceTree): string {
  const source = fs.readFileSync(path.join(tree.root, BULK_LOAD), 'utf8');
  if (!source.includes(OPENED_AT_BEFORE_D39DE9A)) return path.join(tree.root, BULK_LOAD);
  const file = path.join(tree.root, ALIGNED_BULK_LOAD);
  fs.writeFileSync(
    file,
    `// Written by e2e/bench (gateway/baseline.ts): ${BULK_LOAD} with today's ticket opening times.\n` +
      source.replace(OPENED_AT_BEFORE_D39DE9A, `${TICKET_OPENED_AT} as created_at`),
  );
  return file;
}

/**
 * Fills the baseline's databases with the bench data set through the baseline's own bulk loader (with today's
 * ticket opening times, see bulkLoadModule).
 */
export async function loadBaseline(
  tree: SourceTree,
  databases: ServiceDatabases,
  tickets: number,
): Promise<void> {
  await run(process.execPath, ['-r', tree.register, path.join(tree.root, LOADER)], {
    cwd: tree.root,
    env: {
      ...process.env,
      ...tree.env,
      BENCH_BULK_LOAD: bulkLoadModule(tree),
      BENCH_DATABASES: JSON.stringify({
        ticket: databases.ticket,
        customer: databases.customer,
        hrPerformance: databases.hrPerformance,
      }),
      BENCH_TICKETS: String(tickets),
    },
  });
}
