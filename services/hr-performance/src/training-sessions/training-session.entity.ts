import type { PRACTICAL_RESULTS, TRAINING_KINDS } from '@opsgraph/contracts-events';
import { AggregateRow } from '@opsgraph/persistence';
import { Column, Entity } from 'typeorm';

export type TrainingKind = (typeof TRAINING_KINDS)[number];
export type PracticalResult = (typeof PRACTICAL_RESULTS)[number];

export interface Trainee {
  readonly employeeId: string;
  readonly enrolledAt: string;
  /** null until attendance is recorded. */
  readonly attended: boolean | null;
  readonly examScore: number | null;
  readonly practicalResult: PracticalResult | null;
  readonly feedback: string | null;
  readonly certificateNumber: string | null;
  readonly certificateIssuedOn: string | null;
}

@Entity('training_sessions')
export class TrainingSessionEntity extends AggregateRow {
  @Column('uuid', { name: 'plan_id' })
  planId: string;

  @Column('uuid', { name: 'department_id' })
  departmentId: string;

  @Column('text')
  title: string;

  @Column('text')
  kind: TrainingKind;

  @Column('date', { name: 'starts_on' })
  startsOn: string;

  @Column('date', { name: 'ends_on' })
  endsOn: string;

  @Column('text', { nullable: true })
  trainer: string | null;

  @Column('int')
  capacity: number;

  @Column('jsonb')
  attendees: Trainee[];
}

export type TrainingSessionRecord = Readonly<TrainingSessionEntity>;
