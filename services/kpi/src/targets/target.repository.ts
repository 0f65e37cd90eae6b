// The kpi_targets table: the unit of work's store and the reads of the figures.
import type { AggregateKind, AggregateRepository } from '@opsgraph/service-kit';
import { repositoryStore } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import type { Dimension } from '../engine/cell.rules';
import type { KpiTarget, TargetKpi } from './target.rules';

const COLUMNS = `id, kpi, dimension_kind as "dimensionKind", dimension_value as "dimensionValue", comparator, target,
  version, updated_at as "updatedAt"`;

export class TargetRepository implements AggregateRepository<KpiTarget> {
  constructor(private readonly manager: EntityManager) {}

  async lock(id: string): Promise<KpiTarget | null> {
    const [row] = await this.manager.query(`select ${COLUMNS} from kpi_targets where id = $1 for update`, [
      id,
    ]);
    return row ?? null;
  }

  /** The target of a KPI and dimension, locked; concurrent first settings meet at the unique key. */
  async lockByKey(kpi: TargetKpi, dimension: Dimension): Promise<KpiTarget | null> {
    const [row] = await this.manager.query(
      `select ${COLUMNS} from kpi_targets where kpi = $1 and dimension_kind = $2 and dimension_value = $3 for update`,
      [kpi, dimension.kind, dimension.value],
    );
    return row ?? null;
  }

  /** The target of a KPI and dimension (not locked), or null when none is set. */
  async byKey(kpi: TargetKpi, dimension: Dimension): Promise<KpiTarget | null> {
    const [row] = await this.manager.query(
      `select ${COLUMNS} from kpi_targets where kpi = $1 and dimension_kind = $2 and dimension_value = $3`,
      [kpi, dimension.kind, dimension.value],
    );
    return row ?? null;
  }

  async insert(target: KpiTarget): Promise<void> {
    await this.manager.query(
      `insert into kpi_targets (id, kpi, dimension_kind, dimension_value, comparator, target, version, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        target.id,
        target.kpi,
        target.dimensionKind,
        target.dimensionValue,
        target.comparator,
        target.target,
        target.version,
        target.updatedAt,
      ],
    );
  }

  async update(target: KpiTarget, expectedVersion: number): Promise<boolean> {
    const [, affected] = await this.manager.query(
      `update kpi_targets set comparator = $2, target = $3, version = $4, updated_at = $5
       where id = $1 and version = $6`,
      [target.id, target.comparator, target.target, target.version, target.updatedAt, expectedVersion],
    );
    return affected === 1;
  }

  forDimension(dimension: Dimension): Promise<KpiTarget[]> {
    return this.manager.query(
      `select ${COLUMNS} from kpi_targets where dimension_kind = $1 and dimension_value = $2 order by kpi`,
      [dimension.kind, dimension.value],
    );
  }
}

export const targetKind: AggregateKind<KpiTarget> = {
  type: 'kpi',
  label: 'KpiTarget',
  store: repositoryStore(TargetRepository),
};
