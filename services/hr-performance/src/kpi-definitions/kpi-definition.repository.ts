import type { EmployeePosition } from '@opsgraph/contracts-events';
import type { AggregateKind } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import { KpiDefinitionEntity } from './kpi-definition.entity';
import type { KpiWeights } from './kpi-definition.rules';

/** A position's KPI weights; the aggregate's id is the position. */
export interface KpiDefinitionRecord {
  readonly id: EmployeePosition;
  readonly position: EmployeePosition;
  readonly weights: KpiWeights;
  readonly version: number;
  readonly updatedAt: Date;
}

const toRecord = (entity: KpiDefinitionEntity): KpiDefinitionRecord => ({
  id: entity.position,
  position: entity.position,
  weights: {
    SERVICE_QUALITY: entity.serviceQuality,
    EFFICIENCY: entity.efficiency,
    CUSTOMER_SATISFACTION: entity.customerSatisfaction,
    TEAMWORK: entity.teamwork,
    ATTITUDE: entity.attitude,
  },
  version: entity.version,
  updatedAt: entity.updatedAt,
});

/** The only TypeORM access for KPI definitions, on one EntityManager. */
export class KpiDefinitionRepository {
  constructor(private readonly manager: EntityManager) {}

  async all(): Promise<KpiDefinitionRecord[]> {
    return (await this.manager.find(KpiDefinitionEntity, { order: { position: 'ASC' } })).map(toRecord);
  }

  async findByPosition(position: EmployeePosition, lock = false): Promise<KpiDefinitionRecord | null> {
    const entity = await this.manager.findOne(KpiDefinitionEntity, {
      where: { position },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return entity && toRecord(entity);
  }

  async update(definition: KpiDefinitionRecord, expectedVersion: number): Promise<boolean> {
    const { weights, position, version, updatedAt } = definition;
    const result = await this.manager
      .createQueryBuilder()
      .update(KpiDefinitionEntity)
      .set({
        serviceQuality: weights.SERVICE_QUALITY,
        efficiency: weights.EFFICIENCY,
        customerSatisfaction: weights.CUSTOMER_SATISFACTION,
        teamwork: weights.TEAMWORK,
        attitude: weights.ATTITUDE,
        version,
        updatedAt,
      })
      .where('position = :position and version = :expectedVersion', { position, expectedVersion })
      .execute();
    return result.affected === 1;
  }
}

/** KPI definitions for the unit of work: one row per position, seeded by the migration, never inserted. */
export const KPI_DEFINITION: AggregateKind<KpiDefinitionRecord> = {
  type: 'kpi_definition',
  label: 'KpiDefinition',
  store: {
    lock: (manager, id) => new KpiDefinitionRepository(manager).findByPosition(id as EmployeePosition, true),
    insert: () => Promise.reject(new Error('KPI definitions are seeded by a migration')),
    update: (manager, definition, expectedVersion) =>
      new KpiDefinitionRepository(manager).update(definition, expectedVersion),
  },
};
