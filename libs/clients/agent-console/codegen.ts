// GraphQL Code Generator for the agent console's operations (src/operations/*.graphql) against the public schema:
// typed documents in src/gql/ and the persisted-documents manifest (sha256 → operation) that a gateway in
// trusted-documents mode runs (TRUSTED_DOCUMENTS=libs/clients/agent-console/src/gql/persisted-documents.json).
// `npx nx run client-agent-console:codegen` writes them; a unit test fails when they are stale.
import { generate } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import fs from 'node:fs';
import path from 'node:path';

export const PROJECT_DIR = __dirname;
export const ROOT = path.resolve(PROJECT_DIR, '..', '..', '..');
export const GENERATED_DIR = path.join(PROJECT_DIR, 'src', 'gql');
export const PUBLIC_SCHEMA = path.join(ROOT, 'docs', 'graphql', 'schema.graphql');

export function codegenConfig(
  documents = path.join(PROJECT_DIR, 'src', 'operations', '*.graphql'),
): Types.Config {
  return {
    schema: PUBLIC_SCHEMA,
    documents,
    ignoreNoDocuments: false,
    silent: true,
    generates: {
      [`${GENERATED_DIR}/`]: {
        preset: 'client',
        presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
        config: {
          enumsAsTypes: true,
          useTypeImports: true,
          scalars: {
            DateTime: 'string',
            LocalDate: 'string',
            JSON: 'unknown',
            JSONObject: 'Record<string, unknown>',
          },
        },
      },
    },
  };
}

/** The generated files (path → content), without writing them. */
export async function generatedFiles(config: Types.Config = codegenConfig()): Promise<Map<string, string>> {
  const outputs: Types.FileOutput[] = await generate({ ...config, cwd: ROOT }, false);
  return new Map(outputs.map((output) => [path.resolve(ROOT, output.filename), output.content]));
}

function writeFiles(files: Map<string, string>): void {
  fs.rmSync(GENERATED_DIR, { recursive: true, force: true });
  for (const [file, content] of files) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  console.log(`wrote ${[...files.keys()].map((file) => path.relative(ROOT, file)).join(', ')}`);
}

/** The generated files that differ from the committed ones (or are missing). */
function staleFiles(files: Map<string, string>): string[] {
  return [...files]
    .filter(([file, content]) => !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content)
    .map(([file]) => path.relative(ROOT, file));
}

// `… codegen.ts` writes src/gql; `--check` fails when it is stale; `--documents <glob>` generates (in memory) from
// other operations (the tests' broken fixture).
async function main(argv: string[]): Promise<number> {
  const documentsAt = argv.indexOf('--documents');
  const config =
    documentsAt === -1 ? codegenConfig() : codegenConfig(path.resolve(argv[documentsAt + 1] ?? ''));
  const files = await generatedFiles(config);
  if (documentsAt !== -1) return 0;
  if (!argv.includes('--check')) {
    writeFiles(files);
    return 0;
  }
  const stale = staleFiles(files);
  if (stale.length === 0) {
    console.log(`generated client is up to date (${files.size} files)`);
    return 0;
  }
  console.error(`stale: ${stale.join(', ')}: run \`npx nx run client-agent-console:codegen\` and commit it`);
  return 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    },
  );
}
