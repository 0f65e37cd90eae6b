// The ticket subgraph's schema. Needs no database: app.ts serves it, print-sdl.ts prints it for composition.
import { buildFederatedSchema } from '@opsgraph/graphql-kit';
import type { GraphQLSchema } from 'graphql';
import { DepartmentReference } from './references/entity-references';
import {
  AssetTicketsResolver,
  CustomerTicketsResolver,
  EmployeeTicketsResolver,
  IncidentTicketsResolver,
} from './references/ticket-lists.resolver';
import { SlaPolicyResolver } from './sla/sla-policy.resolver';
import { TicketMutationResolver } from './tickets/ticket-mutation.resolver';
import { ticketReference } from './tickets/ticket.reference';
import { TicketConnectionResolver, TicketResolver } from './tickets/ticket.resolver';

export function buildTicketSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      TicketResolver,
      TicketConnectionResolver,
      TicketMutationResolver,
      SlaPolicyResolver,
      CustomerTicketsResolver,
      EmployeeTicketsResolver,
      AssetTicketsResolver,
      IncidentTicketsResolver,
    ],
    orphanedTypes: [DepartmentReference],
    referenceResolvers: { Ticket: ticketReference },
  });
}
