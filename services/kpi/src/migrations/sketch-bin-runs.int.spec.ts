// SketchBinRuns on a real PostgreSQL: cells stored with `[key, count]` pairs (before it) read back, after it, as the
// sketch of the same values in the runs form the engine writes now — ticket and asset/incident cells alike — and
// the figures are the same; down() gives the pairs back.
import { runMigrations } from '@opsgraph/persistence';
import { createSubgraphDataSource } from '@opsgraph/service-kit';
import { createTestDatabase, type TestDatabase } from '@opsgraph/testing';
import type { DataSource } from 'typeorm';
import { DDSketch } from '../sketch/ddsketch';
import { subgraph } from '../subgraph';

/** The pairs form the cells had before the migration: bins sorted by key, ⌈ln v / ln γ⌉ at α = 1 %. */
function pairsOf(values: number[]) {
  const bins = new Map<number, number>();
  for (const value of values.filter((v) => v > 0)) {
    const key = Math.ceil(Math.log(value) / Math.log(1.01 / 0.99));
    bins.set(key, (bins.get(key) ?? 0) + 1);
  }
  return {
    alpha: 0.01,
    zeroCount: values.filter((v) => v === 0).length,
    bins: [...bins].sort((a, b) => a[0] - b[0]),
  };
}

const sketchOf = (values: number[]) => values.reduce((s, v) => s.add(v), new DDSketch()).toJSON();

const RESPONSES = [60, 61, 61, 0, 3600, 90_000];
const RESOLUTIONS = [14_400];
const REPAIRS = [5, 5000];

describe('kpi migration SketchBinRuns', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const cell = async (table: string) =>
    (await dataSource.query(`select counters from ${table}`))[0].counters as Record<string, unknown>;

  beforeAll(async () => {
    db = await createTestDatabase('kpi-sketch-bin-runs');
    dataSource = createSubgraphDataSource(subgraph, db.url);
    await dataSource.initialize();
    await runMigrations(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('rewrites stored pairs as runs of the same bins, and back', async () => {
    await dataSource.undoLastMigration();
    const ticketCell = {
      intake: 3,
      responseSketch: pairsOf(RESPONSES),
      resolutionSketch: pairsOf(RESOLUTIONS),
      lastEventAt: null,
    };
    const opsCell = { faults: 2, repairSketch: pairsOf(REPAIRS), incidentResolveSketch: pairsOf([]) };
    await dataSource.query(
      `insert into kpi_day_cells (dimension_kind, dimension_value, day, counters) values ('DEPARTMENT', 'd1', '2024-01-05', $1)`,
      [JSON.stringify(ticketCell)],
    );
    await dataSource.query(
      `insert into kpi_ops_day_cells (dimension_kind, dimension_value, day, counters) values ('OVERALL', '*', '2024-01-05', $1)`,
      [JSON.stringify(opsCell)],
    );

    await runMigrations(dataSource);
    expect(await cell('kpi_day_cells')).toEqual({
      ...ticketCell,
      responseSketch: sketchOf(RESPONSES),
      resolutionSketch: sketchOf(RESOLUTIONS),
    });
    expect(await cell('kpi_ops_day_cells')).toEqual({
      ...opsCell,
      repairSketch: sketchOf(REPAIRS),
      incidentResolveSketch: sketchOf([]),
    });
    const migrated = DDSketch.fromJSON((await cell('kpi_day_cells')).responseSketch as never);
    expect(migrated.count).toBe(RESPONSES.length);
    // The ⌈0.9 · 6⌉ = 6th smallest response is 90,000 s; the migrated sketch gives it within 1 %, and the median
    // (3rd smallest, 61 s) too.
    expect(Math.abs((migrated.quantile(0.9) as number) - 90_000)).toBeLessThanOrEqual(900);
    expect(Math.abs((migrated.quantile(0.5) as number) - 61)).toBeLessThanOrEqual(0.61);

    await dataSource.undoLastMigration();
    expect(await cell('kpi_day_cells')).toEqual(ticketCell);
    expect(await cell('kpi_ops_day_cells')).toEqual(opsCell);
    await runMigrations(dataSource);
  });
});
