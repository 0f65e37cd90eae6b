// The per-request context: DataLoaders (one batch query per type and tick, a cache per request) and the recorder of
// unmasked personal-data reads, next to the caller and the use-cases the kit provides.
import type { Caller } from '@opsgraph/domain';
import { createLoader, type SubgraphContext } from '@opsgraph/graphql-kit';
import { currentCorrelationId, newCorrelationId } from '@opsgraph/observability';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { ContactRecord, CustomerRecord } from './customers/customer.model';
import { CustomerRepository } from './customers/customer.repository';
import type { CustomerService } from './customers/customer.service';
import type { AccessLogService } from './personal-data/access-log.service';
import { AccessRecorder } from '@opsgraph/personal-data';
import {
  ServiceHistoryRepository,
  type ServiceHistorySummary,
} from './projections/service-history.repository';
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

export interface CustomerRequest {
  loaders: CustomerLoaders;
  /** null for anonymous requests (which never see clear personal data). */
  accessRecorder: AccessRecorder | null;
}

export type CustomerContext = SubgraphContext<CustomerRequest & { services: CustomerServices }>;

function createLoaders(dataSource: DataSource): CustomerLoaders {
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

export function customerRequest(dataSource: DataSource, caller: Caller): CustomerRequest {
  return {
    loaders: createLoaders(dataSource),
    // The server runs each request inside its correlation scope (runWithCorrelation).
    accessRecorder: caller
      ? new AccessRecorder(dataSource, caller, currentCorrelationId() ?? newCorrelationId())
      : null,
  };
}
