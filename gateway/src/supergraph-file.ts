// The supergraph from a file that may change under the running gateway: Kubernetes updates a mounted ConfigMap in
// place (an atomic symlink swap), so a new composition reaches every replica without a restart or a rollout.
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@opsgraph/observability';
import fs from 'node:fs';

/**
 * Reads `file` every `pollMs`; a changed supergraph is served once the gateway's health check of its subgraphs passes
 * (Apollo Gateway then swaps the schema between requests). A change that fails (unreadable, no subgraph answers, does
 * not load) is logged and retried at the next poll while the previous supergraph keeps serving.
 */
export function supergraphFromFile(
  file: string,
  initialSdl: string,
  pollMs: number,
  logger: Logger,
): SupergraphSdlHook {
  return async ({ update, healthCheck }) => {
    let served = initialSdl;
    let polling = false;
    const poll = async () => {
      if (polling) return;
      polling = true;
      try {
        const next = await fs.promises.readFile(file, 'utf8');
        if (next === served || next.trim() === '') return;
        await healthCheck(next);
        update(next);
        served = next;
        logger.info({ file }, 'supergraph reloaded');
      } catch (error) {
        logger.warn({ err: error, file }, 'supergraph change not applied; still serving the previous one');
      } finally {
        polling = false;
      }
    };
    const timer = setInterval(() => void poll(), pollMs);
    timer.unref();
    return { supergraphSdl: initialSdl, cleanup: async () => clearInterval(timer) };
  };
}
