import type http from 'node:http';
import { GATEWAY_SECRET_HEADER } from '@opsgraph/contracts-caller';
import { postJson } from './data-source';

export interface SubgraphTarget {
  name: string;
  url: string;
}

export type SubgraphState = 'up' | 'down';

export interface Readiness {
  /** ready: every subgraph answers; degraded: some do (their fields fail, the rest of the graph works); unavailable: none. */
  status: 'ready' | 'degraded' | 'unavailable';
  subgraphs: Record<string, SubgraphState>;
}

const PROBE = JSON.stringify({ query: '{ __typename }' });

/** Asks each subgraph for `{ __typename }` (with the secret), at most once per `cacheMs`. */
export function createReadinessProbe(
  targets: SubgraphTarget[],
  options: { agent: http.Agent; gatewaySecret: string; timeoutMs?: number; cacheMs?: number },
): () => Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const cacheMs = options.cacheMs ?? 1_000;
  const headers = { 'content-type': 'application/json', [GATEWAY_SECRET_HEADER]: options.gatewaySecret };
  let last: { at: number; result: Promise<Readiness> } | undefined;

  const probeOne = async (target: SubgraphTarget): Promise<SubgraphState> => {
    try {
      const reply = await postJson(new URL(target.url), options.agent, headers, PROBE, timeoutMs);
      return reply.status === 200 && reply.body.includes('"__typename"') ? 'up' : 'down';
    } catch {
      return 'down';
    }
  };

  const probeAll = async (): Promise<Readiness> => {
    const states = await Promise.all(targets.map(probeOne));
    const subgraphs: Record<string, SubgraphState> = {};
    targets.forEach((target, index) => (subgraphs[target.name] = states[index]));
    const up = states.filter((state) => state === 'up').length;
    const status = up === targets.length ? 'ready' : up === 0 ? 'unavailable' : 'degraded';
    return { status, subgraphs };
  };

  return () => {
    const now = Date.now();
    if (!last || now - last.at > cacheMs) last = { at: now, result: probeAll() };
    return last.result;
  };
}
