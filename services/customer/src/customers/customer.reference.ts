// `_entities` for Customer: through the per-request DataLoader (one query for all representations of a request).
// A record the caller may not see resolves to null, exactly like an unknown id.
import { requireCaller } from '@opsgraph/graphql-kit';
import type { CustomerContext } from '../context';
import { canViewCustomer } from './customer.access';
import type { CustomerRecord } from './customer.model';

export async function resolveCustomerReference(
  reference: { id: string },
  ctx: CustomerContext,
): Promise<CustomerRecord | null> {
  const caller = requireCaller(ctx);
  const customer = await ctx.loaders.customers.load(reference.id);
  return customer && canViewCustomer(caller, customer.id) ? customer : null;
}

export const customerReferenceResolvers = {
  Customer: { __resolveReference: resolveCustomerReference },
};
