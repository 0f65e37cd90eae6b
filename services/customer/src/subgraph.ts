// The customer subgraph: customers and their contacts, care revisits, the personal-data access log, and the service
// history kept from ticket events. The kit does the wiring (createSubgraphApp, runSubgraph, sdl, replay, harness).
import { defineSubgraph } from '@opsgraph/service-kit';
import { serviceDefaults } from '@opsgraph/services-manifest';
import { customerRequest } from './context';
import { customerEntities } from './customers/customer.entity';
import { customerReferences } from './customers/customer.reference';
import { CustomerMutations, CustomerResolver } from './customers/customer.resolver';
import { CustomerService } from './customers/customer.service';
import { customerMigrations } from './migrations';
import { PersonalDataAccessEntity } from '@opsgraph/personal-data';
import { AccessLogResolver } from './personal-data/access-log.resolver';
import { AccessLogService } from './personal-data/access-log.service';
import { serviceHistoryEntities } from './projections/service-history.entity';
import { serviceHistoryProjection } from './projections/service-history.projection';
import { TicketReference } from './projections/service-history.type';
import { RevisitEntity } from './revisits/revisit.entity';
import { RevisitMutations, RevisitResolver } from './revisits/revisit.resolver';
import { RevisitService } from './revisits/revisit.service';

export const subgraph = defineSubgraph({
  name: 'customer',
  // Only the variables every service reads; the port and database default to the services manifest's.
  defaults: serviceDefaults('customer'),
  entities: [...customerEntities, RevisitEntity, PersonalDataAccessEntity, ...serviceHistoryEntities],
  migrations: customerMigrations,
  schema: {
    resolvers: [CustomerResolver, CustomerMutations, RevisitResolver, RevisitMutations, AccessLogResolver],
    orphanedTypes: [TicketReference],
    references: customerReferences,
  },
  services: ({ unitOfWork, dataSource }) => ({
    customers: new CustomerService(unitOfWork),
    revisits: new RevisitService(unitOfWork),
    accessLog: new AccessLogService(dataSource),
  }),
  context: ({ dataSource }, caller) => customerRequest(dataSource, caller),
  projections: [serviceHistoryProjection],
});
