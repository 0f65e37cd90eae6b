import { AggregateRow } from '@opsgraph/persistence';
import { Column, Entity } from 'typeorm';
import type { GradingPolicy } from '../appraisals/grading.rules';
import type { CycleKind } from './appraisal-cycle.rules';

@Entity('appraisal_cycles')
export class AppraisalCycleEntity extends AggregateRow {
  @Column('text')
  kind: CycleKind;

  @Column('text')
  period: string;

  /** null: centre-wide. */
  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId: string | null;

  @Column('date', { name: 'self_review_due' })
  selfReviewDue: string;

  @Column('date', { name: 'manager_review_due' })
  managerReviewDue: string;

  @Column('date', { name: 'calibration_due' })
  calibrationDue: string;

  @Column('date', { name: 'publication_date' })
  publicationDate: string;

  @Column('jsonb')
  grading: GradingPolicy;

  @Column('int', { name: 'ability_weight' })
  abilityWeight: number;
}

export type AppraisalCycleRecord = Readonly<AppraisalCycleEntity>;
