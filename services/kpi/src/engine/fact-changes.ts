// Writes what changed facts do to the day cells: each changed fact takes its old contribution out of its cells and
// puts its new one in, so every cell stays the sum of the current facts' contributions. Shared by the ticket
// engine (ticket events) and the customer-tier projection (a tier change moves a customer's facts between tiers).
// Runs inside the caller's transaction, with the facts already locked (CellsRepository.lockFacts) and the applied
// KPI definition read under its share lock (definitions/): contributions are those of the facts as it measures them.
import {
  applyContribution,
  cellContributionsOf,
  emptyCounters,
  isEmptyCell,
  lastEventAfter,
  type CellCounters,
  type DayContribution,
  type Dimension,
} from './cell.rules';
import type { AppliedDefinition } from '../definitions/kpi-definition.repository';
import { lastEventOfCell } from '../definitions/cell-rebuild.rules';
import { measuredFact } from '../definitions/kpi-definition.rules';
import { cellKeyText, type CellKey, type CellsRepository } from './cells.repository';
import type { TicketFact } from './ticket-fact.rules';

export interface FactChange {
  before: TicketFact | null;
  after: TicketFact;
}

export interface CellsWritten {
  /** The cells written, in key order. */
  cells: CellKey[];
  /** Every dimension a changed fact had before or has after. */
  dimensions: Dimension[];
}

interface CellChange {
  key: CellKey;
  changes: Array<{ contribution: DayContribution; sign: 1 | -1 }>;
}

export async function writeFactChanges(
  repository: CellsRepository,
  changes: readonly FactChange[],
  timeZone: string,
  definition: AppliedDefinition,
): Promise<CellsWritten> {
  const cells = new Map<string, CellChange>();
  const touched = new Map<string, Dimension>();
  const collect = (stored: TicketFact, sign: 1 | -1) => {
    const fact = measuredFact(stored, definition.parameters);
    for (const { dimension, contribution } of cellContributionsOf(fact, timeZone)) {
      touched.set(`${dimension.kind}|${dimension.value}`, dimension);
      const key = { dimension, day: contribution.day };
      const text = cellKeyText(key);
      const change = cells.get(text) ?? cells.set(text, { key, changes: [] }).get(text);
      change?.changes.push({ contribution, sign });
    }
  };
  for (const { before, after } of changes) {
    if (before) collect(before, -1);
    collect(after, 1);
  }
  await repository.saveFacts(changes.map((change) => change.after));
  // Sorted, so that two consumers touching the same cells lock them in the same order.
  const keys = [...cells.keys()].sort();
  const ordered = keys.map((text) => cells.get(text) as CellChange);
  const locked = await repository.lockCells(
    ordered.map((change) => change.key),
    emptyCounters(),
  );
  const written: Array<{ key: CellKey; counters: CellCounters | null }> = [];
  for (const [index, { key, changes: cellChanges }] of ordered.entries()) {
    let cell = cellChanges.reduce(
      (counters, { contribution, sign }) => applyContribution(counters, contribution, sign),
      locked[index],
    );
    const moments = (sign: 1 | -1) =>
      cellChanges.filter((change) => change.sign === sign).map((change) => change.contribution.lastEventAt);
    const last = lastEventAfter(locked[index].lastEventAt, moments(-1), moments(1));
    if (!isEmptyCell(cell)) {
      // The facts are saved above, so a recompute reads them as they are now.
      const lastEventAt = last.recompute
        ? lastEventOfCell(
            await repository.factsNearCell(key),
            key.dimension,
            key.day,
            timeZone,
            definition.parameters,
          )
        : last.lastEventAt;
      cell = { ...cell, lastEventAt };
    }
    written.push({ key, counters: isEmptyCell(cell) ? null : cell });
  }
  await repository.writeCells(written, definition.version);
  return {
    cells: keys.map((text) => (cells.get(text) as CellChange).key),
    dimensions: [...touched.values()],
  };
}
