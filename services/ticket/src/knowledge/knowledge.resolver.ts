// The knowledge base on the graph (docs/product.md §12.6). Thin: rules in knowledge-article.rules.ts, search in
// knowledge-search.rules.ts, use-cases in knowledge.service.ts.
import { ConnectionArgs, pageRequest, toConnection, Text, type ConnectionShape } from '@opsgraph/graphql-kit';
import { metaOf } from '@opsgraph/service-kit';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { TicketContext } from '../context';
import type { Ticket } from '../tickets/ticket.model';
import { TicketType } from '../tickets/ticket.type';
import type { KnowledgeRevision, ScoredArticle } from './knowledge-article.repository';
import type { KnowledgeArticle } from './knowledge-article.rules';
import {
  DraftKnowledgeArticleInput,
  KnowledgeArticleConnection,
  KnowledgeArticleFilterInput,
  KnowledgeArticleRefInput,
  KnowledgeArticleType,
  KnowledgeCategoryType,
  KnowledgeRevisionType,
  KnowledgeSearchConnection,
  LinkKnowledgeArticleInput,
  ReturnKnowledgeArticleInput,
  ReviseKnowledgeArticleInput,
} from './knowledge-article.type';

@ArgsType()
class KnowledgeArticlesArgs extends ConnectionArgs {
  @Field(() => KnowledgeArticleFilterInput, { nullable: true, description: 'Narrows the list' })
  filter?: KnowledgeArticleFilterInput | null;
}

@ArgsType()
class SearchKnowledgeArgs extends ConnectionArgs {
  @Field({
    description: 'Words in Chinese or English; every word must match (typos: a similar wording also does)',
  })
  @Text({ max: 200 })
  query: string;

  @Field(() => String, { nullable: true, description: 'Only this category' })
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'Only articles with this tag' })
  tag?: string | null;
}

const ref = (input: KnowledgeArticleRefInput) => ({
  articleId: input.articleId,
  expectedVersion: input.expectedVersion,
});

@Resolver(() => KnowledgeArticleType)
export class KnowledgeResolver {
  @Query(() => KnowledgeArticleType, { description: 'One article (staff and analysts; per department)' })
  knowledgeArticle(
    @Arg('id', () => ID, { description: 'The article' }) id: string,
    @Ctx() ctx: TicketContext,
  ) {
    return ctx.services.knowledge.get(ctx.caller, id);
  }

  @Query(() => KnowledgeArticleConnection, {
    description: 'Articles the caller reads, most recently changed first',
  })
  async knowledgeArticles(
    @Args() args: KnowledgeArticlesArgs,
    @Ctx() ctx: TicketContext,
  ): Promise<ConnectionShape<KnowledgeArticle>> {
    const page = pageRequest(args);
    const { rows, total } = await ctx.services.knowledge.list(ctx.caller, args.filter ?? {}, page);
    return toConnection(rows, page.first, (a) => [a.updatedAt.toISOString(), a.id], total);
  }

  @Query(() => KnowledgeSearchConnection, {
    description:
      'Full-text search of published articles in Chinese and English (title, problem, solution, steps, category, tags), best first',
  })
  async searchKnowledge(
    @Args() args: SearchKnowledgeArgs,
    @Ctx() ctx: TicketContext,
  ): Promise<ConnectionShape<ScoredArticle>> {
    const page = pageRequest(args);
    const { rows, total } = await ctx.services.knowledge.search(
      ctx.caller,
      args.query,
      { category: args.category, tag: args.tag },
      page,
    );
    return toConnection(rows, page.first, (hit) => [hit.score, hit.article.id], total);
  }

  @Query(() => [KnowledgeCategoryType], { description: 'Categories of the articles the caller reads' })
  knowledgeCategories(@Ctx() ctx: TicketContext) {
    return ctx.services.knowledge.categories(ctx.caller);
  }

  @FieldResolver(() => [KnowledgeRevisionType], {
    description: 'Every revision of the content, newest first',
  })
  revisions(@Root() article: KnowledgeArticle, @Ctx() ctx: TicketContext): Promise<KnowledgeRevision[]> {
    return ctx.services.knowledge.revisions(ctx.caller, article.id);
  }

  @Mutation(() => KnowledgeArticleType, { description: 'Writes a new article as a DRAFT (staff)' })
  draftKnowledgeArticle(
    @Arg('input', { description: 'The article’s content and department' }) input: DraftKnowledgeArticleInput,
    @Ctx() ctx: TicketContext,
  ) {
    const { departmentId, ...content } = input;
    return ctx.services.knowledge.draft(metaOf(ctx), { ...content, departmentId: departmentId ?? null });
  }

  @Mutation(() => KnowledgeArticleType, {
    description:
      'Saves new content as the next revision; a published article goes back to DRAFT for approval',
  })
  reviseKnowledgeArticle(
    @Arg('input', { description: 'The article, its version and the new content' })
    input: ReviseKnowledgeArticleInput,
    @Ctx() ctx: TicketContext,
  ) {
    return ctx.services.knowledge.revise(metaOf(ctx), ref(input), input.content);
  }

  @Mutation(() => KnowledgeArticleType, { description: 'Submits a DRAFT for a manager’s review' })
  submitKnowledgeArticle(
    @Arg('input', { description: 'The article and its version as read' }) input: KnowledgeArticleRefInput,
    @Ctx() ctx: TicketContext,
  ) {
    return ctx.services.knowledge.submit(metaOf(ctx), ref(input));
  }

  @Mutation(() => KnowledgeArticleType, {
    description: 'Approves and publishes an article under review (a manager other than its last editor)',
  })
  approveKnowledgeArticle(
    @Arg('input', { description: 'The article and its version as read' }) input: KnowledgeArticleRefInput,
    @Ctx() ctx: TicketContext,
  ) {
    return ctx.services.knowledge.approve(metaOf(ctx), ref(input));
  }

  @Mutation(() => KnowledgeArticleType, {
    description: 'Returns an article under review to DRAFT (managers)',
  })
  returnKnowledgeArticle(
    @Arg('input', { description: 'The article, its version and what to change' })
    input: ReturnKnowledgeArticleInput,
    @Ctx() ctx: TicketContext,
  ) {
    return ctx.services.knowledge.returnToAuthor(metaOf(ctx), ref(input), input.reason);
  }

  @Mutation(() => KnowledgeArticleType, { description: 'Archives an article (managers)' })
  archiveKnowledgeArticle(
    @Arg('input', { description: 'The article and its version as read' }) input: KnowledgeArticleRefInput,
    @Ctx() ctx: TicketContext,
  ) {
    return ctx.services.knowledge.archive(metaOf(ctx), ref(input));
  }

  @Mutation(() => KnowledgeArticleType, {
    description: 'Links a published article to a ticket as its solution (counts in solvedCount)',
  })
  linkKnowledgeArticle(
    @Arg('input', { description: 'The article and the ticket it solved' }) input: LinkKnowledgeArticleInput,
    @Ctx() ctx: TicketContext,
  ) {
    return ctx.services.knowledge.linkToTicket(metaOf(ctx), input.articleId, input.ticketId);
  }
}

@Resolver(() => TicketType)
export class TicketSolutionsResolver {
  @FieldResolver(() => [KnowledgeArticleType], {
    description: 'Knowledge articles linked as this ticket’s solution (staff; those the caller reads)',
  })
  solutions(@Root() ticket: Ticket, @Ctx() ctx: TicketContext): Promise<KnowledgeArticle[]> {
    if (!ctx.caller) return Promise.resolve([]);
    return ctx.services.knowledge.solutionsOf(ctx.caller, ticket.id);
  }
}
