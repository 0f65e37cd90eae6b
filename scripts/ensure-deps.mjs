// `node scripts/ensure-deps.mjs`: Node 24 (installed into .local/node when this machine's Node is older) and the npm
// packages, without running anything else. The entry scripts do the same through lib/bootstrap.mjs.
import { bootstrap } from './lib/bootstrap.mjs';

await bootstrap();
