// The customer-tier dimension (docs/product.md §KPI): each customer's tier from the customer topic (every customer
// event carries the customer after it; the newest version wins, so duplicates and out-of-order delivery leave the
// same tier). When a customer's tier changes, each of its ticket facts moves from the old tier's cells to the new
// one's, under the customer's lock that the ticket engine also takes before it reads a tier — so a fact is always
// counted under its customer's current tier, whichever topic's events came first.
import { customerEventDefinitions, type CustomerEvent } from '@opsgraph/contracts-events';
import { defineProjection, type Projection } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import type { KpiConfig } from '../config';
import { CellsRepository } from '../engine/cells.repository';
import { KpiDefinitionRepository } from '../definitions/kpi-definition.repository';
import { writeFactChanges } from '../engine/fact-changes';

export const CUSTOMER_TIER_TABLES = ['kpi_customers'];

export class CustomerTiersProjection {
  constructor(private readonly timeZone: string) {}

  handle = async (event: CustomerEvent, manager: EntityManager): Promise<void> => {
    const customerId = event.aggregateId;
    const repository = new CellsRepository(manager);
    // The definition first, as the ticket engine does (a definition replay and this never overlap).
    const definition = await new KpiDefinitionRepository(manager).appliedForShare();
    await repository.lockCustomers([customerId]);
    const [stored]: Array<{ tier: string; version: number }> = await manager.query(
      'select tier, version from kpi_customers where customer_id = $1',
      [customerId],
    );
    if (stored && stored.version >= event.aggregateVersion) return;
    await manager.query(
      `insert into kpi_customers (customer_id, tier, version) values ($1, $2, $3)
       on conflict (customer_id) do update set tier = excluded.tier, version = excluded.version`,
      [customerId, event.data.tier, event.aggregateVersion],
    );
    const tier = event.data.tier;
    const facts = await repository.lockFactsOfCustomer(customerId);
    const moved = facts
      .filter((fact) => (fact.customerTier ?? null) !== tier)
      .map((fact) => ({ before: fact, after: { ...fact, customerTier: tier } }));
    if (moved.length > 0) await writeFactChanges(repository, moved, this.timeZone, definition);
  };
}

/** Consumer `kpi-customer-tiers`, replayable (its table is rebuilt; the facts' tiers follow on the next change). */
export function customerTiersProjection(config: KpiConfig): Projection {
  const projection = new CustomerTiersProjection(config.kpiTimeZone);
  return defineProjection({
    name: 'customer-tiers',
    topics: ['customer'],
    handles: customerEventDefinitions.map((definition) => definition.type),
    handle: projection.handle,
    tables: CUSTOMER_TIER_TABLES,
  });
}
