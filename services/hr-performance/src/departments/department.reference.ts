import { batchedReference, requireCaller, type EntityReference } from '@opsgraph/graphql-kit';
import type { HrPerformanceContext } from '../context';

const load = batchedReference((ctx: HrPerformanceContext) => ctx.loaders.department);

/** `_entities` for Department: one query per request however many representations (DataLoader). */
export const departmentReference = {
  __resolveReference: (reference: EntityReference, ctx: HrPerformanceContext) => {
    requireCaller(ctx);
    return load(reference, ctx);
  },
};
