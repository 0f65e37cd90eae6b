// `_entities` for Customer: through the per-request DataLoader (one query for all representations of a request);
// ids that are not UUIDs resolve to null without a query (batchedReference). A record the caller may not see
// resolves to null, exactly like an unknown id.
import { batchedReference, requireCaller, type EntityReference } from '@opsgraph/graphql-kit';
import type { CustomerContext } from '../context';
import { canViewCustomer } from '@opsgraph/personal-data';
import type { CustomerRecord } from './customer.model';

const loadCustomer = batchedReference((ctx: CustomerContext) => ctx.loaders.customers);

export async function resolveCustomerReference(
  reference: EntityReference,
  ctx: CustomerContext,
): Promise<CustomerRecord | null> {
  const caller = requireCaller(ctx);
  const customer = await loadCustomer(reference, ctx);
  return customer && canViewCustomer(caller, customer.id) ? customer : null;
}

export const customerReferences = {
  Customer: { __resolveReference: resolveCustomerReference },
};
