// The definition replay: rebuilds every ticket day cell from the stored facts under the latest KPI definition and
// marks that version applied, in one transaction. The facts are a definition-free fold of the ticket events (the
// events as they are, order-independent), so the cells are a pure function of (facts, definition): reading the facts
// gives the cells a re-read of the topics would, without stopping the consumers or resetting their groups, in one
// transaction (the figures never show a half-built table) and in time proportional to the tickets rather than to
// their events. (A re-read of the topics, `nx run kpi:replay`, still works and applies the applied version.)
// Consumers that write cells take the
// definition's state row for share first; the replay holds it for update, so they wait and resume under the new
// version. The asset and incident cells have no definition parameters and are left as they are.
import type { Clock } from '@opsgraph/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { TicketFact } from '../engine/ticket-fact.rules';
import { addFact, rebuiltCells, type CellAccumulator, type RebuiltCell } from './cell-rebuild.rules';
import { KpiDefinitionRepository } from './kpi-definition.repository';

export interface DefinitionReplaySummary {
  /** The version the cells are computed under now. */
  version: number;
  /** The version they were computed under before. */
  previousVersion: number;
  facts: number;
  cells: number;
  milliseconds: number;
}

export interface DefinitionReplayOptions {
  timeZone: string;
  clock?: Clock;
  /** Progress lines (facts read, cells written). */
  progress?: (line: string) => void;
  /** Facts read per query. */
  pageSize?: number;
}

/** Cells written per insert statement. */
const INSERT_CHUNK = 500;

async function readFacts(
  manager: EntityManager,
  pageSize: number,
  each: (fact: TicketFact) => void,
  progress: (read: number) => void,
): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let read = 0;
  for (;;) {
    const rows: Array<{ id: string; fact: TicketFact }> = await manager.query(
      'select ticket_id::text as id, fact from kpi_ticket_facts where ticket_id > $1 order by ticket_id limit $2',
      [after, pageSize],
    );
    for (const row of rows) each(row.fact);
    read += rows.length;
    if (rows.length > 0) progress(read);
    if (rows.length < pageSize) return read;
    after = rows[rows.length - 1].id;
  }
}

async function writeCells(
  manager: EntityManager,
  cells: readonly RebuiltCell[],
  version: number,
): Promise<void> {
  for (let start = 0; start < cells.length; start += INSERT_CHUNK) {
    const chunk = cells.slice(start, start + INSERT_CHUNK);
    await manager.query(
      `insert into kpi_day_cells (dimension_kind, dimension_value, day, counters, definition_version)
       select kind, value, day::date, counters, $5
       from unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) as c(kind, value, day, counters)`,
      [
        chunk.map((cell) => cell.dimension.kind),
        chunk.map((cell) => cell.dimension.value),
        chunk.map((cell) => cell.day),
        chunk.map((cell) => JSON.stringify(cell.counters)),
        version,
      ],
    );
  }
}

export async function replayDefinition(
  dataSource: DataSource,
  options: DefinitionReplayOptions,
): Promise<DefinitionReplaySummary> {
  const clock = options.clock ?? (() => new Date());
  const progress = options.progress ?? (() => undefined);
  const started = Date.now();
  return dataSource.transaction(async (manager) => {
    const definitions = new KpiDefinitionRepository(manager);
    const latest = await definitions.latestForReplay();
    progress(`applying KPI definition v${latest.version} (cells computed under v${latest.applied} so far)`);
    const [{ total }]: Array<{ total: number }> = await manager.query(
      'select count(*)::int as total from kpi_ticket_facts',
    );
    const cells: CellAccumulator = new Map();
    const facts = await readFacts(
      manager,
      options.pageSize ?? 1000,
      (fact) => addFact(cells, fact, options.timeZone, latest.parameters),
      (read) => progress(`facts ${read}/${total}`),
    );
    const rebuilt = rebuiltCells(cells);
    await manager.query('delete from kpi_day_cells');
    await writeCells(manager, rebuilt, latest.version);
    progress(`cells ${rebuilt.length} written`);
    await definitions.markApplied(latest.version, clock());
    return {
      version: latest.version,
      previousVersion: latest.applied,
      facts,
      cells: rebuilt.length,
      milliseconds: Date.now() - started,
    };
  });
}

/** The one-line summary the replay command ends with. */
export const summaryLine = (summary: DefinitionReplaySummary): string =>
  `kpi definition replay: v${summary.previousVersion} → v${summary.version}, ${summary.facts} facts, ` +
  `${summary.cells} cells rebuilt in ${(summary.milliseconds / 1000).toFixed(1)} s`;
