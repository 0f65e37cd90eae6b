import type { Logger } from '@opsgraph/observability';
import type { Caller } from '../auth/caller';

/** What every resolver receives; `TExtra` is what the service's `createContext` adds (e.g. DataLoaders). */
export type SubgraphContext<TExtra extends object = Record<never, never>> = {
  caller: Caller;
  correlationId: string;
  logger: Logger;
} & TExtra;
