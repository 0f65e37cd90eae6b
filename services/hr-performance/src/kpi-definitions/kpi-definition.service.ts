import { EMPLOYEE_POSITIONS, type EmployeePosition } from '@opsgraph/contracts-events';
import { BadUserInputError } from '@opsgraph/domain';
import type { UnitOfWork, WriteContext } from '@opsgraph/service-kit';
import type { DataSource } from 'typeorm';
import {
  KPI_DEFINITION,
  KpiDefinitionRepository,
  type KpiDefinitionRecord,
} from './kpi-definition.repository';
import { validateWeights, type WeightInput } from './kpi-definition.rules';

export interface SetKpiWeightsCommand {
  position: EmployeePosition;
  expectedVersion: number;
  weights: WeightInput[];
}

export class KpiDefinitionService {
  constructor(private readonly kit: { dataSource: DataSource; unitOfWork: UnitOfWork }) {}

  /** In the order of the positions (director first), as the seeds list them. */
  async list(): Promise<KpiDefinitionRecord[]> {
    const rows = await new KpiDefinitionRepository(this.kit.dataSource.manager).all();
    const rank = (position: string) => (EMPLOYEE_POSITIONS as readonly string[]).indexOf(position);
    return rows.sort((a, b) => rank(a.position) - rank(b.position));
  }

  find(position: EmployeePosition): Promise<KpiDefinitionRecord | null> {
    return new KpiDefinitionRepository(this.kit.dataSource.manager).findByPosition(position);
  }

  /** Replaces the whole set (every dimension, total 100). Appraisals snapshot the weights they use. */
  async setWeights(context: WriteContext, command: SetKpiWeightsCommand): Promise<KpiDefinitionRecord> {
    const checked = validateWeights(command.weights);
    if (!checked.ok) {
      const [first] = checked.violations;
      throw new BadUserInputError(first.message, first.field, checked.violations);
    }
    return this.kit.unitOfWork.run(context, async (tx) => {
      const current = await tx.load(KPI_DEFINITION, command.position, command.expectedVersion);
      const before = current.weights;
      const unchanged = Object.entries(checked.weights).every(
        ([dimension, weight]) => before[dimension as keyof typeof before] === weight,
      );
      if (unchanged) return current;
      return tx.save(KPI_DEFINITION, current, {
        after: { ...current, weights: checked.weights, updatedAt: tx.now },
        action: 'WEIGHTS_SET',
        changes: { before, after: checked.weights },
      });
    });
  }
}
