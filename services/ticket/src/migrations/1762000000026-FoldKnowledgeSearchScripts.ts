import { sqlMigration } from '@opsgraph/persistence';
import type { QueryRunner } from 'typeorm';
import { searchableText } from '../knowledge/knowledge-article.rules';
import { searchText, searchTokens, type FoldOptions } from '../knowledge/knowledge-search.rules';

/**
 * Knowledge search folds Traditional Chinese to Simplified in the index and the query (docs/product.md §12.6): the
 * stored search columns of every article are rebuilt with folding (down: without), by the same rules the service
 * writes them with.
 */
const reindex =
  (options: FoldOptions) =>
  async (runner: QueryRunner): Promise<void> => {
    const rows: {
      id: string;
      title: string;
      problem: string;
      solution: string;
      steps: string[];
      category: string;
      tags: string[];
    }[] = await runner.query(
      'select id, title, problem, solution, steps, category, tags from knowledge_articles order by id',
    );
    for (const row of rows) {
      const text = searchableText({ ...row, attachments: [] });
      await runner.query('update knowledge_articles set search_tokens = $2, search_text = $3 where id = $1', [
        row.id,
        searchTokens(text, options),
        searchText(text, options),
      ]);
    }
  };

export const FoldKnowledgeSearchScripts1762000000026 = sqlMigration({
  name: 'FoldKnowledgeSearchScripts1762000000026',
  up: [reindex({ fold: true })],
  down: [reindex({ fold: false })],
});
