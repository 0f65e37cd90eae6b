// The only TypeORM access of the customer aggregate (customers, contacts). Built on an EntityManager: the
// DataSource's for reads, the transaction's inside a use-case. The audit trail is the kit's audit_log.
import { findEntitiesByIds } from '@opsgraph/persistence';
import type { CustomerTier, CustomerType, TicketChannel } from '@opsgraph/contracts-events';
import { lockRow, repositoryStore, type AggregateKind } from '@opsgraph/service-kit';
import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { ContactEntity, CustomerEntity } from './customer.entity';
import type { ContactRecord, CustomerRecord } from './customer.model';

export type CustomerOrder = 'NAME' | 'CODE' | 'CREATED_AT';

export interface CustomerSearch {
  /** Part of the name (trigram index) or the start of the code. */
  text?: string;
  tags?: string[];
  tiers?: CustomerTier[];
  types?: CustomerType[];
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** The record is the row with its three consent columns as one `consents` value. */
function toCustomer(row: CustomerEntity): CustomerRecord {
  const { consentMarketing, consentSurveys, consentRevisits, ...columns } = row;
  return {
    ...columns,
    type: row.type as CustomerType,
    tier: row.tier as CustomerTier,
    preferredChannel: row.preferredChannel as TicketChannel | null,
    consents: { marketing: consentMarketing, surveys: consentSurveys, revisits: consentRevisits },
  };
}

function fromCustomer({ consents, ...fields }: CustomerRecord): CustomerEntity {
  return {
    ...fields,
    consentMarketing: consents.marketing,
    consentSurveys: consents.surveys,
    consentRevisits: consents.revisits,
  };
}

/** A contact record has exactly the row's columns. */
const toContact = (row: ContactEntity): ContactRecord => ({ ...row });

/** Primary first, then in the order they were added. */
const contactOrder = (a: ContactRecord, b: ContactRecord): number =>
  Number(b.isPrimary) - Number(a.isPrimary) ||
  a.createdAt.getTime() - b.createdAt.getTime() ||
  a.id.localeCompare(b.id);

export class CustomerRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Ids come from the graph's hygiene (UUIDs only) or the database. */
  async findByIds(ids: readonly string[]): Promise<CustomerRecord[]> {
    if (ids.length === 0) return [];
    // The reference loader's batch (every Customer the gateway resolves): plain SQL, no query builder.
    const rows = await findEntitiesByIds(this.manager, CustomerEntity, ids);
    return rows.map(toCustomer);
  }

  async findByCode(code: string): Promise<CustomerRecord | null> {
    const row = await this.manager.getRepository(CustomerEntity).findOneBy({ code });
    return row ? toCustomer(row) : null;
  }

  /**
   * The customer row, locked until the transaction ends: use-cases read it, check `expectedVersion`, then write.
   * The lock also orders outbox rows per customer (see OutboxWriter).
   */
  async lock(id: string): Promise<CustomerRecord | null> {
    const row = await lockRow(this.manager, CustomerEntity, { id });
    return row ? toCustomer(row) : null;
  }

  async insert(customer: CustomerRecord): Promise<void> {
    await this.manager.getRepository(CustomerEntity).insert(fromCustomer(customer));
  }

  /** Writes the customer where its row is still at `expectedVersion`; false when it is not. */
  async update(customer: CustomerRecord, expectedVersion: number): Promise<boolean> {
    const { id, ...values } = fromCustomer(customer);
    const result = await this.manager
      .getRepository(CustomerEntity)
      .update({ id, version: expectedVersion }, values);
    return result.affected === 1;
  }

  async search(
    search: CustomerSearch,
    order: CustomerOrder,
    limit: number,
    after: unknown[] | null,
  ): Promise<{ rows: CustomerRecord[]; total: number }> {
    const filtered = this.filtered(search);
    const total = await filtered.clone().getCount();
    const page = filtered.clone();
    switch (order) {
      case 'NAME':
        if (after) page.andWhere('(c.name, c.id) > (:name, :id)', { name: after[0], id: after[1] });
        page.orderBy('c.name', 'ASC').addOrderBy('c.id', 'ASC');
        break;
      case 'CODE':
        if (after) page.andWhere('c.code > :code', { code: after[0] });
        page.orderBy('c.code', 'ASC');
        break;
      case 'CREATED_AT':
        if (after) {
          page.andWhere('(c.createdAt, c.id) < (:createdAt, :id)', { createdAt: after[0], id: after[1] });
        }
        page.orderBy('c.createdAt', 'DESC').addOrderBy('c.id', 'DESC');
        break;
    }
    const rows = await page.limit(limit).getMany();
    return { rows: rows.map(toCustomer), total };
  }

  private filtered(search: CustomerSearch): SelectQueryBuilder<CustomerEntity> {
    const query = this.manager.createQueryBuilder(CustomerEntity, 'c');
    const text = search.text?.trim();
    if (text) {
      // Two index-backed conditions (trigram on name, code prefix on the "C"-collated unique index), OR-ed.
      query.andWhere('(c.name ilike :namePattern or c.code like :codePrefix)', {
        namePattern: `%${escapeLike(text)}%`,
        codePrefix: `${escapeLike(text.toUpperCase())}%`,
      });
    }
    if (search.tags?.length) query.andWhere('c.tags @> cast(:tags as text[])', { tags: search.tags });
    if (search.tiers?.length) query.andWhere('c.tier in (:...tiers)', { tiers: search.tiers });
    if (search.types?.length) query.andWhere('c.type in (:...types)', { types: search.types });
    return query;
  }

  // --- contacts ---------------------------------------------------------------------------------------------

  async contactsOf(customerIds: readonly string[]): Promise<ContactRecord[]> {
    if (customerIds.length === 0) return [];
    const rows = await this.manager.getRepository(ContactEntity).findBy({ customerId: In([...customerIds]) });
    return rows.map(toContact).sort(contactOrder);
  }

  async insertContact(contact: ContactRecord): Promise<void> {
    await this.manager.getRepository(ContactEntity).insert(contact);
  }

  async updateContact(contact: ContactRecord): Promise<void> {
    const { id, ...values } = contact;
    await this.manager.getRepository(ContactEntity).update({ id }, values);
  }

  async deleteContact(id: string): Promise<void> {
    await this.manager.getRepository(ContactEntity).delete({ id });
  }

  /** Before another contact becomes primary (the partial unique index allows one per customer). */
  async clearPrimary(customerId: string): Promise<void> {
    await this.manager
      .getRepository(ContactEntity)
      .update({ customerId, isPrimary: true }, { isPrimary: false });
  }
}

/** The customer aggregate for the kit's unit of work (events, audit lines and versions of `customer`). */
export const customerKind: AggregateKind<CustomerRecord> = {
  type: 'customer',
  label: 'Customer',
  store: repositoryStore(CustomerRepository),
};
