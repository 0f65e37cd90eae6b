import { AggregateRow } from '@opsgraph/persistence';
import { Column, Entity } from 'typeorm';
import type { AwardKind, AwardStatus } from './award.rules';

@Entity('awards')
export class AwardEntity extends AggregateRow {
  @Column('uuid', { name: 'employee_id' })
  employeeId: string;

  @Column('text')
  kind: AwardKind;

  @Column('text')
  period: string;

  @Column('text')
  reason: string;

  @Column('text')
  status: AwardStatus;

  /** The actor id of who nominated / decided (a user id, not necessarily an employee). */
  @Column('text', { name: 'nominated_by', nullable: true })
  nominatedBy: string | null;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @Column('text', { name: 'decision_note', nullable: true })
  decisionNote: string | null;
}

export type AwardRecord = Readonly<AwardEntity>;
