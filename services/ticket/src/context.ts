// What every resolver of this subgraph receives: the kit's context (caller, correlation id, trace, logger), the
// use-cases of this service instance, and the per-request DataLoaders.
import type { SubgraphContext } from '@opsgraph/graphql-kit';
import type { AccessRecorder } from '@opsgraph/personal-data';
import type DataLoader from 'dataloader';
import type { SubgraphKit } from '@opsgraph/service-kit';
import type { ComplaintLoaders } from './complaints/complaint.loaders';
import { ComplaintRecurrence } from './complaints/complaint-recurrence';
import { ComplaintService } from './complaints/complaint.service';
import type { TicketConfig } from './config';
import { ReferenceChecker } from './directory/reference-checker';
import { HotspotService } from './hotspots/hotspots.service';
import { ImprovementService } from './improvements/improvement.service';
import { PraiseService } from './praise/praise.service';
import { ReassessmentService } from './reassessment/reassessment.service';
import { TicketMergeService } from './relations/ticket-merge.service';
import { TicketRelationsService } from './relations/ticket-relations.service';
import { RoutingService } from './routing/routing.service';
import { CannedReplyService } from './canned-replies/canned-reply.service';
import { KnowledgeService } from './knowledge/knowledge.service';
import { TimeEntryService } from './time-tracking/time-entry.service';
import { SlaCalendarService } from './sla-calendars/sla-calendar.service';
import { SlaPolicyService } from './sla/sla-policy.service';
import { TicketCommandRunner } from './tickets/ticket.command-runner';
import { DEFAULT_LIFECYCLE_POLICY } from './tickets/ticket.lifecycle';
import type { TicketLoaders } from './tickets/ticket.loaders';
import { TicketRecordsService } from './tickets/ticket-records.service';
import { TicketRepository } from './tickets/ticket.repository';
import { TicketService } from './tickets/ticket.service';

export interface TicketServices {
  readonly tickets: TicketService;
  readonly records: TicketRecordsService;
  readonly slaPolicies: SlaPolicyService;
  readonly complaints: ComplaintService;
  readonly reassessment: ReassessmentService;
  readonly hotspots: HotspotService;
  readonly praise: PraiseService;
  readonly improvements: ImprovementService;
  readonly slaCalendars: SlaCalendarService;
  readonly routing: RoutingService;
  readonly relations: TicketRelationsService;
  readonly merge: TicketMergeService;
  readonly cannedReplies: CannedReplyService;
  readonly knowledge: KnowledgeService;
  readonly timeEntries: TimeEntryService;
}

export type TicketContext = SubgraphContext<{
  services: TicketServices;
  loaders: TicketLoaders;
  complaintLoaders: ComplaintLoaders;
  /** Records reads of contact data in clear; null for anonymous requests (which read no ticket). */
  accessRecorder: AccessRecorder | null;
  /** Credited employees per PRAISE ticket. */
  praiseCredits: DataLoader<string, string[]>;
}>;

/** The use-cases on the kit's unit of work (also what the job tests build on). */
export function createTicketServices(
  kit: Pick<SubgraphKit<TicketConfig>, 'dataSource' | 'unitOfWork'> & {
    config: Pick<
      TicketConfig,
      'referenceWaitMs' | 'complaintRecurrenceThreshold' | 'complaintRecurrenceWindowDays'
    >;
  },
): TicketServices {
  const runner = new TicketCommandRunner(kit.unitOfWork);
  const references = new ReferenceChecker(kit.dataSource.manager, kit.config.referenceWaitMs);
  return {
    tickets: new TicketService(
      runner,
      new TicketRepository(kit.dataSource.manager),
      references,
      DEFAULT_LIFECYCLE_POLICY,
    ),
    records: new TicketRecordsService(
      runner,
      references,
      new ComplaintRecurrence({
        threshold: kit.config.complaintRecurrenceThreshold,
        windowDays: kit.config.complaintRecurrenceWindowDays,
      }),
    ),
    slaPolicies: new SlaPolicyService(kit.dataSource, kit.unitOfWork.clock),
    complaints: new ComplaintService(runner, references),
    reassessment: new ReassessmentService(runner),
    hotspots: new HotspotService(kit.dataSource.manager),
    praise: new PraiseService(runner, references),
    improvements: new ImprovementService(kit.unitOfWork, references),
    slaCalendars: new SlaCalendarService(kit.unitOfWork),
    routing: new RoutingService(kit.unitOfWork, references),
    relations: new TicketRelationsService(runner, kit.dataSource.manager),
    merge: new TicketMergeService(kit.unitOfWork),
    cannedReplies: new CannedReplyService(kit.unitOfWork, references),
    knowledge: new KnowledgeService(kit.unitOfWork, references),
    timeEntries: new TimeEntryService(runner, kit.dataSource.manager, references),
  };
}
