// The per-request context: the caller (from the gateway headers), DataLoaders (one batch query per type and tick,
// a cache per request), and the recorder of unmasked personal-data reads.
import { createLoader, type Caller, type SubgraphContext } from '@opsgraph/graphql-kit';
import { currentCorrelationId, newCorrelationId } from '@opsgraph/observability';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { ContactRecord, CustomerRecord } from './customers/customer.model';
import { CustomerRepository } from './customers/customer.repository';
import type { CustomerService } from './customers/customer.service';
import type { AccessLogService } from './personal-data/access-log.service';
import { AccessRecorder } from './personal-data/access-recorder';
import {
  ServiceHistoryRepository,
  type ServiceHistorySummary,
} from './projections/service-history.repository';
import type { RequestMeta } from './request';
import type { RevisitService } from './revisits/revisit.service';

export interface CustomerServices {
  customers: CustomerService;
  revisits: RevisitService;
  accessLog: AccessLogService;
}

export interface CustomerLoaders {
  customers: DataLoader<string, CustomerRecord | null>;
  /** Contacts per customer id, primary first. */
  contacts: DataLoader<string, ContactRecord[]>;
  serviceHistory: DataLoader<string, ServiceHistorySummary | null>;
}

export type CustomerContext = SubgraphContext<{
  services: CustomerServices;
  loaders: CustomerLoaders;
  /** null for anonymous requests (which never see clear personal data). */
  accessRecorder: AccessRecorder | null;
}>;

export function metaOf(ctx: CustomerContext): RequestMeta {
  return { caller: ctx.caller, correlationId: ctx.correlationId };
}

export function createLoaders(dataSource: DataSource): CustomerLoaders {
  const customers = () => new CustomerRepository(dataSource.manager);
  return {
    customers: createLoader(
      (ids) => customers().findByIds(ids),
      (customer: CustomerRecord) => customer.id,
    ),
    contacts: new DataLoader(async (ids: readonly string[]) => {
      const contacts = await customers().contactsOf(ids);
      return ids.map((id) => contacts.filter((contact) => contact.customerId === id));
    }),
    serviceHistory: createLoader(
      (ids) => new ServiceHistoryRepository(dataSource.manager).summaries(ids),
      (summary: ServiceHistorySummary) => summary.customerId,
    ),
  };
}

export function contextFactory(dataSource: DataSource, services: CustomerServices) {
  return (caller: Caller) => ({
    services,
    loaders: createLoaders(dataSource),
    // The server runs each request inside its correlation scope (runWithCorrelation).
    accessRecorder: caller
      ? new AccessRecorder(dataSource, caller, currentCorrelationId() ?? newCorrelationId())
      : null,
  });
}
