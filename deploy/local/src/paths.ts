import path from 'node:path';

/** Repository root, found from this file so that scripts work from any working directory. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** Everything the local servers keep (Kafka jars, broker data, embedded Postgres) lives under `.local/`. */
export const localDir = process.env.OPSGRAPH_LOCAL_DIR ?? path.join(repoRoot, '.local');
