// Reads of the KPI figures: validate the cut, merge the period's day cells, compute the formulas.
import type { Caller } from '@opsgraph/domain';
import { BadUserInputError } from '@opsgraph/domain';
import { isUuid } from '@opsgraph/graphql-kit';
import type { DataSource } from 'typeorm';
import { kpiFigures, mergeCells, type Dimension, type KpiFigures } from '../engine/cell.rules';
import { CellsRepository } from '../engine/cells.repository';
import { subtreeOf } from '../departments/department-tree.projection';
import { KpiDefinitionRepository } from '../definitions/kpi-definition.repository';
import {
  availability,
  mergeOpsCells,
  opsFigures,
  type OpsFigures,
  type OpsCounters,
} from '../operations/ops-cell.rules';
import { periodContaining, type Period, type PeriodKind } from '../engine/period.rules';
import { permissions } from '../permissions';
import { TargetRepository } from '../targets/target.repository';
import { attainment, type Attainment } from '../targets/target.rules';
import { DIMENSION_VALUES } from './kpi-figures.type';

export interface FiguresOf extends KpiFigures, OpsFigures {
  assetAvailability: number | null;
  period: Period;
  targets: Attainment[];
  dimensionKind: Dimension['kind'];
  dimensionValue: string | null;
  includeSubdepartments: boolean;
  definitionVersion: number;
}

/** The dimension named by the input, or a BAD_USER_INPUT naming `dimension.value`. */
export function dimensionOf(input: { kind: Dimension['kind']; value?: string | null } | null): Dimension {
  if (input === null || input.kind === 'OVERALL') {
    if (input?.value) throw new BadUserInputError('OVERALL takes no value', 'dimension.value');
    return { kind: 'OVERALL', value: '*' };
  }
  const value = input.value ?? '';
  const allowed = DIMENSION_VALUES[input.kind];
  const valid = allowed ? allowed.includes(value) : isUuid(value);
  if (!valid) {
    const expected = allowed ? `one of ${allowed.join(', ')}` : 'a UUID';
    throw new BadUserInputError(`a ${input.kind} dimension needs ${expected}`, 'dimension.value');
  }
  // Ids are stored lower-case; enum values as they are.
  return { kind: input.kind, value: allowed ? value : value.toLowerCase() };
}

/** The period's length in seconds (calendar days; a DST day counts as 24 h). */
const periodSeconds = (range: Period): number =>
  (Date.parse(`${range.end}T00:00:00Z`) - Date.parse(`${range.start}T00:00:00Z`) + 86_400_000) / 1000;

export class KpiFiguresService {
  constructor(private readonly dataSource: DataSource) {}

  /** Assets in service for OVERALL or one asset category; null for a cut assets have none of. */
  private async assetsInService(dimension: Dimension): Promise<number | null> {
    if (dimension.kind !== 'OVERALL' && dimension.kind !== 'ASSET_CATEGORY') return null;
    const [row]: Array<{ n: number }> = await this.dataSource.query(
      'select count(*)::int as n from kpi_assets where in_service and ($1::text is null or category = $1)',
      [dimension.kind === 'OVERALL' ? null : dimension.value],
    );
    return row.n;
  }

  async figures(
    caller: Caller,
    period: { kind: PeriodKind; date: string },
    dimensionInput: {
      kind: Dimension['kind'];
      value?: string | null;
      includeSubdepartments?: boolean | null;
    } | null,
  ): Promise<FiguresOf> {
    permissions.require(caller, 'VIEW_KPIS');
    const range = periodContaining(period.kind, period.date);
    const dimension = dimensionOf(dimensionInput);
    const subtree = dimensionInput?.includeSubdepartments === true;
    if (subtree && dimension.kind !== 'DEPARTMENT') {
      throw new BadUserInputError('only a DEPARTMENT has subdepartments', 'dimension.includeSubdepartments');
    }
    const cells = new CellsRepository(this.dataSource.manager);
    // A subtree is the merge of its departments' cells, never a rescan of facts.
    const values = subtree ? await subtreeOf(this.dataSource.manager, dimension.value) : [dimension.value];
    const opsCells = new CellsRepository(this.dataSource.manager, 'kpi_ops_day_cells');
    const [dayCells, opsDayCells, backlog, targets, assets, definition] = await Promise.all([
      cells.cells(dimension.kind, values, range.start, range.end),
      opsCells.cells<OpsCounters>(dimension.kind, values, range.start, range.end),
      cells.backlogAt(dimension.kind, values, range.end),
      new TargetRepository(this.dataSource.manager).forDimension(dimension),
      this.assetsInService(dimension),
      new KpiDefinitionRepository(this.dataSource.manager).state(),
    ]);
    const figures = kpiFigures(mergeCells(dayCells), backlog);
    const ops = opsFigures(mergeOpsCells(opsDayCells));
    return {
      ...figures,
      ...ops,
      assetAvailability:
        assets === null ? null : availability(ops.assetDowntimeSeconds, assets, periodSeconds(range)),
      targets: targets.map((target) => attainment(target, figures)),
      period: range,
      dimensionKind: dimension.kind,
      dimensionValue: dimension.kind === 'OVERALL' ? null : dimension.value,
      includeSubdepartments: subtree,
      definitionVersion: definition.applied,
    };
  }
}
