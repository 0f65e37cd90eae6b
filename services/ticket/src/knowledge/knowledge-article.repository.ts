// knowledge_articles: the unit of work's store, the revisions, and the reads (lists, search, solutions of a ticket).
// Visibility (knowledge-article.rules.ts canRead) is applied in SQL for lists so that pages and counts agree.
import { Role, type KnownCaller } from '@opsgraph/domain';
import { sqlTableStore, type AggregateKind, type SqlColumns } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import {
  searchableText,
  type KnowledgeArticle,
  type KnowledgeAttachment,
  type KnowledgeContent,
  type KnowledgeStatus,
} from './knowledge-article.rules';
import { searchText, searchTokens, type SearchQuery } from './knowledge-search.rules';

interface Row {
  id: string;
  version: number;
  revision: number;
  status: KnowledgeStatus;
  department_id: string | null;
  category: string;
  tags: string[];
  title: string;
  problem: string;
  solution: string;
  steps: string[];
  attachments: KnowledgeAttachment[];
  author_id: string;
  edited_by: string;
  approved_by: string | null;
  published_at: Date | null;
  solved_count: number;
  created_at: Date;
  updated_at: Date;
}

const toArticle = (row: Row): KnowledgeArticle => ({
  id: row.id,
  version: row.version,
  revision: row.revision,
  status: row.status,
  departmentId: row.department_id,
  category: row.category,
  tags: row.tags,
  title: row.title,
  problem: row.problem,
  solution: row.solution,
  steps: row.steps,
  attachments: row.attachments,
  authorId: row.author_id,
  editedBy: row.edited_by,
  approvedBy: row.approved_by,
  publishedAt: row.published_at,
  solvedCount: row.solved_count,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The content columns: an article and its revisions store the same. */
const CONTENT: SqlColumns<KnowledgeContent> = [
  ['category', (c) => c.category],
  ['tags', (c) => c.tags],
  ['title', (c) => c.title],
  ['problem', (c) => c.problem],
  ['solution', (c) => c.solution],
  ['steps', (c) => JSON.stringify(c.steps)],
  ['attachments', (c) => JSON.stringify(c.attachments)],
];
const CONTENT_COLUMNS = CONTENT.map(([column]) => column).join(', ');
const contentValues = (c: KnowledgeContent): unknown[] => CONTENT.map(([, value]) => value(c));

const ARTICLE: SqlColumns<KnowledgeArticle> = [
  ['version', (a) => a.version],
  ['revision', (a) => a.revision],
  ['status', (a) => a.status],
  ['department_id', (a) => a.departmentId],
  ...CONTENT,
  ['author_id', (a) => a.authorId],
  ['edited_by', (a) => a.editedBy],
  ['approved_by', (a) => a.approvedBy],
  ['published_at', (a) => a.publishedAt],
  ['solved_count', (a) => a.solvedCount],
  ['created_at', (a) => a.createdAt],
  ['updated_at', (a) => a.updatedAt],
];

const COLUMNS = ['id', ...ARTICLE.map(([column]) => column)].join(', ');

export const knowledgeArticleKind: AggregateKind<KnowledgeArticle> = {
  type: 'knowledge',
  label: 'KnowledgeArticle',
  store: sqlTableStore({
    table: 'knowledge_articles',
    columns: [
      ...ARTICLE,
      ['search_tokens', (a) => searchTokens(searchableText(a))],
      ['search_text', (a) => searchText(searchableText(a))],
    ],
    fromRow: toArticle,
  }),
};

export interface KnowledgeRevision extends KnowledgeContent {
  readonly revision: number;
  readonly editedBy: string;
  readonly editedAt: Date;
}

export interface ArticleFilter {
  readonly status?: KnowledgeStatus | null;
  readonly category?: string | null;
  readonly tag?: string | null;
  readonly departmentId?: string | null;
}

/** How search matches: bigram full text, trigram similarity, or both (bigram hits first). */
export type SearchStrategy = 'BIGRAM' | 'TRIGRAM' | 'COMBINED';

/** pg_trgm's default `word_similarity_threshold` (the `<%` operator). */
export const TRIGRAM_THRESHOLD = 0.6;

/** SQL condition for the articles `caller` reads (mirrors canRead), with its parameters from `$from`. */
function visibility(caller: KnownCaller, from: number): { sql: string; params: unknown[] } {
  if ([Role.OPS_MANAGER, Role.OPS_DIRECTOR, Role.ADMIN].includes(caller.role))
    return { sql: 'true', params: [] };
  if (caller.role === Role.ANALYST) return { sql: "a.status = 'PUBLISHED'", params: [] };
  if (caller.role !== Role.AGENT && caller.role !== Role.TECHNICIAN) return { sql: 'false', params: [] };
  return {
    sql: `((a.status = 'PUBLISHED' and (a.department_id is null or a.department_id = $${from}))
           or (a.status <> 'PUBLISHED' and (a.department_id = $${from} or a.author_id = $${from + 1})))`,
    params: [caller.departmentId ?? null, caller.userId],
  };
}

function filters(filter: ArticleFilter, from: number): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  const add = (condition: (n: number) => string, value: unknown) => {
    params.push(value);
    sql.push(condition(from + params.length - 1));
  };
  if (filter.status) add((n) => `a.status = $${n}`, filter.status);
  if (filter.category) add((n) => `a.category = $${n}`, filter.category);
  if (filter.tag) add((n) => `$${n} = any (a.tags)`, filter.tag.normalize('NFKC').trim().toLowerCase());
  if (filter.departmentId) add((n) => `a.department_id = $${n}`, filter.departmentId);
  return { sql, params };
}

export interface ScoredArticle {
  readonly article: KnowledgeArticle;
  /** Relevance, six decimals; bigram matches score above 1 in COMBINED. */
  readonly score: string;
}

export class KnowledgeReads {
  constructor(private readonly manager: EntityManager) {}

  async byIds(ids: readonly string[]): Promise<KnowledgeArticle[]> {
    if (ids.length === 0) return [];
    const rows: Row[] = await this.manager.query(
      `select ${COLUMNS} from knowledge_articles where id = any ($1::uuid[])`,
      [ids],
    );
    return rows.map(toArticle);
  }

  /** A page of the articles the caller reads, most recently changed first; `first + 1` rows and the total. */
  async list(
    caller: KnownCaller,
    filter: ArticleFilter,
    page: { first: number; after: readonly unknown[] | null },
  ): Promise<{ rows: KnowledgeArticle[]; total: number }> {
    const visible = visibility(caller, 1);
    const rest = filters(filter, 1 + visible.params.length);
    const where = [visible.sql, ...rest.sql].join(' and ');
    const params = [...visible.params, ...rest.params];
    const keyset = page.after
      ? ` and (a.updated_at, a.id) < ($${params.length + 1}::timestamptz, $${params.length + 2}::uuid)`
      : '';
    const rows: Row[] = await this.manager.query(
      `select ${COLUMNS} from knowledge_articles a where ${where}${keyset}
        order by a.updated_at desc, a.id desc limit ${page.first + 1}`,
      [...params, ...(page.after ?? [])],
    );
    const [{ total }] = await this.manager.query(
      `select count(*)::int as total from knowledge_articles a where ${where}`,
      params,
    );
    return { rows: rows.map(toArticle), total };
  }

  /**
   * Published articles the caller reads that match the query, best first (score, then id); `first + 1` rows after
   * the keyset `[score, id]`, and the total.
   */
  async search(
    caller: KnownCaller,
    query: SearchQuery,
    filter: Omit<ArticleFilter, 'status'>,
    page: { first: number; after: readonly unknown[] | null },
    strategy: SearchStrategy = 'COMBINED',
  ): Promise<{ rows: ScoredArticle[]; total: number }> {
    const base = [query.tsquery, query.text.toLowerCase()];
    const visible = visibility(caller, base.length + 1);
    const rest = filters({ ...filter, status: 'PUBLISHED' }, base.length + 1 + visible.params.length);
    const params = [...base, ...visible.params, ...rest.params];
    const bigram = `(a.search_vector @@ to_tsquery('english', $1::text))`;
    const trigram = `($2::text <% a.search_text)`;
    const bigramScore = `ts_rank(a.search_vector, to_tsquery('english', $1::text), 32)`;
    const trigramScore = `word_similarity($2::text, a.search_text)`;
    const [match, score] = {
      BIGRAM: [bigram, bigramScore],
      TRIGRAM: [trigram, trigramScore],
      COMBINED: [
        `(${bigram} or ${trigram})`,
        `case when ${bigram} then 1 + ${bigramScore} else ${trigramScore} end`,
      ],
    }[strategy];
    // The similarity operator reads its threshold from the session; set it for this statement's transaction only.
    const scored = `
      select ${COLUMNS.split(', ')
        .map((c) => `a.${c}`)
        .join(', ')}, round((${score})::numeric, 6) as score
        from knowledge_articles a
       where ${match} and ${[visible.sql, ...rest.sql].join(' and ')}
         and $1::text is not null and $2::text is not null`;
    const keyset = page.after
      ? ` where (score < $${params.length + 1}::numeric or (score = $${params.length + 1}::numeric and id > $${params.length + 2}::uuid))`
      : '';
    return this.manager.transaction(async (tx) => {
      await tx.query(`select set_config('pg_trgm.word_similarity_threshold', $1, true)`, [
        String(TRIGRAM_THRESHOLD),
      ]);
      const rows: (Row & { score: string })[] = await tx.query(
        `with scored as (${scored}) select * from scored${keyset} order by score desc, id limit ${page.first + 1}`,
        [...params, ...(page.after ?? [])],
      );
      const [{ total }] = await tx.query(
        `with scored as (${scored}) select count(*)::int as total from scored`,
        params,
      );
      return { rows: rows.map((row) => ({ article: toArticle(row), score: String(row.score) })), total };
    });
  }

  async revisions(articleId: string): Promise<KnowledgeRevision[]> {
    const rows: {
      revision: number;
      title: string;
      problem: string;
      solution: string;
      steps: string[];
      attachments: KnowledgeAttachment[];
      category: string;
      tags: string[];
      edited_by: string;
      edited_at: Date;
    }[] = await this.manager.query(
      'select * from knowledge_article_revisions where article_id = $1 order by revision desc',
      [articleId],
    );
    return rows.map((r) => ({
      revision: r.revision,
      title: r.title,
      problem: r.problem,
      solution: r.solution,
      steps: r.steps,
      attachments: r.attachments,
      category: r.category,
      tags: r.tags,
      editedBy: r.edited_by,
      editedAt: r.edited_at,
    }));
  }

  /** Categories of the articles the caller reads, with how many articles each holds. */
  async categories(caller: KnownCaller): Promise<{ name: string; articleCount: number }[]> {
    const visible = visibility(caller, 1);
    return this.manager.query(
      `select a.category as name, count(*)::int as "articleCount" from knowledge_articles a
        where ${visible.sql} and a.status <> 'ARCHIVED' group by a.category order by a.category`,
      visible.params,
    );
  }

  /** Ids of the articles linked to each ticket as its solution. */
  async solutionsOf(ticketIds: readonly string[]): Promise<{ ticketId: string; articleId: string }[]> {
    return this.manager.query(
      `select ticket_id as "ticketId", article_id as "articleId" from ticket_solutions
        where ticket_id = any ($1::uuid[]) order by linked_at, article_id`,
      [ticketIds],
    );
  }
}

/** Writes inside the unit of work's transaction: a revision line, a ticket's solution. */
export class KnowledgeWrites {
  constructor(private readonly manager: EntityManager) {}

  async addRevision(article: KnowledgeArticle, at: Date): Promise<void> {
    await this.manager.query(
      `insert into knowledge_article_revisions (article_id, revision, ${CONTENT_COLUMNS}, edited_by, edited_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [article.id, article.revision, ...contentValues(article), article.editedBy, at],
    );
  }

  /** False when the ticket already has this article as a solution. */
  async addSolution(ticketId: string, articleId: string, by: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `insert into ticket_solutions (ticket_id, article_id, linked_by, linked_at) values ($1, $2, $3, $4)
       on conflict do nothing returning ticket_id`,
      [ticketId, articleId, by, at],
    );
    return rows.length === 1;
  }
}
