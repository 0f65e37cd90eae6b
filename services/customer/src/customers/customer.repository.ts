// The only TypeORM access of the customer aggregate (customers, contacts, change audit). Built on an EntityManager:
// the DataSource's for reads, the transaction's inside a use-case.
import type { CustomerTier, CustomerType, TicketChannel } from '@opsgraph/contracts-events';
import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { ContactEntity, CustomerChangeEntity, CustomerEntity } from './customer.entity';
import type { ContactRecord, CustomerChangeRecord, CustomerRecord } from './customer.model';

export type CustomerOrder = 'NAME' | 'CODE' | 'CREATED_AT';

export interface CustomerSearch {
  /** Part of the name (trigram index) or the start of the code. */
  text?: string;
  tags?: string[];
  tiers?: CustomerTier[];
  types?: CustomerType[];
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that cannot exist (not UUIDs, e.g. from `_entities`) are dropped instead of failing the whole query. */
export const validIds = (ids: readonly string[]): string[] => ids.filter((id) => UUID.test(id));

function toCustomer(row: CustomerEntity): CustomerRecord {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type as CustomerType,
    tier: row.tier as CustomerTier,
    tags: row.tags,
    preferredChannel: row.preferredChannel as TicketChannel | null,
    language: row.language,
    consents: { marketing: row.consentMarketing, surveys: row.consentSurveys, revisits: row.consentRevisits },
    consentsUpdatedAt: row.consentsUpdatedAt,
    lastRevisitAt: row.lastRevisitAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function fromCustomer(customer: CustomerRecord): Omit<CustomerEntity, 'createdBy'> {
  return {
    id: customer.id,
    code: customer.code,
    name: customer.name,
    type: customer.type,
    tier: customer.tier,
    tags: customer.tags,
    preferredChannel: customer.preferredChannel,
    language: customer.language,
    consentMarketing: customer.consents.marketing,
    consentSurveys: customer.consents.surveys,
    consentRevisits: customer.consents.revisits,
    consentsUpdatedAt: customer.consentsUpdatedAt,
    lastRevisitAt: customer.lastRevisitAt,
    version: customer.version,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
  };
}

function toContact(row: ContactEntity): ContactRecord {
  return {
    id: row.id,
    customerId: row.customerId,
    name: row.name,
    title: row.title,
    phone: row.phone,
    email: row.email,
    isPrimary: row.isPrimary,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toChange(row: CustomerChangeEntity): CustomerChangeRecord {
  return {
    id: row.id,
    customerId: row.customerId,
    customerVersion: row.customerVersion,
    action: row.action as CustomerChangeRecord['action'],
    subjectId: row.subjectId,
    changes: row.changes,
    actorId: row.actorId,
    actorRole: row.actorRole,
    occurredAt: row.occurredAt,
  };
}

/** Primary first, then in the order they were added. */
const contactOrder = (a: ContactRecord, b: ContactRecord): number =>
  Number(b.isPrimary) - Number(a.isPrimary) ||
  a.createdAt.getTime() - b.createdAt.getTime() ||
  a.id.localeCompare(b.id);

export class CustomerRepository {
  constructor(private readonly manager: EntityManager) {}

  async findByIds(ids: readonly string[]): Promise<CustomerRecord[]> {
    const valid = validIds(ids);
    if (valid.length === 0) return [];
    const rows = await this.manager.getRepository(CustomerEntity).findBy({ id: In(valid) });
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
    if (validIds([id]).length === 0) return null;
    const row = await this.manager
      .createQueryBuilder(CustomerEntity, 'c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
    return row ? toCustomer(row) : null;
  }

  async insert(customer: CustomerRecord, createdBy: string): Promise<void> {
    await this.manager.getRepository(CustomerEntity).insert({ ...fromCustomer(customer), createdBy });
  }

  /** Only after `lock` in the same transaction. */
  async update(customer: CustomerRecord): Promise<void> {
    const { id, ...values } = fromCustomer(customer);
    await this.manager.getRepository(CustomerEntity).update({ id }, values);
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

  // --- change audit -----------------------------------------------------------------------------------------

  async appendChange(
    change: Omit<CustomerChangeRecord, 'id'> & { correlationId: string | null },
  ): Promise<void> {
    await this.manager.getRepository(CustomerChangeEntity).insert(change);
  }

  async changes(
    customerId: string,
    limit: number,
    afterId: string | null,
  ): Promise<{ rows: CustomerChangeRecord[]; total: number }> {
    const query = this.manager
      .createQueryBuilder(CustomerChangeEntity, 'h')
      .where('h.customerId = :customerId', { customerId });
    const total = await query.clone().getCount();
    if (afterId) query.andWhere('h.id < :afterId', { afterId });
    const rows = await query.orderBy('h.id', 'DESC').limit(limit).getMany();
    return { rows: rows.map(toChange), total };
  }
}
