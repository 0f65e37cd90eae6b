// TypeORM mappings of the customer aggregate's tables (created by migrations, never synchronized). They never leave
// customer.repository.ts, which maps them to and from the domain types.
import { Column, Entity, PrimaryColumn } from 'typeorm';

const timestamptz = (name: string, nullable = false) => ({ name, type: 'timestamptz' as const, nullable });

@Entity('customers')
export class CustomerEntity {
  @PrimaryColumn('uuid')
  id: string;

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

  @Column(timestamptz('consents_updated_at', true))
  consentsUpdatedAt: Date | null;

  @Column(timestamptz('last_revisit_at', true))
  lastRevisitAt: Date | null;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Column(timestamptz('created_at'))
  createdAt: Date;

  @Column(timestamptz('updated_at'))
  updatedAt: Date;

  @Column('int')
  version: number;
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

  @Column(timestamptz('created_at'))
  createdAt: Date;

  @Column(timestamptz('updated_at'))
  updatedAt: Date;
}

export const customerEntities = [CustomerEntity, ContactEntity];
