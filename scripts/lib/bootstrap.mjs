// What every entry script does first: run on Node 24 (see runtime.mjs), then make sure node_modules is current.
import { ensureDeps } from './deps.mjs';
import { ensureRuntime } from './runtime.mjs';

export { root } from './runtime.mjs';

export async function bootstrap({ announce = true, deps = true } = {}) {
  try {
    await ensureRuntime({ announce });
    if (deps) ensureDeps();
  } catch (error) {
    console.error(`[bootstrap] ${error.message}`);
    process.exit(1);
  }
}
