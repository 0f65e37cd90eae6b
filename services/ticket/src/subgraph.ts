// The ticket subgraph, declared once: the kit builds the app, the SDL, the harness and the main from this.
import { currentCorrelationId, newCorrelationId } from '@opsgraph/observability';
import { AccessRecorder, PersonalDataAccessEntity } from '@opsgraph/personal-data';
import { defineSubgraph } from '@opsgraph/service-kit';
import { serviceDefaults } from '@opsgraph/services-manifest';
import { ComplaintLoaders } from './complaints/complaint.loaders';
import { ComplaintResolver } from './complaints/complaint.resolver';
import { ticketConfig } from './config';
import { PraiseRepository } from './praise/praise.repository';
import { praiseLoader, PraiseResolver } from './praise/praise.resolver';
import { HotspotResolver } from './hotspots/hotspots.resolver';
import { ImprovementResolver } from './improvements/improvement.resolver';
import { SlaCalendarResolver } from './sla-calendars/sla-calendar.resolver';
import { RoutingRuleResolver, TicketRoutingResolver } from './routing/routing.resolver';
import { TicketRelationsResolver } from './relations/ticket-relations.resolver';
import { CannedReplyResolver } from './canned-replies/canned-reply.resolver';
import { KnowledgeResolver, TicketSolutionsResolver } from './knowledge/knowledge.resolver';
import { ReassessmentResolver } from './reassessment/reassessment.resolver';
import {
  EmployeeTimeResolver,
  TicketTimeResolver,
  TimeEntryResolver,
} from './time-tracking/time-entry.resolver';
import { assetDirectoryProjection } from './asset-directory/asset-directory.projection';
import { directoryProjection } from './directory/directory.projection';
import { createTicketServices } from './context';
import { incidentFanout } from './incident-fanout/incident-fanout.projection';
import { incidentHoldLoader, TicketIncidentHoldResolver } from './incident-fanout/incident-hold.resolver';
import { ticketJobs } from './jobs/ticket-jobs';
import { ticketMigrations } from './migrations';
import { DepartmentReference } from './references/entity-references';
import {
  AssetTicketsResolver,
  CustomerTicketsResolver,
  EmployeeTicketsResolver,
  IncidentTicketsResolver,
} from './references/ticket-lists.resolver';
import { SlaPolicyEntity } from './sla/sla-policy.entity';
import { SlaPolicyResolver } from './sla/sla-policy.resolver';
import { TicketMutationResolver } from './tickets/ticket-mutation.resolver';
import { ticketEntities } from './tickets/ticket.entity';
import { TicketLoaders } from './tickets/ticket.loaders';
import { ticketReference } from './tickets/ticket.reference';
import { TicketConnectionResolver, TicketResolver } from './tickets/ticket.resolver';

export const subgraph = defineSubgraph({
  name: 'ticket',
  config: ticketConfig,
  defaults: serviceDefaults('ticket'),
  entities: [...ticketEntities, SlaPolicyEntity, PersonalDataAccessEntity],
  migrations: ticketMigrations,
  schema: {
    resolvers: [
      TicketResolver,
      TicketConnectionResolver,
      TicketMutationResolver,
      SlaPolicyResolver,
      CustomerTicketsResolver,
      EmployeeTicketsResolver,
      AssetTicketsResolver,
      IncidentTicketsResolver,
      TicketIncidentHoldResolver,
      ComplaintResolver,
      ReassessmentResolver,
      HotspotResolver,
      PraiseResolver,
      ImprovementResolver,
      SlaCalendarResolver,
      RoutingRuleResolver,
      TicketRoutingResolver,
      TicketRelationsResolver,
      CannedReplyResolver,
      KnowledgeResolver,
      TicketSolutionsResolver,
      TimeEntryResolver,
      TicketTimeResolver,
      EmployeeTimeResolver,
    ],
    orphanedTypes: [DepartmentReference],
    references: { Ticket: ticketReference },
  },
  services: createTicketServices,
  context: ({ dataSource }, caller) => ({
    loaders: new TicketLoaders(dataSource.manager, caller),
    incidentHolds: incidentHoldLoader(dataSource.manager),
    complaintLoaders: new ComplaintLoaders(dataSource.manager),
    praiseCredits: praiseLoader(new PraiseRepository(dataSource.manager)),
    // The server runs each request inside its correlation scope.
    accessRecorder: caller
      ? new AccessRecorder(dataSource, caller, currentCorrelationId() ?? newCorrelationId())
      : null,
  }),
  jobs: ticketJobs,
  projections: (config) => [directoryProjection, assetDirectoryProjection, incidentFanout(config)],
});
