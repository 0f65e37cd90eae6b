import { sqlMigration } from '@opsgraph/persistence';

/**
 * The customer-tier dimension (docs/product.md §KPI): each customer's tier from the customer topic, and the
 * customer of each ticket fact as an indexed column (a tier change moves that customer's facts). Facts folded
 * before this migration carry no customer until `nx run kpi:replay`.
 */
export const CreateCustomerTiers1796300000008 = sqlMigration({
  name: 'CreateCustomerTiers1796300000008',
  up: [
    'create table kpi_customers (customer_id uuid primary key, tier text not null, version int not null)',
    'alter table kpi_ticket_facts add column customer_id uuid',
    'create index kpi_ticket_facts_customer_idx on kpi_ticket_facts (customer_id)',
  ],
  down: ['alter table kpi_ticket_facts drop column customer_id', 'drop table kpi_customers'],
});
