// Canned replies on the graph (docs/product.md §12.5). Thin: rendering rules in canned-reply.rules.ts.
import { Text } from '@opsgraph/graphql-kit';
import { metaOf } from '@opsgraph/service-kit';
import { IsInt, Min } from 'class-validator';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { TicketContext } from '../context';
import type { CannedReply } from './canned-reply.repository';
import { CANNED_REPLY_VARIABLES } from './canned-reply.rules';

@ObjectType('CannedReply', {
  description: `A reply template; variables: ${CANNED_REPLY_VARIABLES.map((v) => `{{${v}}}`).join(', ')}`,
})
export class CannedReplyType {
  @Field(() => ID, { description: 'The canned reply’s id' })
  id: string;

  @Field(() => Int, {
    description: 'Optimistic-lock version: pass it as expectedVersion to change the reply',
  })
  version: number;

  @Field(() => ID, { nullable: true, description: 'Null: for every department' })
  departmentId: string | null;

  @Field({ description: 'Short title shown in the picker' })
  title: string;

  @Field({
    description:
      'The template text; may use {{customer.name}}, {{ticket.number}}, {{ticket.subject}} and {{ticket.dueAt}}',
  })
  body: string;
}

@InputType('DefineCannedReplyInput', {
  description:
    'Writes a canned reply for every department or one (OPS_MANAGER, OPS_DIRECTOR, ADMIN). A template naming a variable other than the four allowed is refused (BAD_USER_INPUT)',
})
export class DefineCannedReplyInput {
  @Field(() => ID, { nullable: true, description: 'Omit for every department' })
  departmentId?: string | null;

  @Field({ description: 'Short title, 1–200 characters' })
  @Text({ max: 200 })
  title: string;

  @Field({ description: 'The template, 1–5000 characters' })
  @Text({ max: 5000 })
  body: string;
}

@InputType('UpdateCannedReplyInput', {
  description:
    'Replaces a canned reply’s title, template and department (OPS_MANAGER, OPS_DIRECTOR, ADMIN); the same variables ' +
    'are allowed as when writing one',
})
export class UpdateCannedReplyInput extends DefineCannedReplyInput {
  @Field(() => ID, { description: 'The canned reply to update' })
  replyId: string;

  @Field(() => Int, { description: 'The reply’s version the client last saw; a stale one is a CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType('DeleteCannedReplyInput', { description: 'Deletes a canned reply (OPS_MANAGER, OPS_DIRECTOR, ADMIN)' })
export class DeleteCannedReplyInput {
  @Field(() => ID, { description: 'The canned reply to delete' })
  replyId: string;

  @Field(() => Int, { description: 'The reply’s version the client last saw; a stale one is a CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@Resolver(() => CannedReplyType)
export class CannedReplyResolver {
  @Query(() => [CannedReplyType], {
    description: 'Replies for every department and the caller’s own (staff)',
  })
  cannedReplies(
    @Ctx() ctx: TicketContext,
    @Arg('departmentId', () => ID, {
      description:
        'Only replies for this department (plus those for every department); null for the caller’s own',
      nullable: true,
    })
    departmentId?: string | null,
  ): Promise<CannedReply[]> {
    return ctx.services.cannedReplies.list(ctx.caller, departmentId ?? null);
  }

  @Query(() => String, { description: 'The reply rendered for a ticket (variables filled in as plain text)' })
  renderCannedReply(
    @Arg('replyId', () => ID, { description: 'The canned reply to render' }) replyId: string,
    @Arg('ticketId', () => ID, {
      description: 'The ticket whose values fill the variables; the caller must be able to see it',
    })
    ticketId: string,
    @Ctx() ctx: TicketContext,
  ): Promise<string> {
    return ctx.services.cannedReplies.render(ctx.caller, replyId, ticketId);
  }

  @Mutation(() => CannedReplyType, {
    description:
      'Adds a canned reply (OPS_MANAGER, OPS_DIRECTOR, ADMIN). Errors: FORBIDDEN; BAD_USER_INPUT (input.body with ' +
      'an unknown variable, input.departmentId unknown)',
  })
  defineCannedReply(
    @Arg('input', { description: 'The reply’s title, template and department' })
    input: DefineCannedReplyInput,
    @Ctx() ctx: TicketContext,
  ): Promise<CannedReply> {
    return ctx.services.cannedReplies.define(metaOf(ctx), {
      ...input,
      departmentId: input.departmentId ?? null,
    });
  }

  @Mutation(() => CannedReplyType, {
    description:
      'Updates a canned reply, replacing its title, template and department (OPS_MANAGER, OPS_DIRECTOR, ADMIN). ' +
      'Errors: FORBIDDEN; NOT_FOUND; CONFLICT (stale expectedVersion); BAD_USER_INPUT (input.body with an unknown ' +
      'variable, input.departmentId unknown)',
  })
  updateCannedReply(
    @Arg('input', { description: 'The reply at the version read, and its new title, template and department' })
    input: UpdateCannedReplyInput,
    @Ctx() ctx: TicketContext,
  ): Promise<CannedReply> {
    const { replyId, expectedVersion, departmentId, title, body } = input;
    return ctx.services.cannedReplies.update(
      metaOf(ctx),
      { replyId, expectedVersion },
      { departmentId: departmentId ?? null, title, body },
    );
  }

  @Mutation(() => CannedReplyType, {
    description:
      'Deletes a canned reply and returns it as it was (OPS_MANAGER, OPS_DIRECTOR, ADMIN). Errors: FORBIDDEN; ' +
      'NOT_FOUND; CONFLICT (stale expectedVersion)',
  })
  deleteCannedReply(
    @Arg('input', { description: 'The reply at the version read' }) input: DeleteCannedReplyInput,
    @Ctx() ctx: TicketContext,
  ): Promise<CannedReply> {
    return ctx.services.cannedReplies.delete(metaOf(ctx), input);
  }
}
