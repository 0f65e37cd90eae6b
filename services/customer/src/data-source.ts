// The one DataSource of the customer service (API, relay, consumer, replay command): explicit entities and
// migrations (the platform's outbox and inbox first).
import { createDataSource, platformMigrations } from '@opsgraph/persistence';
import type { DataSource } from 'typeorm';
import { customerEntities } from './customers/customer.entity';
import { customerMigrations } from './migrations';
import { PersonalDataAccessEntity } from './personal-data/access-log.entity';
import { serviceHistoryEntities } from './projections/service-history.entity';
import { RevisitEntity } from './revisits/revisit.entity';

export const entities = [
  ...customerEntities,
  RevisitEntity,
  PersonalDataAccessEntity,
  ...serviceHistoryEntities,
];
export const migrations = [...platformMigrations, ...customerMigrations];

export function createCustomerDataSource(url: string, applicationName = 'customer'): DataSource {
  return createDataSource({ url, applicationName, entities, migrations });
}
