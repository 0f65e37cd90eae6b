import type { EmployeePosition } from '@opsgraph/contracts-events';
import type { EntityManager } from 'typeorm';
import { KpiDefinitionEntity } from './kpi-definition.entity';
import type { KpiWeights } from './kpi-definition.rules';

/** The only TypeORM access for KPI definitions. */
export class KpiDefinitionRepository {
  all(manager: EntityManager): Promise<KpiDefinitionEntity[]> {
    return manager.find(KpiDefinitionEntity, { order: { position: 'ASC' } });
  }

  findByPosition(
    manager: EntityManager,
    position: EmployeePosition,
    lock = false,
  ): Promise<KpiDefinitionEntity | null> {
    return manager.findOne(KpiDefinitionEntity, {
      where: { position },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async setWeights(
    manager: EntityManager,
    position: EmployeePosition,
    expectedVersion: number,
    weights: KpiWeights,
    updatedAt: Date,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(KpiDefinitionEntity)
      .set({
        serviceQuality: weights.SERVICE_QUALITY,
        efficiency: weights.EFFICIENCY,
        customerSatisfaction: weights.CUSTOMER_SATISFACTION,
        teamwork: weights.TEAMWORK,
        attitude: weights.ATTITUDE,
        version: expectedVersion + 1,
        updatedAt,
      })
      .where('position = :position and version = :expectedVersion', { position, expectedVersion })
      .execute();
    return result.affected === 1;
  }
}

export function weightsOf(entity: KpiDefinitionEntity): KpiWeights {
  return {
    SERVICE_QUALITY: entity.serviceQuality,
    EFFICIENCY: entity.efficiency,
    CUSTOMER_SATISFACTION: entity.customerSatisfaction,
    TEAMWORK: entity.teamwork,
    ATTITUDE: entity.attitude,
  };
}
