import { sqlMigration } from '@opsgraph/persistence';

/**
 * The knowledge base (docs/product.md §12.6): articles, every revision of their content, and the tickets they
 * solved. Search: `search_vector` over the text with CJK runs cut into bigrams (knowledge-search.rules.ts), and a
 * trigram index over the plain text for the similarity fallback (pg_trgm, created by CreateTickets).
 */
export const CreateKnowledgeBase1762000000018 = sqlMigration({
  name: 'CreateKnowledgeBase1762000000018',
  up: [
    `
      create table knowledge_articles (
        id uuid primary key,
        version int not null check (version >= 1),
        revision int not null check (revision >= 1),
        status text not null check (status in ('DRAFT', 'REVIEW', 'PUBLISHED', 'ARCHIVED')),
        department_id uuid null,
        category text not null,
        tags text[] not null default '{}',
        title text not null,
        problem text not null,
        solution text not null,
        steps jsonb not null default '[]',
        attachments jsonb not null default '[]',
        author_id text not null,
        edited_by text not null,
        approved_by text null,
        published_at timestamptz null,
        solved_count int not null default 0 check (solved_count >= 0),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        search_tokens text not null,
        search_text text not null,
        search_vector tsvector generated always as (to_tsvector('english', search_tokens)) stored
      )`,
    'create index knowledge_articles_search_idx on knowledge_articles using gin (search_vector)',
    'create index knowledge_articles_trigram_idx on knowledge_articles using gin (search_text gin_trgm_ops)',
    'create index knowledge_articles_list_idx on knowledge_articles (status, updated_at desc, id)',
    'create index knowledge_articles_tags_idx on knowledge_articles using gin (tags)',
    `
      create table knowledge_article_revisions (
        article_id uuid not null references knowledge_articles (id),
        revision int not null,
        title text not null,
        problem text not null,
        solution text not null,
        steps jsonb not null,
        attachments jsonb not null,
        category text not null,
        tags text[] not null,
        edited_by text not null,
        edited_at timestamptz not null,
        primary key (article_id, revision)
      )`,
    `
      create table ticket_solutions (
        ticket_id uuid not null references tickets (id),
        article_id uuid not null references knowledge_articles (id),
        linked_by text not null,
        linked_at timestamptz not null,
        primary key (ticket_id, article_id)
      )`,
    'create index ticket_solutions_article_idx on ticket_solutions (article_id)',
  ],
  down: [
    'drop table ticket_solutions',
    'drop table knowledge_article_revisions',
    'drop table knowledge_articles',
  ],
});
