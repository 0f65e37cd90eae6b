// Links between tickets on the graph (docs/product.md §12.4). Thin: rules in ticket-relations.rules.ts.
import { metaOf } from '@opsgraph/service-kit';
import { IsInt, Min } from 'class-validator';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Resolver,
  Root,
} from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, ValidateNested } from 'class-validator';
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import type { TicketContext } from '../context';
import { ticketPermissions } from '../permissions';
import type { Ticket } from '../tickets/ticket.model';
import { TicketType } from '../tickets/ticket.type';
import { MAX_DUPLICATES } from './ticket-merge.service';
import { LINK_ROLES, RELATION_KINDS, type LinkRole, type RelationKind } from './ticket-relations.rules';

const RelationKindEnum = graphqlEnumOf(
  RELATION_KINDS,
  'TicketRelationKind',
  'RELATED, or PARENT_OF (parent → child)',
  { RELATED: 'Related tickets (shown on both)', PARENT_OF: 'The linking ticket is the parent of the other' },
);
const LinkRoleEnum = graphqlEnumOf(LINK_ROLES, 'TicketLinkRole', 'What the other ticket is to this one', {
  RELATED: 'A related ticket',
  PARENT: 'This ticket’s parent',
  CHILD: 'A child of this ticket',
});

@InputType('LinkTicketsInput', {
  description:
    'Links two tickets as RELATED or PARENT_OF (AGENT, TECHNICIAN, managers). A child has one parent, no cycles, no duplicate links: BAD_USER_INPUT or CONFLICT otherwise',
})
export class LinkTicketsInput {
  @Field(() => ID, {
    description: 'The linking ticket (the parent for PARENT_OF); the link is in its audit trail',
  })
  ticketId: string;

  @Field(() => Int, {
    description: 'The linking ticket’s version the client last saw; a stale one is a CONFLICT',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => ID, { description: 'The other ticket (the child for PARENT_OF)' })
  otherTicketId: string;

  @Field(() => RelationKindEnum, { description: 'PARENT_OF: this ticket becomes the other one’s parent' })
  kind: RelationKind;
}

@InputType('UnlinkTicketsInput', {
  description: 'Removes the link between two tickets, whichever of them made it (AGENT, TECHNICIAN, managers)',
})
export class UnlinkTicketsInput {
  @Field(() => ID, { description: 'The ticket whose audit trail records the removal' })
  ticketId: string;

  @Field(() => Int, { description: 'That ticket’s version the client last saw; a stale one is a CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => ID, { description: 'The other ticket of the link' })
  otherTicketId: string;
}

@InputType('MergeTicketRefInput', { description: 'A ticket at the version the caller saw' })
export class MergeTicketRefInput {
  @Field(() => ID, { description: 'The ticket' })
  ticketId: string;

  @Field(() => Int, { description: 'Its version as read' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType('MergeTicketsInput', {
  description: 'Duplicates to merge into one surviving ticket of the same customer',
})
export class MergeTicketsInput {
  @Field(() => MergeTicketRefInput, {
    description: 'The ticket that stays open and receives the others’ history',
  })
  @ValidateNested()
  survivor: MergeTicketRefInput;

  @Field(() => [MergeTicketRefInput], {
    description: `The duplicates (1 to ${MAX_DUPLICATES}), closed as MERGED`,
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_DUPLICATES)
  @ValidateNested({ each: true })
  duplicates: MergeTicketRefInput[];
}

@ObjectType('TicketLink', { description: 'A link to another ticket' })
class TicketLinkType {
  @Field(() => LinkRoleEnum, { description: 'What the other ticket is to this one' })
  role: LinkRole;

  @Field(() => ID, { description: 'The other ticket' })
  ticketId: string;

  @Field({ description: 'The other ticket’s number' })
  number: string;
}

@Resolver(() => TicketType)
export class TicketRelationsResolver {
  @Mutation(() => TicketType, {
    description: 'Links two tickets (staff); a parent cannot resolve while a child is open',
  })
  linkTickets(
    @Arg('input', { description: 'The two tickets and the kind of link' }) input: LinkTicketsInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    const { ticketId, expectedVersion, otherTicketId, kind } = input;
    return ctx.services.relations.link(metaOf(ctx), { ticketId, expectedVersion }, otherTicketId, kind);
  }

  @Mutation(() => TicketType, {
    description:
      'Removes the link between two tickets (staff); publishes ticket.unlinked. Errors: FORBIDDEN; NOT_FOUND; ' +
      'CONFLICT (stale expectedVersion); BAD_USER_INPUT (input.otherTicketId unknown or not linked)',
  })
  unlinkTickets(
    @Arg('input', { description: 'The ticket, at the version read, and the other ticket of the link' })
    input: UnlinkTicketsInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    const { ticketId, expectedVersion, otherTicketId } = input;
    return ctx.services.relations.unlink(metaOf(ctx), { ticketId, expectedVersion }, otherTicketId);
  }

  @Mutation(() => TicketType, {
    description:
      'Merges duplicates into the survivor (staff): their notes, links and solutions move to it, each duplicate is closed as MERGED pointing to it',
  })
  mergeTickets(
    @Arg('input', { description: 'The survivor and its duplicates, each at the version read' })
    input: MergeTicketsInput,
    @Ctx() ctx: TicketContext,
  ): Promise<Ticket> {
    return ctx.services.merge.merge(metaOf(ctx), input.survivor, input.duplicates);
  }

  @FieldResolver(() => TicketType, {
    nullable: true,
    description: 'The ticket this one was merged into as a duplicate (null unless closed as MERGED)',
  })
  mergedInto(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): Promise<Ticket | null> | null {
    return ticket.mergedIntoId === null ? null : ctx.loaders.byId.load(ticket.mergedIntoId);
  }

  @FieldResolver(() => [TicketLinkType], { description: 'Parent, children and related tickets (staff only)' })
  async links(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): Promise<TicketLinkType[]> {
    if (!ctx.caller || !ticketPermissions.can(ctx.caller, 'READ_INTERNAL')) return [];
    return ctx.services.relations.linksOf(ticket.id);
  }
}
