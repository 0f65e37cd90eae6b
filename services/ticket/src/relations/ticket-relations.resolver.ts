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
);
const LinkRoleEnum = graphqlEnumOf(LINK_ROLES, 'TicketLinkRole', 'What the other ticket is to this one');

@InputType('LinkTicketsInput')
export class LinkTicketsInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => ID)
  otherTicketId: string;

  @Field(() => RelationKindEnum, { description: 'PARENT_OF: this ticket becomes the other one’s parent' })
  kind: RelationKind;
}

@ObjectType('TicketLink')
class TicketLinkType {
  @Field(() => LinkRoleEnum)
  role: LinkRole;

  @Field(() => ID)
  ticketId: string;

  @Field()
  number: string;
}

@Resolver(() => TicketType)
export class TicketRelationsResolver {
  @Mutation(() => TicketType, {
    description: 'Links two tickets (staff); a parent cannot resolve while a child is open',
  })
  linkTickets(@Arg('input') input: LinkTicketsInput, @Ctx() ctx: TicketContext): Promise<Ticket> {
    const { ticketId, expectedVersion, otherTicketId, kind } = input;
    return ctx.services.relations.link(metaOf(ctx), { ticketId, expectedVersion }, otherTicketId, kind);
  }

  @FieldResolver(() => [TicketLinkType], { description: 'Parent, children and related tickets (staff only)' })
  async links(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): Promise<TicketLinkType[]> {
    if (!ctx.caller || !ticketPermissions.can(ctx.caller, 'READ_INTERNAL')) return [];
    return ctx.services.relations.linksOf(ticket.id);
  }
}
