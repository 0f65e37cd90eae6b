import type { RequestMeta } from '@opsgraph/domain';

/** The request metadata a use-case needs from a resolver context. */
export function metaOf(ctx: RequestMeta): RequestMeta {
  return { caller: ctx.caller, correlationId: ctx.correlationId };
}

export type { RequestMeta };
