import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { spawnSync } from 'node:child_process';
import { TicketPageDocument } from './gql/graphql';
import persistedDocuments from './gql/persisted-documents.json';
import { createHash } from 'node:crypto';

// Code Generator's CLI is ES-module heavy (yargs), so it runs as the codegen target does: in a child process.
const PROJECT_DIR = path.resolve(__dirname, '..');
const ROOT = path.resolve(PROJECT_DIR, '..', '..', '..');
const codegen = (...args: string[]) => {
  const run = spawnSync(
    process.execPath,
    ['-r', './scripts/register.cjs', path.join(PROJECT_DIR, 'codegen.ts'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 90_000,
    },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
};

describe('the generated client (GraphQL Code Generator over docs/graphql/schema.graphql)', () => {
  it('is up to date with the operations and the public schema (else: npx nx run client-agent-console:codegen)', () => {
    const check = codegen('--check');
    expect(check).toEqual({
      status: 0,
      output: expect.stringMatching(/generated client is up to date \(4 files\)/),
    });
    expect(fs.existsSync(path.join(PROJECT_DIR, 'src', 'gql', 'graphql.ts'))).toBe(true);
  }, 90_000);

  it('lists every operation in the persisted-documents manifest under the sha256 of its text', () => {
    const entries = Object.entries(persistedDocuments as Record<string, string>);
    expect(entries.map(([, text]) => /(query|mutation) (\w+)/.exec(text)?.[2]).sort()).toEqual([
      'AcknowledgeTicket',
      'AgentQueue',
      'AssignTicket',
      'CustomerByCode',
      'OpenTicket',
      'ResolveTicket',
      'StartTicketWork',
      'TicketPage',
    ]);
    for (const [key, text] of entries)
      expect(key).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
    const hash = (TicketPageDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
    expect((persistedDocuments as Record<string, string>)[hash]).toMatch(
      /^fragment TicketSummary .* query TicketPage/,
    );
  });
});

describe('the client guards fail on broken fixtures', () => {
  it('codegen refuses an operation that does not match the public schema', () => {
    expect(codegen('--documents', path.join(PROJECT_DIR, 'src', 'operations', '*.graphql'))).toMatchObject({
      status: 0,
    });
    const broken = codegen('--documents', path.join(PROJECT_DIR, 'fixtures', 'unknown-field.graphql'));
    expect(broken.status).toBe(1);
    expect(broken.output).toMatch(/dueTomorrow/);
  }, 120_000);

  it('the compiler refuses code that misuses a generated result or variables type', () => {
    const configFile = ts.readConfigFile(path.join(ROOT, 'tsconfig.base.json'), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
    const program = ts.createProgram([path.join(PROJECT_DIR, 'fixtures', 'misuse.ts')], {
      ...options,
      noEmit: true,
    });
    const messages = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(messages).toEqual([
      expect.stringMatching(/Type 'string' is not assignable to type 'number'/),
      expect.stringMatching(/Property 'resolutionSummary' does not exist/),
    ]);
  }, 60_000);
});
