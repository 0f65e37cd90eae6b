// Queries and the Ticket type's computed fields. Thin: access and data come from the services and the loaders.
import { selectedFieldsAt } from '@opsgraph/graphql-kit';
import { columnsFor } from '@opsgraph/persistence';
import { rootFieldOf, selectedFields } from '@opsgraph/personal-data';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { TicketContext } from '../context';
import { ticketPermissions } from '../permissions';
import {
  AssetReference,
  CustomerReference,
  DepartmentReference,
  EmployeeReference,
  IncidentReference,
  referenceTo,
} from '../references/entity-references';
import { calendarOf } from '../sla-calendars/sla-calendar.rules';
import { settle } from '../sla/sla-clock';
import { contactAsSeenBy } from '../personal-data/ticket-contact';
import { mayPerform, requireCallerOf } from './ticket.access';
import {
  criteriaOf,
  ticketPageRequest,
  toTicketConnection,
  type TicketConnectionSource,
} from './ticket.connection';
import { TicketCommandEnum } from './ticket.enums';
import { TICKET_LISTING_COLUMNS } from './ticket.listing-columns';
import { TicketsArgs } from './ticket.inputs';
import { allowedCommands, type TicketCommandType } from './ticket.lifecycle';
import type { ContactSnapshot, Ticket } from './ticket.model';
import type { HistoryEntry, ProgressUpdate, Survey, SuggestionReview } from './ticket.records';
import {
  ComplaintHandlingType,
  SuggestionReviewType,
  TicketConnection,
  TicketContactType,
  TicketHistoryEntryType,
  TicketPlanStepType,
  TicketProgressType,
  TicketSlaType,
  TicketSurveyType,
  TicketType,
} from './ticket.type';

const internalReaders = ticketPermissions.rolesFor('READ_INTERNAL');

