// The knowledge base's use-cases (docs/product.md §12.6): permission → pure rules → one unit of work (article row,
// revision line, audit line and event together). Reads filter by what the caller may see (canRead).
import {
  KnowledgeArticleArchived,
  KnowledgeArticleDrafted,
  KnowledgeArticlePublished,
  KnowledgeArticleReturned,
  KnowledgeArticleRevised,
  KnowledgeArticleSolvedTicket,
  KnowledgeArticleSubmitted,
} from '@opsgraph/contracts-events';
import {
  BadUserInputError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  type Caller,
  type KnownCaller,
  type RequestMeta,
} from '@opsgraph/domain';
import { draft, type EventDraft, type UnitOfWork, type WriteTransaction } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { referencesOf } from '../directory/directory.rules';
import type { ReferenceChecker } from '../directory/reference-checker';
import { ticketPermissions } from '../permissions';
import { scopeOf } from '../tickets/ticket.access';
import { TicketRepository } from '../tickets/ticket.repository';
import {
  KnowledgeReads,
  KnowledgeWrites,
  knowledgeArticleKind,
  type ArticleFilter,
  type KnowledgeRevision,
  type ScoredArticle,
  type SearchStrategy,
} from './knowledge-article.repository';
import {
  approvalProblem,
  canRead,
  canWriteFor,
  contentProblems,
  normaliseTags,
  statusAfter,
  type KnowledgeAction,
  type KnowledgeArticle,
  type KnowledgeContent,
} from './knowledge-article.rules';
import { searchQueryOf } from './knowledge-search.rules';

export interface Page {
  readonly first: number;
  readonly after: readonly unknown[] | null;
}

const snapshotOf = (a: KnowledgeArticle) => ({
  articleId: a.id,
  status: a.status,
  revision: a.revision,
  title: a.title,
  category: a.category,
  tags: [...a.tags],
  departmentId: a.departmentId,
  solvedCount: a.solvedCount,
});

