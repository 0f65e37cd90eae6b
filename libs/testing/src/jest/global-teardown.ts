import type { ProvidedInfrastructure } from './provide-infrastructure';

/** Stops containers started for this run; local servers keep running for the next one. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __opsgraphInfra?: ProvidedInfrastructure }).__opsgraphInfra?.stop();
}
