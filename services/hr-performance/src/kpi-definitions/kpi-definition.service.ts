import { EMPLOYEE_POSITIONS, type EmployeePosition } from '@opsgraph/contracts-events';
import { BadUserInputError, NotFoundError } from '@opsgraph/graphql-kit';
import type { DataSource } from 'typeorm';
import type { AuditRepository } from '../audit/audit.repository';
import { stale, type Actor } from '../request';
import type { KpiDefinitionEntity } from './kpi-definition.entity';
import { weightsOf, type KpiDefinitionRepository } from './kpi-definition.repository';
import { validateWeights, type WeightInput } from './kpi-definition.rules';

export interface SetKpiWeightsCommand {
  position: EmployeePosition;
  expectedVersion: number;
  weights: WeightInput[];
}

export class KpiDefinitionService {
  constructor(
    private readonly deps: {
      dataSource: DataSource;
      definitions: KpiDefinitionRepository;
      audit: AuditRepository;
      now?: () => Date;
    },
  ) {}

  /** In the order of the positions (director first), as the seeds list them. */
  async list(): Promise<KpiDefinitionEntity[]> {
    const rows = await this.deps.definitions.all(this.deps.dataSource.manager);
    const rank = (position: string) => (EMPLOYEE_POSITIONS as readonly string[]).indexOf(position);
    return rows.sort((a, b) => rank(a.position) - rank(b.position));
  }

  find(position: EmployeePosition): Promise<KpiDefinitionEntity | null> {
    return this.deps.definitions.findByPosition(this.deps.dataSource.manager, position);
  }

  /** Replaces the whole set (every dimension, total 100). Appraisals snapshot the weights they use. */
  async setWeights(actor: Actor, command: SetKpiWeightsCommand): Promise<KpiDefinitionEntity> {
    const checked = validateWeights(command.weights);
    if (!checked.ok) {
      const [first] = checked.violations;
      throw new BadUserInputError(first.message, first.field, checked.violations);
    }
    return this.deps.dataSource.transaction(async (manager) => {
      const current = await this.deps.definitions.findByPosition(manager, command.position, true);
      if (!current) throw new NotFoundError('KpiDefinition', command.position);
      if (current.version !== command.expectedVersion) throw stale(command.expectedVersion, current.version);
      const before = weightsOf(current);
      const unchanged = Object.entries(checked.weights).every(
        ([dimension, weight]) => before[dimension as keyof typeof before] === weight,
      );
      if (unchanged) return current;
      const now = (this.deps.now ?? (() => new Date()))();
      await this.deps.definitions.setWeights(
        manager,
        command.position,
        current.version,
        checked.weights,
        now,
      );
      const updated = (await this.deps.definitions.findByPosition(
        manager,
        command.position,
      )) as KpiDefinitionEntity;
      await this.deps.audit.record(manager, actor, {
        aggregateType: 'kpi_definition',
        aggregateId: command.position,
        aggregateVersion: updated.version,
        action: 'WEIGHTS_SET',
        changes: { before, after: checked.weights },
      });
      return updated;
    });
  }
}