export class KnowledgeService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly references: ReferenceChecker,
  ) {}

  private get reads(): KnowledgeReads {
    return new KnowledgeReads(this.unitOfWork.dataSource.manager);
  }

  /** The article, or NOT_FOUND when it does not exist or the caller may not read it. */
  async get(caller: Caller, id: string): Promise<KnowledgeArticle> {
    const known = ticketPermissions.require(caller, 'READ_KNOWLEDGE');
    const [article] = await this.reads.byIds([id]);
    if (article === undefined || !canRead(known, article)) throw new NotFoundError('KnowledgeArticle', id);
    return article;
  }

  /** The articles linked to the ticket as its solution that the caller reads (none for other roles). */
  async solutionsOf(caller: KnownCaller, ticketId: string): Promise<KnowledgeArticle[]> {
    if (!ticketPermissions.can(caller, 'READ_KNOWLEDGE')) return [];
    const ids = (await this.reads.solutionsOf([ticketId])).map((s) => s.articleId);
    return (await this.reads.byIds(ids)).filter((article) => canRead(caller, article));
  }

  list(caller: Caller, filter: ArticleFilter, page: Page) {
    return this.reads.list(ticketPermissions.require(caller, 'READ_KNOWLEDGE'), filter, page);
  }

  search(
    caller: Caller,
    text: string,
    filter: Omit<ArticleFilter, 'status'>,
    page: Page,
    strategy?: SearchStrategy,
  ): Promise<{ rows: ScoredArticle[]; total: number }> {
    const known = ticketPermissions.require(caller, 'READ_KNOWLEDGE');
    const query = searchQueryOf(text);
    if (query === null) throw new BadUserInputError('Type a word to search for', 'query');
    return this.reads.search(known, query, filter, page, strategy);
  }

  async revisions(caller: Caller, id: string): Promise<KnowledgeRevision[]> {
    await this.get(caller, id);
    return this.reads.revisions(id);
  }

  categories(caller: Caller) {
    return this.reads.categories(ticketPermissions.require(caller, 'READ_KNOWLEDGE'));
  }

  async draft(
    meta: RequestMeta,
    input: KnowledgeContent & { departmentId: string | null },
  ): Promise<KnowledgeArticle> {
    const caller = ticketPermissions.require(meta.caller, 'WRITE_KNOWLEDGE');
    if (!canWriteFor(caller, input.departmentId)) {
      throw new ForbiddenError('Agents and technicians write for every department or their own');
    }
    const content = this.checked(input);
    await this.references.require(referencesOf('DEPARTMENT', 'input.departmentId', [input.departmentId]));
    return this.unitOfWork.run(meta, async (tx) => {
      const article: KnowledgeArticle = {
        ...content,
        id: randomUUID(),
        version: 1,
        revision: 1,
        status: 'DRAFT',
        departmentId: input.departmentId,
        authorId: caller.userId,
        editedBy: caller.userId,
        approvedBy: null,
        publishedAt: null,
        solvedCount: 0,
        createdAt: tx.now,
        updatedAt: tx.now,
      };
      const saved = await this.save(
        tx,
        null,
        article,
        'DRAFT',
        draft(KnowledgeArticleDrafted, snapshotOf(article)),
      );
      await new KnowledgeWrites(tx.manager).addRevision(saved, tx.now);
      return saved;
    });
  }

  /** A new revision of the content; a published or reviewed article goes back to DRAFT. */
  revise(
    meta: RequestMeta,
    ref: { articleId: string; expectedVersion: number },
    input: KnowledgeContent,
  ): Promise<KnowledgeArticle> {
    const caller = ticketPermissions.require(meta.caller, 'WRITE_KNOWLEDGE');
    const content = this.checked(input);
    return this.change(meta, ref, 'REVISE', caller, async (current, status, tx) => {
      const after: KnowledgeArticle = {
        ...current,
        ...content,
        status,
        revision: current.revision + 1,
        editedBy: caller.userId,
        updatedAt: tx.now,
      };
      await new KnowledgeWrites(tx.manager).addRevision(after, tx.now);
      return {
        after,
        event: draft(KnowledgeArticleRevised, { ...snapshotOf(after), previousStatus: current.status }),
      };
    });
  }

  submit(meta: RequestMeta, ref: { articleId: string; expectedVersion: number }): Promise<KnowledgeArticle> {
    const caller = ticketPermissions.require(meta.caller, 'WRITE_KNOWLEDGE');
    return this.change(meta, ref, 'SUBMIT', caller, async (current, status, tx) => {
      const after = { ...current, status, updatedAt: tx.now };
      return { after, event: draft(KnowledgeArticleSubmitted, snapshotOf(after)) };
    });
  }

  /** A manager other than the revision's editor publishes it (P1 §三(一)2). */
  approve(meta: RequestMeta, ref: { articleId: string; expectedVersion: number }): Promise<KnowledgeArticle> {
    const caller = ticketPermissions.require(meta.caller, 'APPROVE_KNOWLEDGE');
    return this.change(meta, ref, 'APPROVE', caller, async (current, status, tx) => {
      const problem = approvalProblem(caller, current);
      if (problem !== null) throw new ForbiddenError(problem);
      const after = { ...current, status, approvedBy: caller.userId, publishedAt: tx.now, updatedAt: tx.now };
      return {
        after,
        event: draft(KnowledgeArticlePublished, { ...snapshotOf(after), approvedBy: caller.userId }),
      };
    });
  }

  returnToAuthor(
    meta: RequestMeta,
    ref: { articleId: string; expectedVersion: number },
    reason: string,
  ): Promise<KnowledgeArticle> {
    const caller = ticketPermissions.require(meta.caller, 'APPROVE_KNOWLEDGE');
    return this.change(meta, ref, 'RETURN', caller, async (current, status, tx) => {
      const after = { ...current, status, updatedAt: tx.now };
      return { after, event: draft(KnowledgeArticleReturned, { ...snapshotOf(after), reason }) };
    });
  }

  archive(meta: RequestMeta, ref: { articleId: string; expectedVersion: number }): Promise<KnowledgeArticle> {
    const caller = ticketPermissions.require(meta.caller, 'APPROVE_KNOWLEDGE');
    return this.change(meta, ref, 'ARCHIVE', caller, async (current, status, tx) => {
      const after = { ...current, status, updatedAt: tx.now };
      return { after, event: draft(KnowledgeArticleArchived, snapshotOf(after)) };
    });
  }

  /**
   * Links a published article to a ticket the caller sees as its solution: the ticket gets an audit line, the
   * article's solvedCount goes up (once per ticket).
   */
  async linkToTicket(meta: RequestMeta, articleId: string, ticketId: string): Promise<KnowledgeArticle> {
    const caller = ticketPermissions.require(meta.caller, 'LINK');
    await this.get(caller, articleId);
    return this.unitOfWork.run(meta, async (tx) => {
      const [ticket] = await new TicketRepository(tx.manager).findByIds([ticketId], scopeOf(caller));
      if (ticket === undefined) throw new BadUserInputError(`No ticket ${ticketId}`, 'input.ticketId');
      const current = await tx.load(knowledgeArticleKind, articleId);
      if (statusAfter(current.status, 'LINK_TO_TICKET') === null) {
        throw new InvalidTransitionError('Only a published article is linked to a ticket', current.status);
      }
      if (!(await new KnowledgeWrites(tx.manager).addSolution(ticketId, articleId, caller.userId, tx.now))) {
        throw new BadUserInputError(
          `${ticket.number} already has this article as a solution`,
          'input.articleId',
        );
      }
      await tx.audit('ticket', ticket, 'LINK_SOLUTION', { articleId, title: current.title });
      const after = { ...current, solvedCount: current.solvedCount + 1, updatedAt: tx.now };
      return this.save(
        tx,
        current,
        after,
        'LINK_TO_TICKET',
        draft(KnowledgeArticleSolvedTicket, { ...snapshotOf(after), ticketId }),
      );
    });
  }

  private checked<T extends KnowledgeContent>(input: T): T {
    const problems = contentProblems(input);
    if (problems.length > 0) throw new BadUserInputError(problems[0]!.message, problems[0]!.field, problems);
    return { ...input, tags: normaliseTags(input.tags) };
  }

  private change(
    meta: RequestMeta,
    ref: { articleId: string; expectedVersion: number },
    action: KnowledgeAction,
    caller: KnownCaller,
    decide: (
      current: KnowledgeArticle,
      status: KnowledgeArticle['status'],
      tx: WriteTransaction,
    ) => Promise<{ after: KnowledgeArticle; event: EventDraft }>,
  ): Promise<KnowledgeArticle> {
    return this.unitOfWork.run(meta, async (tx) => {
      const current = await tx.load(knowledgeArticleKind, ref.articleId, ref.expectedVersion);
      if (!canRead(caller, current)) throw new NotFoundError('KnowledgeArticle', ref.articleId);
      if (!canWriteFor(caller, current.departmentId)) {
        throw new ForbiddenError('This article belongs to another department');
      }
      const status = statusAfter(current.status, action);
      if (status === null) {
        throw new InvalidTransitionError(
          `Cannot ${action} an article that is ${current.status}`,
          current.status,
        );
      }
      const { after, event } = await decide(current, status, tx);
      return this.save(tx, current, after, action, event);
    });
  }

  private save(
    tx: WriteTransaction,
    before: KnowledgeArticle | null,
    after: KnowledgeArticle,
    action: string,
    event: EventDraft,
  ): Promise<KnowledgeArticle> {
    return tx.save(knowledgeArticleKind, before, {
      after,
      action,
      events: [event],
      changes: { status: after.status, revision: after.revision },
    });
  }
}
