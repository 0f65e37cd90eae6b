// `npm run seed`: the demo data through the running gateway (see e2e/src/seed/main.ts for the variables).
import path from 'node:path';
import { bootstrap, root } from './lib/bootstrap.mjs';
import { runAndExitWith } from './lib/runtime.mjs';

await bootstrap();
await runAndExitWith(
  process.execPath,
  ['-r', path.join(root, 'scripts', 'register.cjs'), 'e2e/src/seed/main.ts', ...process.argv.slice(2)],
  { cwd: root },
);
