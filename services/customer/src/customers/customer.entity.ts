// TypeORM mappings of the customer aggregate's tables (created by migrations, never synchronized). They never leave
// customer.repository.ts, which maps them to and from the domain types.
import { AggregateRow, TimestampColumn } from '@opsgraph/persistence';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('customers')
export class CustomerEntity extends AggregateRow {
  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  type: string;

  @Column('text')
  tier: string;

  @Column('text', { array: true })
  tags: string[];

  @Column('text', { name: 'preferred_channel', nullable: true })
  preferredChannel: string | null;

  @Column('text', { nullable: true })
  language: string | null;

  @Column('boolean', { name: 'consent_marketing' })
  consentMarketing: boolean;

  @Column('boolean', { name: 'consent_surveys' })
  consentSurveys: boolean;

  @Column('boolean', { name: 'consent_revisits' })
  consentRevisits: boolean;

  @TimestampColumn('consents_updated_at', { nullable: true })
  consentsUpdatedAt: Date | null;

  @TimestampColumn('last_revisit_at', { nullable: true })
  lastRevisitAt: Date | null;

  @Column('text', { name: 'created_by' })
  createdBy: string;
}

@Entity('customer_contacts')
export class ContactEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'customer_id' })
  customerId: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  title: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('boolean', { name: 'is_primary' })
  isPrimary: boolean;

  @TimestampColumn('created_at')
  createdAt: Date;

  @TimestampColumn('updated_at')
  updatedAt: Date;
}

export const customerEntities = [CustomerEntity, ContactEntity];
