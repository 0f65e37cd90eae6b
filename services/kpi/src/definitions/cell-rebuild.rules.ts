// A rebuild of the ticket day cells from the stored facts under one definition: each cell is the sum of the
// contributions of the measured facts, exactly what the live engine converges to by adding and taking out
// contributions as facts change (the counters are integers and the sketches multisets, so the sums are exact and
// order-independent). Pure.
import {
  applyContribution,
  cellContributionsOf,
  emptyCounters,
  isEmptyCell,
  latest,
  type CellCounters,
  type Dimension,
} from '../engine/cell.rules';
import type { Day } from '../engine/period.rules';
import type { TicketFact } from '../engine/ticket-fact.rules';
import { measuredFact, type KpiDefinitionParameters } from './kpi-definition.rules';

export interface RebuiltCell {
  dimension: Dimension;
  day: Day;
  counters: CellCounters;
}

/** Cells by `kind|value|day`, filled fact by fact (`addFact`), read back in key order (`rebuiltCells`). */
export type CellAccumulator = Map<string, RebuiltCell>;

/** Adds the fact's contributions, as the definition measures them, to the accumulated cells. */
export function addFact(
  cells: CellAccumulator,
  fact: TicketFact,
  timeZone: string,
  parameters: KpiDefinitionParameters,
): CellAccumulator {
  for (const { dimension, contribution } of cellContributionsOf(measuredFact(fact, parameters), timeZone)) {
    const text = `${dimension.kind}|${dimension.value}|${contribution.day}`;
    const cell = cells.get(text) ?? { dimension, day: contribution.day, counters: emptyCounters() };
    cells.set(text, { ...cell, counters: applyContribution(cell.counters, contribution, 1) });
  }
  return cells;
}

/**
 * The latest event of one cell recomputed from facts (any superset of the facts contributing to it): the latest
 * `lastEventAt` among the contributions that land in the cell, as the definition measures them; null when none.
 */
export function lastEventOfCell(
  facts: Iterable<TicketFact>,
  dimension: Dimension,
  day: Day,
  timeZone: string,
  parameters: KpiDefinitionParameters,
): string | null {
  let last: string | null = null;
  for (const fact of facts) {
    for (const part of cellContributionsOf(measuredFact(fact, parameters), timeZone)) {
      const here =
        part.contribution.day === day &&
        part.dimension.kind === dimension.kind &&
        part.dimension.value === dimension.value;
      if (here) last = latest(last, part.contribution.lastEventAt ?? null);
    }
  }
  return last;
}

/** The non-empty cells, in key order (a cell no fact contributes to has no row, as in the live engine). */
export function rebuiltCells(cells: CellAccumulator): RebuiltCell[] {
  return [...cells.keys()]
    .sort()
    .map((text) => cells.get(text) as RebuiltCell)
    .filter((cell) => !isEmptyCell(cell.counters));
}
