import { ConflictError } from '@opsgraph/domain';
import type { EntityManager } from 'typeorm';
import { plain, RecordTable, recordKind } from '../record-table';
import { TrainingPlanEntity, type TrainingPlanRecord } from './training-plan.entity';

/** The only TypeORM access for training plans. */
export class TrainingPlanRepository extends RecordTable<TrainingPlanRecord> {
  constructor(manager: EntityManager) {
    super(manager, TrainingPlanEntity, {
      constraint: 'training_plans_department_year_key',
      taken: (plan) =>
        new ConflictError(`The department already has a training plan for ${plan.year}`, {
          field: 'input.year',
        }),
    });
  }

  async list(filter: { departmentId?: string | null; year?: number | null }): Promise<TrainingPlanRecord[]> {
    const rows = await this.manager.find(TrainingPlanEntity, {
      where: {
        ...(filter.departmentId ? { departmentId: filter.departmentId } : {}),
        ...(filter.year ? { year: filter.year } : {}),
      },
      order: { year: 'DESC', departmentId: 'ASC' },
    });
    return rows.map(plain);
  }

  async update(plan: TrainingPlanRecord, expectedVersion: number): Promise<boolean> {
    const { title, goals, version, updatedAt } = plan;
    return this.updateAtVersion(plan, expectedVersion, { title, goals, version, updatedAt });
  }
}

export const TRAINING_PLAN = recordKind(
  'training_plan',
  'TrainingPlan',
  (m) => new TrainingPlanRepository(m),
);
