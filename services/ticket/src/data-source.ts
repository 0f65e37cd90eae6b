// The one DataSource of the ticket service: explicit entities and migrations (the platform's outbox and inbox first).
import { createDataSource, platformMigrations } from '@opsgraph/persistence';
import type { DataSource } from 'typeorm';
import { ticketMigrations } from './migrations';
import { SlaPolicyEntity } from './sla/sla-policy.entity';
import { ticketEntities } from './tickets/ticket.entity';

export const entities = [...ticketEntities, SlaPolicyEntity];
export const migrations = [...platformMigrations, ...ticketMigrations];

export function createTicketDataSource(url: string, applicationName = 'ticket'): DataSource {
  return createDataSource({ url, applicationName, entities, migrations });
}