@Resolver(() => TicketType)
export class TicketResolver {
  @Query(() => TicketType, {
    nullable: true,
    description: 'null when there is no such ticket visible to the caller',
  })
  ticket(
    @Arg('id', () => ID, { description: 'The ticket’s id' }) id: string,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket | null> {
    return ctx.loaders.byId.load(id);
  }

  @Query(() => TicketType, { nullable: true, description: 'By human-readable number, e.g. TCK-000123' })
  ticketByNumber(
    @Arg('number', { description: 'The readable number, e.g. TCK-000123' }) number: string,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket | null> {
    return ctx.services.tickets.byNumber(ctx.caller, number);
  }

  @Query(() => TicketConnection, { description: 'Tickets visible to the caller, newest first' })
  async tickets(
    @Args() args: TicketsArgs,
    @Ctx() ctx: TicketContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TicketConnectionSource> {
    const { first, after } = ticketPageRequest(args);
    const columns = columnsFor(TICKET_LISTING_COLUMNS, selectedFieldsAt(info, ['edges', 'node']));
    const page = await ctx.services.tickets.list(ctx.caller, criteriaOf(args.filter), first, after, columns);
    return toTicketConnection(page.tickets, page.hasNextPage, page.count);
  }

  // References to other subgraphs' entities are nullable even where the id always exists: when the owning subgraph
  // is down, the gateway nulls only this field (with an error) instead of the whole ticket.
  @FieldResolver(() => CustomerReference, {
    nullable: true,
    description: 'Always set; null only when the customer subgraph cannot answer',
  })
  customer(@Root() ticket: Ticket): CustomerReference {
    return { id: ticket.customerId };
  }

  @FieldResolver(() => TicketContactType, {
    description:
      'As the customer service shows contacts: masked for TECHNICIAN, ANALYST and HR; reads in clear are recorded',
  })
  async contact(
    @Root() ticket: Ticket,
    @Ctx() ctx: TicketContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ContactSnapshot> {
    const view = contactAsSeenBy(
      requireCallerOf(ctx.caller),
      ticket.customerId,
      ticket.contact,
      selectedFields(info),
    );
    // Recorded before the data leaves: if the record cannot be written, the read fails.
    await ctx.accessRecorder?.record({
      customerId: ticket.customerId,
      fields: view.clearFields,
      operation: rootFieldOf(info),
    });
    return view.contact;
  }

  @FieldResolver(() => EmployeeReference, {
    description: 'The employee handling it; null until assigned',
    nullable: true,
  })
  assignee(@Root() ticket: Ticket): EmployeeReference | null {
    return referenceTo(ticket.assigneeId);
  }

  @FieldResolver(() => DepartmentReference, { nullable: true, description: 'Lead department' })
  department(@Root() ticket: Ticket): DepartmentReference | null {
    return referenceTo(ticket.departmentId);
  }

  @FieldResolver(() => [DepartmentReference], {
    nullable: 'items',
    description: 'An entry is null only when the HR subgraph cannot answer',
  })
  collaboratingDepartments(@Root() ticket: Ticket): DepartmentReference[] {
    return ticket.collaboratingDepartmentIds.map((id) => ({ id }));
  }

  @FieldResolver(() => AssetReference, {
    description: 'The asset the ticket concerns; null for none',
    nullable: true,
  })
  asset(@Root() ticket: Ticket): AssetReference | null {
    return referenceTo(ticket.assetId);
  }

  @FieldResolver(() => IncidentReference, {
    description: 'The incident it belongs to; null for none',
    nullable: true,
  })
  incident(@Root() ticket: Ticket): IncidentReference | null {
    return referenceTo(ticket.incidentId);
  }

  @FieldResolver(() => TicketSlaType, {
    description: 'Deadlines, pause and breaches of the ticket’s SLA (counted in its calendar’s working time)',
  })
  sla(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): TicketSlaType {
    // As if the clock resumed now: a paused ticket's deadline and paused time include the pause so far.
    const current = settle(ticket.sla, ctx.services.tickets.now(), calendarOf(ticket.slaCalendar));
    return {
      responseDueAt: ticket.sla.responseDueAt,
      resolutionDueAt: current.resolutionDueAt,
      paused: ticket.sla.pausedSince !== null,
      pausedSeconds: Math.round(current.pausedSeconds),
      responseBreachedAt: ticket.responseBreachedAt,
      resolutionBreachedAt: ticket.resolutionBreachedAt,
      breached: ticket.responseBreachedAt !== null || ticket.resolutionBreachedAt !== null,
    };
  }

  @FieldResolver(() => [TicketCommandEnum], {
    description:
      'Lifecycle commands the status accepts and the caller may send (a guard may still refuse one)',
  })
  availableCommands(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): TicketCommandType[] {
    const caller = requireCallerOf(ctx.caller);
    return allowedCommands(ticket.status).filter((command) => mayPerform(caller, command));
  }

  @FieldResolver(() => [TicketProgressType], {
    description: 'Oldest first; customers see PUBLIC updates only',
  })
  progress(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): Promise<ProgressUpdate[]> {
    return ctx.loaders.progress.load(ticket.id);
  }

  @Authorized(...internalReaders)
  @FieldResolver(() => [TicketHistoryEntryType], {
    nullable: true,
    description: 'The audit trail, oldest first (staff)',
  })
  history(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): Promise<HistoryEntry[]> {
    return ctx.loaders.history.load(ticket.id);
  }

  @Authorized(...internalReaders)
  @FieldResolver(() => [TicketPlanStepType], {
    nullable: true,
    description: 'The execution plan in order (staff)',
  })
  async plan(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): Promise<TicketPlanStepType[]> {
    const steps = await ctx.loaders.steps.load(ticket.id);
    return steps.map((step) => ({
      id: step.id,
      position: step.position,
      title: step.title,
      owner: referenceTo(step.ownerId),
      dueAt: step.dueAt,
      doneAt: step.doneAt,
    }));
  }

  @FieldResolver(() => TicketSurveyType, {
    description: 'The satisfaction survey; null until submitted',
    nullable: true,
  })
  survey(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): Promise<Survey | null> {
    return ctx.loaders.survey.load(ticket.id);
  }

  @Authorized(...internalReaders)
  @FieldResolver(() => ComplaintHandlingType, { nullable: true, description: 'COMPLAINT tickets (staff)' })
  async complaint(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): Promise<ComplaintHandlingType | null> {
    const details = await ctx.loaders.complaint.load(ticket.id);
    if (details === null) return null;
    return {
      findings: details.findings,
      rootCause: details.rootCause,
      responsibleDepartment: { id: details.responsibleDepartmentId },
      responsibleEmployee: referenceTo(details.responsibleEmployeeId),
      correctiveAction: details.correctiveAction,
      correctiveActionDueAt: details.correctiveActionDueAt,
      feedbackToComplainant: details.feedbackToComplainant,
      investigatedAt: details.investigatedAt,
      followUp:
        details.followUpAt === null
          ? null
          : {
              at: details.followUpAt,
              result: details.followUpResult ?? '',
              satisfied: details.followUpSatisfied ?? false,
            },
    };
  }

  @FieldResolver(() => SuggestionReviewType, {
    description: 'The review of a SUGGESTION; null for other kinds or before review',
    nullable: true,
  })
  suggestionReview(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): Promise<SuggestionReview | null> {
    return ctx.loaders.suggestionReview.load(ticket.id);
  }
}

@Resolver(() => TicketConnection)
export class TicketConnectionResolver {
  @FieldResolver(() => Int, {
    description: 'Number of tickets matching the list’s filter (counted on demand)',
  })
  totalCount(@Root() connection: TicketConnectionSource): Promise<number> {
    return connection.count();
  }
}
