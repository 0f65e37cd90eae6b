import type { RequestMeta } from '@opsgraph/domain';

/** The request metadata a use-case needs from a resolver context. */
export function metaOf(ctx: RequestMeta & { traceparent?: string }): RequestMeta & { traceparent?: string } {
  return { caller: ctx.caller, correlationId: ctx.correlationId, traceparent: ctx.traceparent };
}

export type { RequestMeta };
