// TypeORM mapping of care revisits (created by migrations); it never leaves revisit.repository.ts.
import { Column, Entity, PrimaryColumn } from 'typeorm';

const timestamptz = (name: string, nullable = false) => ({ name, type: 'timestamptz' as const, nullable });

@Entity('customer_revisits')
export class RevisitEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'customer_id' })
  customerId: string;

  @Column('text')
  purpose: string;

  @Column(timestamptz('due_at'))
  dueAt: Date;

  @Column('uuid', { name: 'assignee_employee_id' })
  assigneeEmployeeId: string;

  @Column('uuid', { name: 'ticket_id', nullable: true })
  ticketId: string | null;

  @Column('text')
  status: string;

  @Column(timestamptz('revisited_at', true))
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

  @Column(timestamptz('created_at'))
  createdAt: Date;

  @Column(timestamptz('updated_at'))
  updatedAt: Date;

  @Column('int')
  version: number;
}
