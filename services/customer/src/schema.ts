// The customer subgraph's schema; needs no database (print-sdl.ts builds it too).
import { buildFederatedSchema } from '@opsgraph/graphql-kit';
import type { GraphQLSchema } from 'graphql';
import { customerReferenceResolvers } from './customers/customer.reference';
import { CustomerResolver } from './customers/customer.resolver';
import { AccessLogResolver } from './personal-data/access-log.resolver';
import { TicketReference } from './projections/service-history.type';
import { RevisitResolver } from './revisits/revisit.resolver';

export function buildCustomerSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [CustomerResolver, RevisitResolver, AccessLogResolver],
    orphanedTypes: [TicketReference],
    referenceResolvers: customerReferenceResolvers,
  });
}
