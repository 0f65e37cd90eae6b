// Figures of a ranked search against judged queries: hits@k, precision, recall and mean reciprocal rank.

export interface JudgedRun {
  /** Article keys in the order the search returned them. */
  readonly returned: readonly string[];
  readonly relevant: readonly string[];
}

export interface SearchFigures {
  readonly queries: number;
  /** Share of queries with a relevant article first. */
  readonly hitsAt1: number;
  /** Share of queries with a relevant article in the first three. */
  readonly hitsAt3: number;
  /** Mean share of returned articles that are relevant (a query returning nothing counts 0). */
  readonly precision: number;
  /** Mean share of relevant articles that were returned. */
  readonly recall: number;
  readonly mrr: number;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);

export function searchFigures(runs: readonly JudgedRun[]): SearchFigures {
  const rankOf = (run: JudgedRun) => run.returned.findIndex((key) => run.relevant.includes(key));
  const found = (run: JudgedRun) => run.returned.filter((key) => run.relevant.includes(key)).length;
  return {
    queries: runs.length,
    hitsAt1: mean(runs.map((run) => (rankOf(run) === 0 ? 1 : 0))),
    hitsAt3: mean(runs.map((run) => (rankOf(run) >= 0 && rankOf(run) < 3 ? 1 : 0))),
    precision: mean(runs.map((run) => (run.returned.length === 0 ? 0 : found(run) / run.returned.length))),
    recall: mean(runs.map((run) => found(run) / run.relevant.length)),
    mrr: mean(runs.map((run) => (rankOf(run) < 0 ? 0 : 1 / (rankOf(run) + 1)))),
  };
}
