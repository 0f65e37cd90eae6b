// One mutation per domain verb; each takes one input (with expectedVersion for an existing ticket) and returns the
// changed ticket. Thin: the use-cases check access and rules.
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { metaOf } from '@opsgraph/service-kit';
import type { TicketContext } from '../context';
import {
  AcknowledgeTicketInput,
  AddTicketProgressInput,
  AssignTicketInput,
  AwaitCustomerInput,
  CloseTicketInput,
  CompleteTicketStepInput,
  EscalateTicketInput,
  OpenTicketInput,
  PlanTicketStepsInput,
  RecordComplaintFollowUpInput,
  RecordComplaintInvestigationInput,
  RecordCustomerResponseInput,
  ReopenTicketInput,
  ResolveTicketInput,
  ReviewSuggestionInput,
  StartTicketWorkInput,
  SubmitTicketSurveyInput,
  TicketChangeInput,
  TransferTicketInput,
} from './ticket.inputs';
import type { Ticket } from './ticket.model';
import type { TicketRef } from './ticket.command-runner';
import { TicketType } from './ticket.type';

const refOf = (input: TicketChangeInput): TicketRef => ({
  ticketId: input.ticketId,
  expectedVersion: input.expectedVersion,
  occurredAt: input.occurredAt ?? null,
});

@Resolver(() => TicketType)
export class TicketMutationResolver {
  @Mutation(() => TicketType, {
    description: 'Takes in a ticket (NEW); priority and SLA deadlines are set here',
  })
  openTicket(
    @Arg('input', { description: 'The new ticket’s details' }) input: OpenTicketInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.tickets.open(metaOf(ctx), input);
  }

  @Mutation(() => TicketType, { description: 'First response: NEW → ACKNOWLEDGED' })
  acknowledgeTicket(
    @Arg('input', { description: 'The ticket and the version last read' }) input: AcknowledgeTicketInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.tickets.acknowledge(metaOf(ctx), refOf(input));
  }

  @Mutation(() => TicketType, {
    description: 'Sets the lead department and assignee (→ ASSIGNED, or re-assigns)',
  })
  assignTicket(
    @Arg('input', { description: 'The ticket, the assignee and departments' }) input: AssignTicketInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.tickets.assign(metaOf(ctx), refOf(input), input);
  }

  @Mutation(() => TicketType, { description: 'ASSIGNED/REOPENED → IN_PROGRESS' })
  startTicketWork(
    @Arg('input', { description: 'The ticket and the version last read' }) input: StartTicketWorkInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.tickets.startWork(metaOf(ctx), refOf(input));
  }

  @Mutation(() => TicketType, { description: 'IN_PROGRESS → PENDING_CUSTOMER; the resolution clock pauses' })
  awaitCustomer(
    @Arg('input', { description: 'The ticket and what the customer is asked for' }) input: AwaitCustomerInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.tickets.awaitCustomer(metaOf(ctx), refOf(input), input.reason ?? null);
  }

  @Mutation(() => TicketType, { description: 'PENDING_CUSTOMER → IN_PROGRESS; the resolution clock resumes' })
  recordCustomerResponse(
    @Arg('input', { description: 'The ticket and what the customer answered' })
    input: RecordCustomerResponseInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.tickets.recordCustomerResponse(metaOf(ctx), refOf(input), input.note ?? null);
  }

  @Mutation(() => TicketType, { description: '→ RESOLVED with the resolution fed back to the customer' })
  resolveTicket(
    @Arg('input', { description: 'The ticket and the resolution summary' }) input: ResolveTicketInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.tickets.resolve(metaOf(ctx), refOf(input), input.resolutionSummary);
  }

  @Mutation(() => TicketType, {
    description: 'RESOLVED → CLOSED; a customer confirms with CUSTOMER_CONFIRMED',
  })
  closeTicket(
    @Arg('input', { description: 'The ticket and why it is closed' }) input: CloseTicketInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.tickets.close(metaOf(ctx), refOf(input), input.reason);
  }

  @Mutation(() => TicketType, {
    description: 'RESOLVED/CLOSED → REOPENED (closed: within the reopen window)',
  })
  reopenTicket(
    @Arg('input', { description: 'The ticket and the reason' }) input: ReopenTicketInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.tickets.reopen(metaOf(ctx), refOf(input), input.reason);
  }

  @Mutation(() => TicketType, { description: 'Moves the ticket to another lead department (and assignee)' })
  transferTicket(
    @Arg('input', { description: 'The ticket, the new department and the reason' })
    input: TransferTicketInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.tickets.transfer(metaOf(ctx), refOf(input), input);
  }

  @Mutation(() => TicketType, { description: 'Raises the escalation level by one (at most 3)' })
  escalateTicket(
    @Arg('input', { description: 'The ticket and the reason' }) input: EscalateTicketInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.tickets.escalate(metaOf(ctx), refOf(input), input.reason);
  }

  @Mutation(() => TicketType, { description: 'A progress update (PUBLIC) or internal note (INTERNAL)' })
  addTicketProgress(
    @Arg('input', { description: 'The ticket, the text and its visibility' }) input: AddTicketProgressInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.records.addProgress(metaOf(ctx), refOf(input), {
      visibility: input.visibility,
      body: input.body,
    });
  }

  @Mutation(() => TicketType, { description: 'Sets the execution plan: replaces the steps not done yet' })
  planTicketSteps(
    @Arg('input', { description: 'The ticket and its plan steps' }) input: PlanTicketStepsInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.records.planSteps(metaOf(ctx), refOf(input), input.steps);
  }

  @Mutation(() => TicketType, { description: 'Marks a step of the execution plan done' })
  completeTicketStep(
    @Arg('input', { description: 'The ticket and the step' }) input: CompleteTicketStepInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.records.completeStep(metaOf(ctx), refOf(input), input.stepId);
  }

  @Mutation(() => TicketType, {
    description: 'The satisfaction survey of a resolved ticket (one per ticket)',
  })
  submitTicketSurvey(
    @Arg('input', { description: 'The ticket and the scores' }) input: SubmitTicketSurveyInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.records.submitSurvey(metaOf(ctx), refOf(input), input);
  }

  @Mutation(() => TicketType, {
    description: 'Findings, root cause, responsibility and corrective action (COMPLAINT)',
  })
  recordComplaintInvestigation(
    @Arg('input', { description: 'The complaint and the investigation’s result' })
    input: RecordComplaintInvestigationInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.records.recordComplaintInvestigation(metaOf(ctx), refOf(input), input);
  }

  @Mutation(() => TicketType, { description: 'The follow-up visit (回訪) to the complainant and its result' })
  recordComplaintFollowUp(
    @Arg('input', { description: 'The complaint and the visit’s result' })
    input: RecordComplaintFollowUpInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.records.recordComplaintFollowUp(metaOf(ctx), refOf(input), input);
  }

  @Mutation(() => TicketType, { description: 'Accepts or rejects a SUGGESTION with a reason' })
  reviewSuggestion(
    @Arg('input', { description: 'The suggestion, the decision and the reason' })
    input: ReviewSuggestionInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.records.reviewSuggestion(metaOf(ctx), refOf(input), {
      decision: input.decision,
      reason: input.reason,
    });
  }
}
