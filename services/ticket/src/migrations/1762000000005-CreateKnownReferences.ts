import { sqlMigration } from '@opsgraph/persistence';

/**
 * The ticket service's read model of the customers, employees and departments other services own (projection
 * `directory`, docs/product.md §11.1): a ticket may only point at one of them. `version` is the owner's aggregate
 * version, so a late or replayed event never overwrites a newer one.
 */
export const CreateKnownReferences1762000000005 = sqlMigration({
  name: 'CreateKnownReferences1762000000005',
  up: [
    `
      create table known_customers (
        id uuid primary key,
        name text not null,
        version int not null check (version >= 1)
      )`,
    `
      create table known_employees (
        id uuid primary key,
        name text not null,
        department_id uuid null,
        status text not null check (status in ('ACTIVE', 'ON_LEAVE', 'LEFT')),
        version int not null check (version >= 1)
      )`,
    `
      create table known_departments (
        id uuid primary key,
        name text not null,
        version int not null check (version >= 1)
      )`,
  ],
  down: ['drop table known_departments', 'drop table known_employees', 'drop table known_customers'],
});
