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
import { graphqlEnumOf } from '@opsgraph/graphql-kit';
import type { TicketContext } from '../context';
import { ticketPermissions } from '../permissions';
import type { Ticket } from '../tickets/ticket.model';
import { TicketType } from '../tickets/ticket.type';
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

  @FieldResolver(() => [TicketLinkType], { description: 'Parent, children and related tickets (staff only)' })
  async links(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): Promise<TicketLinkType[]> {
    if (!ctx.caller || !ticketPermissions.can(ctx.caller, 'READ_INTERNAL')) return [];
    return ctx.services.relations.linksOf(ticket.id);
  }
}
