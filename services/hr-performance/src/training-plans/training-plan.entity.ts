import { AggregateRow } from '@opsgraph/persistence';
import { Column, Entity } from 'typeorm';

@Entity('training_plans')
export class TrainingPlanEntity extends AggregateRow {
  @Column('uuid', { name: 'department_id' })
  departmentId: string;

  @Column('int')
  year: number;

  @Column('text')
  title: string;

  /** 培訓目標 — what the year's training should achieve. */
  @Column('jsonb')
  goals: string[];
}

export type TrainingPlanRecord = Readonly<TrainingPlanEntity>;
