// TypeORM mappings of the service-history read model (created by migrations); they never leave the projection's
// repository.
import { TimestampColumn } from '@opsgraph/persistence';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('service_history_tickets')
export class ServiceHistoryTicketEntity {
  @PrimaryColumn('uuid', { name: 'ticket_id' })
  ticketId: string;

  @Column('uuid', { name: 'customer_id' })
  customerId: string;

  @Column('text')
  number: string;

  @Column('text')
  kind: string;

  @Column('text')
  status: string;

  @TimestampColumn('opened_at')
  openedAt: Date;

  @Column('int', { name: 'snapshot_version' })
  snapshotVersion: number;

  @TimestampColumn('last_contact_at')
  lastContactAt: Date;

  @Column('smallint', { nullable: true })
  satisfaction: number | null;

  @Column('int', { name: 'survey_version', nullable: true })
  surveyVersion: number | null;

  @Column('uuid', { name: 'merged_into_id', nullable: true })
  mergedIntoId: string | null;
}

@Entity('customer_service_history')
export class CustomerServiceHistoryEntity {
  @PrimaryColumn('uuid', { name: 'customer_id' })
  customerId: string;

  @Column('int', { name: 'tickets_total' })
  ticketsTotal: number;

  @Column('int', { name: 'tickets_open' })
  ticketsOpen: number;

  @Column('int')
  complaints: number;

  @Column('int', { name: 'satisfaction_sum' })
  satisfactionSum: number;

  @Column('int', { name: 'satisfaction_count' })
  satisfactionCount: number;

  @TimestampColumn('last_contact_at', { nullable: true })
  lastContactAt: Date | null;

  @Column('uuid', { name: 'last_complaint_ticket_id', nullable: true })
  lastComplaintTicketId: string | null;

  @Column('text', { name: 'last_complaint_number', nullable: true })
  lastComplaintNumber: string | null;

  @TimestampColumn('last_complaint_at', { nullable: true })
  lastComplaintAt: Date | null;
}

export const serviceHistoryEntities = [ServiceHistoryTicketEntity, CustomerServiceHistoryEntity];
