import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import {
  ASYNCAPI_FILE,
  EVENTS_DOCS_DIR,
  renderAsyncApiYaml,
  RELEASED_DIR,
  renderEventSchemas,
  SCHEMAS_DIR,
} from './render';
import { breakingChanges } from '../compatibility';

/** Writes asyncapi.yaml and the schemas (formatted as `npm run format` would, so formatting never dirties them). */
export async function writeEventDocs(): Promise<string[]> {
  mkdirSync(SCHEMAS_DIR, { recursive: true });
  const schemas = renderEventSchemas();
  for (const stale of readdirSync(SCHEMAS_DIR)) {
    if (stale.endsWith('.json') && !schemas.has(stale)) rmSync(join(SCHEMAS_DIR, stale));
  }
  writeFileSync(ASYNCAPI_FILE, renderAsyncApiYaml());
  const written = [ASYNCAPI_FILE];
  for (const [file, text] of schemas) {
    const path = join(SCHEMAS_DIR, file);
    writeFileSync(path, await format(text, { ...(await resolveConfig(path)), filepath: path }));
    written.push(path);
  }
  return written;
}

/**
 * On release: copies every published schema to docs/events/released, refusing when one breaks its released version
 * (a breaking change is a new event version, which gets its own file).
 */
export function releaseEventSchemas(): string[] {
  mkdirSync(RELEASED_DIR, { recursive: true });
  const released: string[] = [];
  const problems: string[] = [];
  for (const file of readdirSync(SCHEMAS_DIR).filter((name) => name.endsWith('.json'))) {
    const target = join(RELEASED_DIR, file);
    if (existsSync(target)) {
      const current = JSON.parse(readFileSync(join(SCHEMAS_DIR, file), 'utf8'));
      const breaking = breakingChanges(JSON.parse(readFileSync(target, 'utf8')), current);
      problems.push(...breaking.map((change) => `${file}: ${change}`));
    }
    released.push(target);
  }
  if (problems.length) throw new Error(`not released, breaking changes:\n${problems.join('\n')}`);
  for (const target of released)
    copyFileSync(join(SCHEMAS_DIR, target.slice(RELEASED_DIR.length + 1)), target);
  return released;
}

// `npm run docs:events` regenerates docs/events; `npm run docs:events -- --release` then snapshots the schemas.
if (require.main === module) {
  const release = process.argv.includes('--release');
  writeEventDocs().then(
    (written) => {
      console.log(`wrote ${written.length} files under ${EVENTS_DOCS_DIR}`);
      if (release) console.log(`released ${releaseEventSchemas().length} event schemas to ${RELEASED_DIR}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
