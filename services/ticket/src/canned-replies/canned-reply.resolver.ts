// Canned replies on the graph (docs/product.md §12.5). Thin: rendering rules in canned-reply.rules.ts.
import { Text } from '@opsgraph/graphql-kit';
import { metaOf } from '@opsgraph/service-kit';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { TicketContext } from '../context';
import type { CannedReply } from './canned-reply.repository';
import { CANNED_REPLY_VARIABLES } from './canned-reply.rules';

@ObjectType('CannedReply', {
  description: `A reply template; variables: ${CANNED_REPLY_VARIABLES.map((v) => `{{${v}}}`).join(', ')}`,
})
export class CannedReplyType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => ID, { nullable: true, description: 'Null: for every department' })
  departmentId: string | null;

  @Field()
  title: string;

  @Field()
  body: string;
}

@InputType('DefineCannedReplyInput')
export class DefineCannedReplyInput {
  @Field(() => ID, { nullable: true, description: 'Omit for every department' })
  departmentId?: string | null;

  @Field()
  @Text({ max: 200 })
  title: string;

  @Field()
  @Text({ max: 5000 })
  body: string;
}

@Resolver(() => CannedReplyType)
export class CannedReplyResolver {
  @Query(() => [CannedReplyType], {
    description: 'Replies for every department and the caller’s own (staff)',
  })
  cannedReplies(
    @Ctx() ctx: TicketContext,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId?: string | null,
  ): Promise<CannedReply[]> {
    return ctx.services.cannedReplies.list(ctx.caller, departmentId ?? null);
  }

  @Query(() => String, { description: 'The reply rendered for a ticket (variables filled in as plain text)' })
  renderCannedReply(
    @Arg('replyId', () => ID) replyId: string,
    @Arg('ticketId', () => ID) ticketId: string,
    @Ctx() ctx: TicketContext,
  ): Promise<string> {
    return ctx.services.cannedReplies.render(ctx.caller, replyId, ticketId);
  }

  @Mutation(() => CannedReplyType, { description: 'Adds a canned reply (OPS_MANAGER, OPS_DIRECTOR, ADMIN)' })
  defineCannedReply(
    @Arg('input') input: DefineCannedReplyInput,
    @Ctx() ctx: TicketContext,
  ): Promise<CannedReply> {
    return ctx.services.cannedReplies.define(metaOf(ctx), {
      ...input,
      departmentId: input.departmentId ?? null,
    });
  }
}
