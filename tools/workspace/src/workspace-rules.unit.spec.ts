import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Rules of the repository itself, checked the way CI sees it.
const root = path.resolve(__dirname, '..', '..', '..');

function trackedFiles(pattern: string): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', pattern], { cwd: root })
    .toString()
    .split('\n')
    .filter(Boolean);
}

describe('module boundaries', () => {
  // ESLint runs as its own process, exactly as `nx lint` runs it (its flat config is ESM, which Jest's VM cannot load).
  async function lint(filePath: string, code: string): Promise<string[]> {
    const run = spawnSync('npx', ['eslint', '--format', 'json', '--stdin', '--stdin-filename', filePath], {
      cwd: root,
      input: code,
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    const [result] = JSON.parse(run.stdout.toString()) as { messages: { ruleId: string; message: string }[] }[];
    return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
  }

  it('fails a service that imports another service', async () => {
    const messages = await lint(
      'services/customer/src/boundary-fixture.ts',
      "import { formatTicketNumber } from '../../ticket/src/tickets/ticket.number';\nexport const n = formatTicketNumber(1);\n",
    );
    expect(messages.some((message) => message.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('fails a shared library that imports a service', async () => {
    const messages = await lint(
      'libs/testing/src/boundary-fixture.ts',
      "import { formatTicketNumber } from '../../../services/ticket/src/tickets/ticket.number';\nexport const n = formatTicketNumber(1);\n",
    );
    expect(messages.some((message) => message.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('lets a service use the shared libraries through their aliases', async () => {
    const messages = await lint(
      'services/customer/src/boundary-fixture.ts',
      "import { topicFor } from '@opsgraph/contracts-events';\nexport const t = topicFor('customer');\n",
    );
    expect(messages.filter((message) => message.startsWith('@nx/enforce-module-boundaries'))).toEqual([]);
  });
});

describe('repository hygiene', () => {
  it('never lets TypeORM synchronize the schema (migrations only)', () => {
    const offenders = trackedFiles('*.ts').filter(
      (file) => !file.endsWith('.spec.ts') && /synchronize:\s*true/.test(fs.readFileSync(path.join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('ignores local server data, dependencies and build outputs', () => {
    const ignored = execFileSync('git', ['check-ignore', '.local/kafka', 'node_modules/x', 'dist/x', '.nx/x'], { cwd: root })
      .toString()
      .split('\n')
      .filter(Boolean);
    expect(ignored).toEqual(['.local/kafka', 'node_modules/x', 'dist/x', '.nx/x']);
  });

  it('pins graphql to one copy and the federation family exactly', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.overrides.graphql).toBe('$graphql');
    for (const name of ['@apollo/subgraph', '@apollo/gateway', '@apollo/composition', 'graphql', 'type-graphql']) {
      expect(pkg.dependencies[name]).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
    }
    const copies = execFileSync('npm', ['ls', 'graphql', '--all', '--parseable'], { cwd: root })
      .toString()
      .split('\n')
      .filter((line) => line.endsWith('/graphql'));
    expect(new Set(copies)).toEqual(new Set([path.join(root, 'node_modules', 'graphql')]));
  });
});
