// TypeORM mapping of care revisits (created by migrations); it never leaves revisit.repository.ts.
import { AggregateRow, TimestampColumn } from '@opsgraph/persistence';
import { Column, Entity } from 'typeorm';

@Entity('customer_revisits')
export class RevisitEntity extends AggregateRow {
  @Column('uuid', { name: 'customer_id' })
  customerId: string;

  @Column('text')
  purpose: string;

  @TimestampColumn('due_at')
  dueAt: Date;

  @Column('uuid', { name: 'assignee_employee_id' })
  assigneeEmployeeId: string;

  @Column('uuid', { name: 'ticket_id', nullable: true })
  ticketId: string | null;

  @Column('text')
  status: string;

  @TimestampColumn('revisited_at', { nullable: true })
  revisitedAt: Date | null;

  @Column('text', { nullable: true })
  channel: string | null;

  @Column('text', { nullable: true })
  outcome: string | null;

  @Column('boolean', { nullable: true })
  satisfied: boolean | null;

  @Column('text', { name: 'cancel_reason', nullable: true })
  cancelReason: string | null;

  @Column('text', { name: 'scheduled_by' })
  scheduledBy: string;

  @Column('text', { name: 'recorded_by', nullable: true })
  recordedBy: string | null;
}
