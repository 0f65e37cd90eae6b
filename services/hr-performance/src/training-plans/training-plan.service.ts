import { BadUserInputError } from '@opsgraph/domain';
import type { UnitOfWork, WriteContext } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DepartmentRepository } from '../departments/department.repository';
import type { TrainingPlanRecord } from './training-plan.entity';
import { TRAINING_PLAN, TrainingPlanRepository } from './training-plan.repository';

export interface CreateTrainingPlanCommand {
  departmentId: string;
  year: number;
  title: string;
  goals: string[];
}

/** A department's annual training plan (「制定年度培訓計劃，明確培訓目標、內容、方式與時間安排」 P1 §六(一)1). */
export class TrainingPlanService {
  constructor(private readonly kit: { dataSource: DataSource; unitOfWork: UnitOfWork }) {}

  findByIds(ids: readonly string[]): Promise<TrainingPlanRecord[]> {
    return new TrainingPlanRepository(this.kit.dataSource.manager).findByIds(ids);
  }

  list(filter: { departmentId?: string | null; year?: number | null }): Promise<TrainingPlanRecord[]> {
    return new TrainingPlanRepository(this.kit.dataSource.manager).list(filter);
  }

  async create(context: WriteContext, command: CreateTrainingPlanCommand): Promise<TrainingPlanRecord> {
    if (!Number.isInteger(command.year) || command.year < 2000 || command.year > 2100) {
      throw new BadUserInputError('A year is 2000–2100', 'input.year');
    }
    const title = command.title.trim();
    if (title.length === 0) throw new BadUserInputError('A plan needs a title', 'input.title');
    const goals = command.goals.map((goal) => goal.trim());
    const empty = goals.findIndex((goal) => goal.length === 0);
    if (empty !== -1) throw new BadUserInputError('A goal cannot be empty', `input.goals.${empty}`);
    return this.kit.unitOfWork.run(context, async (tx) => {
      if (!(await new DepartmentRepository(tx.manager).findById(command.departmentId))) {
        throw new BadUserInputError(`There is no department ${command.departmentId}`, 'input.departmentId');
      }
      const plan: TrainingPlanRecord = {
        id: randomUUID(),
        departmentId: command.departmentId,
        year: command.year,
        title,
        goals,
        version: 0,
        createdAt: tx.now,
        updatedAt: tx.now,
      };
      return tx.save(TRAINING_PLAN, null, { after: plan, action: 'CREATED', changes: { ...plan } });
    });
  }
}
