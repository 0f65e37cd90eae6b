// GraphQL types and inputs of the knowledge base (docs/product.md §12.6).
import { Connection, graphqlEnumOf, Text } from '@opsgraph/graphql-kit';
import { ArrayMaxSize, IsInt, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { KNOWLEDGE_STATUSES, type KnowledgeStatus } from './knowledge-article.rules';

export const KnowledgeStatusEnum = graphqlEnumOf(
  KNOWLEDGE_STATUSES,
  'KnowledgeArticleStatus',
  'Where an article is in its review: DRAFT → REVIEW → PUBLISHED (→ ARCHIVED)',
  {
    DRAFT: 'Being written or revised; only its department and author read it',
    REVIEW: 'Submitted for a manager’s approval',
    PUBLISHED: 'Approved by a manager: found by search and linked to tickets',
    ARCHIVED: 'Withdrawn: kept with its history, no longer found',
  },
);

@ObjectType('KnowledgeAttachment', { description: 'A link attached to an article (http or https)' })
export class KnowledgeAttachmentType {
  @Field({ description: 'What the link shows, e.g. "Wiring diagram"' })
  label: string;

  @Field({ description: 'Absolute http(s) URL' })
  url: string;
}

/** The content fields an article and each of its revisions share (a base class, not a type of the schema). */
@ObjectType()
abstract class KnowledgeContentFields {
  @Field({ description: 'Title' })
  title: string;

  @Field({ description: 'The problem as users report it' })
  problem: string;

  @Field({ description: 'The solution' })
  solution: string;

  @Field(() => [String], { description: 'Steps to apply the solution, in order' })
  steps: string[];

  @Field(() => [KnowledgeAttachmentType], { description: 'Linked documents' })
  attachments: KnowledgeAttachmentType[];

  @Field({ description: 'Category, e.g. "Network"' })
  category: string;

  @Field(() => [String], { description: 'Tags (lower-case)' })
  tags: string[];
}

@ObjectType('KnowledgeArticle', {
  description: 'A knowledge-base article: a problem, its solution and the steps to apply it',
})
export class KnowledgeArticleType extends KnowledgeContentFields {
  @Field(() => ID, { description: 'The article’s id' })
  id: string;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it as expectedVersion' })
  version: number;

  @Field(() => Int, { description: 'Content version: every edit adds one (see revisions)' })
  revision: number;

  @Field(() => KnowledgeStatusEnum, { description: 'Review status' })
  status: KnowledgeStatus;

  @Field(() => ID, {
    nullable: true,
    description: 'The department it is written for; null: every department',
  })
  departmentId: string | null;

  @Field({ description: 'User id of the author' })
  authorId: string;

  @Field({ description: 'User id of whoever wrote the current revision' })
  editedBy: string;

  @Field(() => String, { nullable: true, description: 'User id of the manager who approved the publication' })
  approvedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was last published' })
  publishedAt: Date | null;

  @Field(() => Int, { description: 'How many tickets it was linked to as their solution' })
  solvedCount: number;

  @Field({ description: 'When it was written' })
  createdAt: Date;

  @Field({ description: 'When it last changed' })
  updatedAt: Date;
}

@ObjectType('KnowledgeArticleRevision', { description: 'One version of an article’s content' })
export class KnowledgeRevisionType extends KnowledgeContentFields {
  @Field(() => Int, { description: 'The revision number' })
  revision: number;

  @Field({ description: 'User id of the editor' })
  editedBy: string;

  @Field({ description: 'When this revision was written' })
  editedAt: Date;
}

@ObjectType('KnowledgeCategory', { description: 'A category with the number of articles in it' })
export class KnowledgeCategoryType {
  @Field({ description: 'The category' })
  name: string;

  @Field(() => Int, { description: 'Articles (not archived) the caller reads in it' })
  articleCount: number;
}

@ObjectType('KnowledgeSearchHit', { description: 'An article that matches a search, with its relevance' })
export class KnowledgeSearchHitType {
  @Field(() => KnowledgeArticleType, { description: 'The article' })
  article: KnowledgeArticleType;

  @Field({ description: 'Relevance (higher is better; decimal string)' })
  score: string;
}

export const KnowledgeArticleConnection = Connection(KnowledgeArticleType, 'KnowledgeArticle');
export const KnowledgeSearchConnection = Connection(KnowledgeSearchHitType, 'KnowledgeSearchHit');

@InputType('KnowledgeAttachmentInput', { description: 'A link to attach' })
export class KnowledgeAttachmentInput {
  @Field({ description: 'What the link shows' })
  @Text({ max: 200 })
  label: string;

  @Field({ description: 'Absolute http(s) URL' })
  @Text({ max: 2000 })
  url: string;
}

@InputType('KnowledgeContentInput', { description: 'An article’s content (every edit is a new revision)' })
export class KnowledgeContentInput {
  @Field({ description: 'Title' })
  @Text({ max: 200 })
  title: string;

  @Field({ description: 'The problem as users report it' })
  @Text({ max: 5000 })
  problem: string;

  @Field({ description: 'The solution' })
  @Text({ max: 20000 })
  solution: string;

  @Field(() => [String], { defaultValue: [], description: 'Steps, in order (at most 30)' })
  @ArrayMaxSize(30)
  steps: string[];

  @Field(() => [KnowledgeAttachmentInput], { defaultValue: [], description: 'Links (at most 10)' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  attachments: KnowledgeAttachmentInput[];

  @Field({ description: 'Category' })
  @Text({ max: 100 })
  category: string;

  @Field(() => [String], { defaultValue: [], description: 'Tags (at most 10)' })
  tags: string[];
}

@InputType('DraftKnowledgeArticleInput', { description: 'A new article (DRAFT)' })
export class DraftKnowledgeArticleInput extends KnowledgeContentInput {
  @Field(() => ID, { nullable: true, description: 'Omit for every department' })
  departmentId?: string | null;
}

@InputType('KnowledgeArticleRefInput', { description: 'An article at the version the caller saw' })
export class KnowledgeArticleRefInput {
  @Field(() => ID, { description: 'The article' })
  articleId: string;

  @Field(() => Int, { description: 'Its version as read' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType('ReviseKnowledgeArticleInput', { description: 'New content for an article' })
export class ReviseKnowledgeArticleInput extends KnowledgeArticleRefInput {
  @Field(() => KnowledgeContentInput, { description: 'The whole new content' })
  @ValidateNested()
  content: KnowledgeContentInput;
}

@InputType('ReturnKnowledgeArticleInput', { description: 'Returning an article under review to its author' })
export class ReturnKnowledgeArticleInput extends KnowledgeArticleRefInput {
  @Field({ description: 'What to change' })
  @Text({ max: 2000 })
  reason: string;
}

@InputType('LinkKnowledgeArticleInput', { description: 'A published article as a ticket’s solution' })
export class LinkKnowledgeArticleInput {
  @Field(() => ID, { description: 'The article' })
  articleId: string;

  @Field(() => ID, { description: 'The ticket it solved' })
  ticketId: string;
}

@InputType('KnowledgeArticleFilter', { description: 'Narrows a list of articles' })
export class KnowledgeArticleFilterInput {
  @Field(() => KnowledgeStatusEnum, { nullable: true, description: 'Only this status' })
  status?: KnowledgeStatus | null;

  @Field(() => String, { nullable: true, description: 'Only this category' })
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'Only articles with this tag' })
  tag?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only articles written for this department' })
  departmentId?: string | null;
}
