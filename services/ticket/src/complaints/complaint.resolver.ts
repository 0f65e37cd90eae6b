// Complaint handling on the graph (docs/product.md §11.2): the mutations, and on Ticket its corrective actions and
// whether it may be closed. Thin: rules live in the use-cases and the pure rules.
import { metaOf } from '@opsgraph/service-kit';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { TicketContext } from '../context';
import { ticketPermissions } from '../permissions';
import type { TicketChangeInput } from '../tickets/ticket.inputs';
import type { Ticket } from '../tickets/ticket.model';
import { TicketType } from '../tickets/ticket.type';
import { missingForClosure } from './complaint-closure.rules';
import {
  AddCorrectiveActionInput,
  CompleteCorrectiveActionInput,
  ComplaintClosureType,
  CorrectiveActionType,
  GiveComplaintFeedbackInput,
  VerifyCorrectiveActionInput,
} from './complaint.graphql';

const internalReaders = ticketPermissions.rolesFor('READ_INTERNAL');
const refOf = (input: TicketChangeInput) => ({
  ticketId: input.ticketId,
  expectedVersion: input.expectedVersion,
  occurredAt: input.occurredAt ?? null,
});

@Resolver(() => TicketType)
export class ComplaintResolver {
  @Mutation(() => TicketType, { description: 'Plans a corrective action for an investigated COMPLAINT' })
  addCorrectiveAction(@Arg('input', { description: 'The complaint, the action, its owner and due date' }) input: AddCorrectiveActionInput, @Ctx() ctx: TicketContext): Promise<Ticket> {
    return ctx.services.complaints.addCorrectiveAction(metaOf(ctx), refOf(input), input);
  }

  @Mutation(() => TicketType, { description: 'The owner (or a manager) reports a corrective action done, with evidence' })
  completeCorrectiveAction(
    @Arg('input', { description: 'The action and the evidence' }) input: CompleteCorrectiveActionInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.complaints.completeCorrectiveAction(metaOf(ctx), refOf(input), input);
  }

  @Mutation(() => TicketType, { description: 'A manager other than the owner verifies or rejects a DONE action' })
  verifyCorrectiveAction(
    @Arg('input', { description: 'The action, the verdict and a note' }) input: VerifyCorrectiveActionInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.complaints.verifyCorrectiveAction(metaOf(ctx), refOf(input), input);
  }

  @Mutation(() => TicketType, { description: 'Records what the complainant was told about the outcome' })
  giveComplaintFeedback(
    @Arg('input', { description: 'The complaint and what the complainant was told' }) input: GiveComplaintFeedbackInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.complaints.giveFeedback(metaOf(ctx), refOf(input), input.feedback);
  }

  @Authorized(...internalReaders)
  @FieldResolver(() => [CorrectiveActionType], { description: 'COMPLAINT tickets (staff); in plan order' })
  async correctiveActions(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): Promise<CorrectiveActionType[]> {
    if (ticket.kind !== 'COMPLAINT') return [];
    const now = ctx.services.tickets.now();
    return (await ctx.complaintLoaders.actions.load(ticket.id)).map((action) => ({
      ...action,
      owner: { id: action.ownerId },
      overdue: (action.status === 'OPEN' || action.status === 'REJECTED') && action.dueAt <= now,
    }));
  }

  @Authorized(...internalReaders)
  @FieldResolver(() => ComplaintClosureType, {
    nullable: true,
    description: 'COMPLAINT tickets (staff): what is missing before it may be resolved or closed; null for other kinds',
  })
  async complaintClosure(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): Promise<ComplaintClosureType | null> {
    if (ticket.kind !== 'COMPLAINT') return null;
    const [details, actions] = await Promise.all([
      ctx.loaders.complaint.load(ticket.id),
      ctx.complaintLoaders.actions.load(ticket.id),
    ]);
    const missing = missingForClosure(details, actions);
    return {
      ready: missing.length === 0,
      missing: missing.map((piece) => piece.requirement),
      messages: missing.map((piece) => piece.message),
    };
  }
}
