// The risks table (the unit of work's store and the graph's reads), and incident counts per category.
import { cursorKeys, type PageRequest } from '@opsgraph/graphql-kit';
import { sqlTableStore, type AggregateKind, type SqlColumns } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import type { RiskRecord } from './risk.rules';

const COLUMNS = `id, title, description, category, likelihood, impact, owner_id as "ownerId", mitigation,
  residual_score as "residualScore", next_review_on::text as "nextReviewOn", last_reviewed_at as "lastReviewedAt",
  version, created_at as "createdAt", updated_at as "updatedAt"`;

const FIELDS: SqlColumns<RiskRecord> = [
  ['title', (r) => r.title],
  ['description', (r) => r.description],
  ['category', (r) => r.category],
  ['likelihood', (r) => r.likelihood],
  ['impact', (r) => r.impact],
  ['owner_id', (r) => r.ownerId],
  ['mitigation', (r) => r.mitigation],
  ['residual_score', (r) => r.residualScore],
  ['next_review_on', (r) => r.nextReviewOn],
  ['last_reviewed_at', (r) => r.lastReviewedAt],
  ['version', (r) => r.version],
  ['created_at', (r) => r.createdAt],
  ['updated_at', (r) => r.updatedAt],
];

export const riskKind: AggregateKind<RiskRecord> = {
  type: 'risk',
  label: 'Risk',
  store: sqlTableStore({ table: 'risks', select: COLUMNS, columns: FIELDS }),
};

export class RiskReads {
  constructor(private readonly manager: EntityManager) {}

  byIds(ids: readonly string[]): Promise<RiskRecord[]> {
    return this.manager.query(`select ${COLUMNS} from risks where id = any($1)`, [ids]);
  }

  async page(
    request: PageRequest,
    filter: { category?: string | null },
  ): Promise<{ rows: RiskRecord[]; total: number }> {
    const [createdAt, id] = cursorKeys(request.after, ['timestamp', 'uuid']) ?? [null, null];
    const rows: RiskRecord[] = await this.manager.query(
      `select ${COLUMNS} from risks
       where ($1::text is null or category = $1)
         and ($2::timestamptz is null or (created_at, id) < ($2::timestamptz, $3::uuid))
       order by created_at desc, id desc limit $4`,
      [filter.category ?? null, createdAt, id, request.first + 1],
    );
    const [{ total }] = await this.manager.query(
      'select count(*)::int as total from risks where ($1::text is null or category = $1)',
      [filter.category ?? null],
    );
    return { rows, total };
  }

  /** Risks whose review day is before `today`, the longest overdue first. */
  overdueReviews(today: string, limit: number): Promise<RiskRecord[]> {
    return this.manager.query(
      `select ${COLUMNS} from risks where next_review_on < $1::date order by next_review_on, id limit $2`,
      [today, limit],
    );
  }

  /** Incidents per category that occurred in [since, until). */
  async incidentCounts(
    categories: readonly string[],
    since: Date,
    until: Date,
  ): Promise<{ category: string; count: number }[]> {
    return this.manager.query(
      `select category, count(*)::int as count from incidents
       where category = any($1) and occurred_at >= $2 and occurred_at < $3 group by category`,
      [categories, since, until],
    );
  }
}
