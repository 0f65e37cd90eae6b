// Which search answers better on the demo articles (docs/product.md §12.6): bigram full text, trigram similarity or
// both. Prints the figures (`npx jest -c services/ticket/jest.config.js knowledge-search-quality`) and holds the
// choice the product made: the strategy the API uses answers at least as well as each alternative.
import {
  KNOWLEDGE_DEMO_ARTICLES,
  KNOWLEDGE_SEARCH_JUDGEMENTS,
  KNOWLEDGE_SEARCH_SIMPLIFIED_JUDGEMENTS,
  type SearchJudgement,
} from '@opsgraph/testing';
import { callerWith, Role } from '@opsgraph/domain';
import { searchFigures, type SearchFigures } from '../test-support/search-quality';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';
import type { SearchStrategy } from './knowledge-article.repository';

let harness: TicketHarness;
const keyOf = new Map<string, string>();
const meta = (role: Role, userId: string) => ({
  caller: callerWith(role, { userId }),
  correlationId: 'quality',
});

beforeAll(async () => {
  harness = await startTicketHarness('ticket-knowledge-quality', { consumeTopic: false });
  const knowledge = harness.app.services.knowledge;
  for (const { key, ...content } of KNOWLEDGE_DEMO_ARTICLES) {
    const drafted = await knowledge.draft(meta(Role.OPS_MANAGER, 'author'), {
      ...content,
      departmentId: null,
    });
    const submitted = await knowledge.submit(meta(Role.OPS_MANAGER, 'author'), {
      articleId: drafted.id,
      expectedVersion: drafted.version,
    });
    await knowledge.approve(meta(Role.OPS_DIRECTOR, 'approver'), {
      articleId: drafted.id,
      expectedVersion: submitted.version,
    });
    keyOf.set(drafted.id, key);
  }
});
afterAll(() => harness?.stop());

const misses = new Map<SearchStrategy, Set<string>>();

async function firstKeys(query: string, strategy: SearchStrategy = 'COMBINED'): Promise<string[]> {
  const reader = callerWith(Role.AGENT, { userId: 'reader' });
  const { rows } = await harness.app.services.knowledge.search(reader, query, {}, { first: 10, after: null }, strategy);
  return rows.map((hit) => keyOf.get(hit.article.id)!);
}

async function measure(
  strategy: SearchStrategy,
  language?: 'zh' | 'en',
  judgements: readonly SearchJudgement[] = KNOWLEDGE_SEARCH_JUDGEMENTS,
): Promise<SearchFigures> {
  const reader = callerWith(Role.AGENT, { userId: 'reader' });
  const runs = [];
  for (const judgement of judgements.filter((j) => !language || j.language === language)) {
    const { rows } = await harness.app.services.knowledge.search(
      reader,
      judgement.query,
      {},
      { first: 10, after: null },
      strategy,
    );
    const returned = rows.map((hit) => keyOf.get(hit.article.id)!);
    runs.push({ returned, relevant: judgement.relevant });
    if (!judgement.relevant.includes(returned[0] ?? '')) {
      misses.set(strategy, (misses.get(strategy) ?? new Set()).add(judgement.query));
    }
  }
  return searchFigures(runs);
}

describe('knowledge search quality on the demo articles', () => {
  it('the combined strategy (bigram full text, then trigram similarity) answers at least as well as either', async () => {
    const strategies: SearchStrategy[] = ['TRIGRAM', 'BIGRAM', 'COMBINED'];
    const figures: Record<string, SearchFigures> = {};
    for (const strategy of strategies) {
      for (const language of ['zh', 'en', undefined] as const) {
        figures[`${strategy} ${language ?? 'all'}`] = await measure(strategy, language);
      }
    }
    const pct = (value: number) => `${(value * 100).toFixed(0)} %`;
    const table = [
      '| strategy | queries | hits@1 | hits@3 | precision | recall | MRR |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...Object.entries(figures).map(
        ([name, f]) =>
          `| ${name} | ${f.queries} | ${pct(f.hitsAt1)} | ${pct(f.hitsAt3)} | ${pct(f.precision)} | ${pct(f.recall)} | ${f.mrr.toFixed(2)} |`,
      ),
    ].join('\n');
    const missed = strategies
      .map((name) => `${name}: ${[...(misses.get(name) ?? [])].join(', ') || 'none'}`)
      .join('\n');
    process.stdout.write(
      `\nknowledge search quality (${KNOWLEDGE_DEMO_ARTICLES.length} articles)\n${table}\nnot first:\n${missed}\n`,
    );

    const chosen = figures['COMBINED all']!;
    for (const other of ['TRIGRAM all', 'BIGRAM all']) {
      expect(chosen.hitsAt3).toBeGreaterThanOrEqual(figures[other]!.hitsAt3);
      expect(chosen.recall).toBeGreaterThanOrEqual(figures[other]!.recall);
    }
  }, 120_000);

  it('answers a Simplified query exactly as its Traditional original (both scripts fold to one)', async () => {
    const figures = await measure('COMBINED', 'zh', KNOWLEDGE_SEARCH_SIMPLIFIED_JUDGEMENTS);
    const pct = (value: number) => `${(value * 100).toFixed(0)} %`;
    process.stdout.write(
      `\nSimplified twins of the ${KNOWLEDGE_SEARCH_SIMPLIFIED_JUDGEMENTS.length} Chinese queries (COMBINED): ` +
        `hits@1 ${pct(figures.hitsAt1)}, hits@3 ${pct(figures.hitsAt3)}, recall ${pct(figures.recall)}, ` +
        `MRR ${figures.mrr.toFixed(2)}\n`,
    );
    for (const twin of KNOWLEDGE_SEARCH_SIMPLIFIED_JUDGEMENTS) {
      expect([twin.query, await firstKeys(twin.query)]).toEqual([twin.query, await firstKeys(twin.traditional)]);
    }
    const traditional = await measure('COMBINED', 'zh');
    expect(figures).toEqual(traditional);
  }, 120_000);
});
