// The knowledge base (docs/product.md §12.6): articles written by staff, approved by a manager before they are
// published, and linked to the tickets they solved. Each event carries the article's metadata after it (never its
// full text: consumers that need it read the graph).
import { Type } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { Nullable, StringEnum, Text, Uuid } from '../schema';

export const KNOWLEDGE_ARTICLE_STATUSES = ['DRAFT', 'REVIEW', 'PUBLISHED', 'ARCHIVED'] as const;

export const knowledgeArticleSnapshotProperties = {
  articleId: Uuid(),
  status: StringEnum(KNOWLEDGE_ARTICLE_STATUSES),
  revision: Type.Integer({ minimum: 1, description: 'Content version: every edit adds one.' }),
  title: Text(),
  category: Text(),
  tags: Type.Array(Type.String()),
  departmentId: Nullable(Uuid(), { description: 'Null: for every department.' }),
  solvedCount: Type.Integer({
    minimum: 0,
    description: 'Tickets this article was linked to as their solution.',
  }),
};

const knowledgeEvent = snapshotEvents('knowledge', knowledgeArticleSnapshotProperties);

export const KnowledgeArticleDrafted = knowledgeEvent(
  'knowledge.article_drafted',
  'A knowledge article was written (revision 1, DRAFT).',
  {},
);
export const KnowledgeArticleRevised = knowledgeEvent(
  'knowledge.article_revised',
  'An article’s content changed (a new revision); a revised published article goes back to DRAFT.',
  { previousStatus: StringEnum(KNOWLEDGE_ARTICLE_STATUSES) },
);
export const KnowledgeArticleSubmitted = knowledgeEvent(
  'knowledge.article_submitted',
  'An article was submitted for a manager’s review.',
  {},
);
export const KnowledgeArticlePublished = knowledgeEvent(
  'knowledge.article_published',
  'A manager approved the article’s revision and it was published.',
  { approvedBy: Text({ description: 'The approving manager’s user id.' }) },
);
export const KnowledgeArticleReturned = knowledgeEvent(
  'knowledge.article_returned',
  'A manager returned the article under review to its author (back to DRAFT).',
  { reason: Text() },
);
export const KnowledgeArticleArchived = knowledgeEvent(
  'knowledge.article_archived',
  'The article was archived: no longer found by search or linked to tickets.',
  {},
);
export const KnowledgeArticleSolvedTicket = knowledgeEvent(
  'knowledge.article_solved_ticket',
  'The article was linked to a ticket as its solution (solvedCount includes it).',
  { ticketId: Uuid() },
);

export const knowledgeEventDefinitions = [
  KnowledgeArticleDrafted,
  KnowledgeArticleRevised,
  KnowledgeArticleSubmitted,
  KnowledgeArticlePublished,
  KnowledgeArticleReturned,
  KnowledgeArticleArchived,
  KnowledgeArticleSolvedTicket,
] as const;
export type KnowledgeEvent = EventOf<(typeof knowledgeEventDefinitions)[number]>;
