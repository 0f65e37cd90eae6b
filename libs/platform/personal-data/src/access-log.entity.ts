// TypeORM mapping of the personal-data access log (append-only, created by migrations).
import { TimestampColumn } from '@opsgraph/persistence';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('personal_data_access_log')
export class PersonalDataAccessEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @TimestampColumn('accessed_at')
  accessedAt: Date;

  @Column('text', { name: 'user_id' })
  userId: string;

  @Column('text')
  role: string;

  @Column('text', { name: 'employee_id', nullable: true })
  employeeId: string | null;

  @Column('uuid', { name: 'customer_id' })
  customerId: string;

  @Column('text', { array: true })
  fields: string[];

  @Column('text', { nullable: true })
  operation: string | null;

  @Column('text', { name: 'correlation_id', nullable: true })
  correlationId: string | null;
}
