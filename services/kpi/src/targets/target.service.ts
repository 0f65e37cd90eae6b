// Setting a KPI target: permission → pure check → unit of work (row and audit line; targets publish no event).
import type { RequestMeta } from '@opsgraph/domain';
import type { UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import type { Dimension } from '../engine/cell.rules';
import { dimensionOf } from '../figures/kpi-figures.service';
import { permissions } from '../permissions';
import { TargetRepository, targetKind } from './target.repository';
import { checkTarget, type KpiTarget, type TargetComparator, type TargetKpi } from './target.rules';

export interface SetTargetInput {
  kpi: TargetKpi;
  dimensionKind: Dimension['kind'];
  dimensionValue?: string | null;
  comparator: TargetComparator;
  target: number;
}

export class TargetService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Creates the target of the KPI and dimension, or replaces its value. */
  set(input: SetTargetInput, meta: RequestMeta): Promise<KpiTarget> {
    permissions.require(meta.caller, 'MANAGE_MONITORING');
    const dimension = dimensionOf({ kind: input.dimensionKind, value: input.dimensionValue });
    const target = checkTarget(input.target);
    return this.unitOfWork.run(meta, async (tx) => {
      const before = await new TargetRepository(tx.manager).lockByKey(input.kpi, dimension);
      const after: KpiTarget = {
        id: before?.id ?? randomUUID(),
        kpi: input.kpi,
        dimensionKind: dimension.kind,
        dimensionValue: dimension.value,
        comparator: input.comparator,
        target,
        version: before?.version ?? 0,
        updatedAt: tx.now,
      };
      const changes = { comparator: input.comparator, target };
      return tx.save(targetKind, before, { after, action: before ? 'CHANGED' : 'SET', changes });
    });
  }
}
