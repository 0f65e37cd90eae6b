import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import {
  ASYNCAPI_FILE,
  EVENTS_DOCS_DIR,
  renderAsyncApiYaml,
  renderEventSchemas,
  SCHEMAS_DIR,
} from './render';

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

if (require.main === module) {
  writeEventDocs().then(
    (written) => console.log(`wrote ${written.length} files under ${EVENTS_DOCS_DIR}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
