// Customer use-cases. Each one: may the role do it (FORBIDDEN) → input formats (BAD_USER_INPUT with the field,
// before anything is written) → the customer, locked (NOT_FOUND) → expectedVersion (CONFLICT) → the change →
// one unit of work: row, audit line and event.
import {
  CustomerRegistered,
  CustomerTierChanged,
  CustomerUpdated,
  type CustomerTier,
} from '@opsgraph/contracts-events';
import {
  BadUserInputError,
  checkVersion,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  Role,
  type RequestMeta,
} from '@opsgraph/domain';
import { isUuid, pageRequest, toConnection, type ConnectionShape } from '@opsgraph/graphql-kit';
import { draft, type UnitOfWork, type WriteTransaction } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { permissions } from '../permissions';
import { canViewCustomer } from '@opsgraph/personal-data';
import { customerHistory, saveCustomer, type CustomerChange } from './customer.audit';
import type {
  AddCustomerContactInput,
  ChangeCustomerTierInput,
  ContactInput,
  CustomersArgs,
  RegisterCustomerInput,
  RemoveCustomerContactInput,
  UpdateCustomerConsentsInput,
  UpdateCustomerContactInput,
  UpdateCustomerInput,
} from './customer.inputs';
import type { ContactRecord, CustomerChangeRecord, CustomerRecord } from './customer.model';
import { customerKind, CustomerRepository, type CustomerOrder } from './customer.repository';
import {
  changedContactFields,
  changedFields,
  CONTACT_PERSONAL_FIELDS,
  fieldChanges,
  MAX_CONTACTS,
  normalizeCode,
  normalizeEmail,
  normalizeLanguage,
  normalizeName,
  normalizePhone,
  normalizeTags,
  redactedChanges,
  successorPrimary,
  toSnapshot,
} from './customer.rules';

const CODE_CONSTRAINT = 'customers_code_key';

function valid<T>(value: T | null, field: string, message: string): T {
  if (value === null) throw new BadUserInputError(message, field);
  return value;
}

const code = (raw: string, field: string) =>
  valid(normalizeCode(raw), field, `${field.split('.').pop()} must be 1–32 letters, digits, ".", "_" or "-"`);
const tags = (raw: readonly string[], field: string) =>
  valid(normalizeTags(raw), field, 'tags must be 1–32 letters, digits, spaces, ".", "_" or "-"');
const language = (raw: string | null | undefined, field: string) =>
  raw === null || raw === undefined
    ? null
    : valid(normalizeLanguage(raw), field, 'language must be a BCP 47 tag');
const phone = (raw: string | null | undefined, field: string) =>
  raw === null || raw === undefined || raw.trim() === ''
    ? null
    : valid(
        normalizePhone(raw),
        field,
        'phone must be a phone number in international form, e.g. +8613812345678',
      );
const email = (raw: string | null | undefined, field: string) =>
  raw === null || raw === undefined || raw.trim() === ''
    ? null
    : valid(normalizeEmail(raw), field, 'email must be an e-mail address');

function name(raw: string, field: string, max: number): string {
  const value = normalizeName(raw);
  if (value.length === 0 || value.length > max)
    throw new BadUserInputError(`name must be 1–${max} characters`, field);
  return value;
}

interface ContactValues {
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
}

function contactValues(input: Omit<ContactInput, 'isPrimary'>, prefix: string): ContactValues {
  const values = {
    name: name(input.name, `${prefix}.name`, 100),
    title: input.title?.trim() || null,
    phone: phone(input.phone, `${prefix}.phone`),
    email: email(input.email, `${prefix}.email`),
  };
  reachable(values, prefix);
  return values;
}

function reachable(contact: { phone: string | null; email: string | null }, prefix: string): void {
  if (contact.phone === null && contact.email === null) {
    throw new BadUserInputError('a contact needs a phone number or an e-mail address', `${prefix}.phone`);
  }
}

function isCodeTaken(error: unknown): boolean {
  const driver =
    error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : {};
  return driver.code === '23505' && driver.constraint === CODE_CONSTRAINT;
}

const codeTaken = (value: string, field: string) =>
  new BadUserInputError(`customer code ${value} is already taken`, field);

// --- cursors: [order, ...keyset]; a cursor of another order is refused -------------------------------------------

function cursorOf(order: CustomerOrder, customer: CustomerRecord): unknown[] {
  switch (order) {
    case 'NAME':
      return [order, customer.name, customer.id];
    case 'CODE':
      return [order, customer.code];
    case 'CREATED_AT':
      return [order, customer.createdAt.toISOString(), customer.id];
  }
}

function keysetOf(order: CustomerOrder, cursor: unknown[] | null): unknown[] | null {
  if (cursor === null) return null;
  const [tag, ...keys] = cursor;
  const strings = keys.every((key) => typeof key === 'string');
  const ok =
    tag === order &&
    strings &&
    (order === 'CODE'
      ? keys.length === 1
      : keys.length === 2 &&
        isUuid(keys[1] as string) &&
        (order === 'NAME' || !Number.isNaN(Date.parse(keys[0] as string))));
  if (!ok) throw new BadUserInputError(`Invalid cursor in "after" for orderBy ${order}`, 'after');
  return keys;
}

export class CustomerService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Reads outside a transaction (loaders, lists). */
  repository(): CustomerRepository {
    return new CustomerRepository(this.unitOfWork.dataSource.manager);
  }

  // --- queries ------------------------------------------------------------------------------------------------

  async search(meta: RequestMeta, args: CustomersArgs): Promise<ConnectionShape<CustomerRecord>> {
    permissions.require(meta.caller, 'SEARCH_CUSTOMERS');
    const page = pageRequest(args);
    const order = args.orderBy;
    const filter = args.filter ?? {};
    const { rows, total } = await this.repository().search(
      {
        text: filter.text,
        tags: filter.tags ? tags(filter.tags, 'filter.tags') : undefined,
        tiers: filter.tiers,
        types: filter.types,
      },
      order,
      page.first + 1,
      keysetOf(order, page.after),
    );
    return toConnection(rows, page.first, (row) => cursorOf(order, row), total);
  }

  async findByCode(meta: RequestMeta, raw: string): Promise<CustomerRecord | null> {
    const caller = permissions.require(meta.caller, 'READ_CUSTOMERS');
    const normalized = normalizeCode(raw);
    const customer = normalized === null ? null : await this.repository().findByCode(normalized);
    return customer && canViewCustomer(caller, customer.id) ? customer : null;
  }

  async changes(
    meta: RequestMeta,
    customerId: string,
    args: { first?: number | null; after?: string | null },
  ): Promise<ConnectionShape<CustomerChangeRecord>> {
    permissions.require(meta.caller, 'READ_THE_CUSTOMER_AUDIT_TRAIL');
    const page = pageRequest(args);
    const after = page.after === null ? null : page.after[0];
    if (after !== null && (typeof after !== 'string' || !/^\d{1,18}$/.test(after))) {
      throw new BadUserInputError('Invalid cursor in "after"', 'after');
    }
    const { rows, total } = await customerHistory(
      this.unitOfWork.dataSource.manager,
      customerId,
      page.first + 1,
      after,
    );
    return toConnection(rows, page.first, (row) => [row.id], total);
  }

  // --- commands -----------------------------------------------------------------------------------------------

  async register(meta: RequestMeta, input: RegisterCustomerInput): Promise<CustomerRecord> {
    const caller = permissions.require(meta.caller, 'REGISTER_CUSTOMERS');
    if (input.tier !== 'STANDARD' && !permissions.can(caller, 'CHANGE_CUSTOMER_TIERS')) {
      throw new ForbiddenError(`${caller.role} may register STANDARD customers only`);
    }
    const primaries = input.contacts.flatMap((contact, index) => (contact.isPrimary ? [index] : []));
    if (primaries.length > 1) {
      throw new BadUserInputError(
        'only one contact can be primary',
        `input.contacts.${primaries[1]}.isPrimary`,
      );
    }
    const customer: CustomerRecord = {
      id: randomUUID(),
      code: code(input.code, 'input.code'),
      name: name(input.name, 'input.name', 200),
      type: input.type,
      tier: input.tier,
      tags: tags(input.tags, 'input.tags'),
      preferredChannel: input.preferredChannel ?? null,
      language: language(input.language, 'input.language'),
      consents: {
        marketing: input.consents?.marketing ?? false,
        surveys: input.consents?.surveys ?? false,
        revisits: input.consents?.revisits ?? false,
      },
      consentsUpdatedAt: null,
      lastRevisitAt: null,
      createdBy: caller.userId,
      version: 0,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    };
    const contacts = input.contacts.map((contact, index) =>
      contactValues(contact, `input.contacts.${index}`),
    );
    const primaryIndex = primaries[0] ?? 0;

    return this.unitOfWork.run(meta, async (tx) => {
      const now = tx.now;
      const customers = new CustomerRepository(tx.manager);
      if (await customers.findByCode(customer.code)) throw codeTaken(customer.code, 'input.code');
      const registered = await saveOrCodeTaken(tx, null, 'input.code', {
        customer: { ...customer, consentsUpdatedAt: input.consents ? now : null },
        action: 'REGISTERED',
        changes: [
          ...fieldChanges({} as Partial<CustomerRecord>, customer, [
            'code',
            'name',
            'type',
            'tier',
            'tags',
            'preferredChannel',
            'language',
          ]).filter((change) => change.to !== null && change.to !== ''),
          ...(contacts.length > 0 ? [{ field: 'contacts', from: null, to: String(contacts.length) }] : []),
        ],
        event: draft(CustomerRegistered, toSnapshot(customer)),
      });
      for (const [index, values] of contacts.entries()) {
        await customers.insertContact({
          id: randomUUID(),
          customerId: registered.id,
          ...values,
          isPrimary: index === primaryIndex,
          // Distinct times keep the order in which they were given.
          createdAt: new Date(now.getTime() + index),
          updatedAt: now,
        });
      }
      return registered;
    });
  }

  async update(meta: RequestMeta, input: UpdateCustomerInput): Promise<CustomerRecord> {
    permissions.require(meta.caller, 'UPDATE_CUSTOMERS');
    const patch: Partial<CustomerRecord> = {};
    if (input.code !== undefined && input.code !== null) patch.code = code(input.code, 'input.code');
    if (input.name !== undefined && input.name !== null) patch.name = name(input.name, 'input.name', 200);
    if (input.type !== undefined && input.type !== null) patch.type = input.type;
    if (input.tags !== undefined && input.tags !== null) patch.tags = tags(input.tags, 'input.tags');
    if (input.preferredChannel !== undefined) patch.preferredChannel = input.preferredChannel;
    if (input.language !== undefined) patch.language = language(input.language, 'input.language');

    return this.change(meta, input.id, input.expectedVersion, async (current, tx) => {
      const next = { ...current, ...patch };
      const changed = changedFields(current, next);
      if (changed.length === 0) return current;
      if (changed.includes('code') && (await new CustomerRepository(tx.manager).findByCode(next.code))) {
        throw codeTaken(next.code, 'input.code');
      }
      return saveOrCodeTaken(tx, current, 'input.code', {
        customer: next,
        action: 'UPDATED',
        changes: fieldChanges(current, next, changed),
        event: draft(CustomerUpdated, { ...toSnapshot(next), changedFields: changed }),
      });
    });
  }

  async changeTier(meta: RequestMeta, input: ChangeCustomerTierInput): Promise<CustomerRecord> {
    permissions.require(meta.caller, 'CHANGE_CUSTOMER_TIERS');
    const reason = input.reason?.trim() || null;
    return this.change(meta, input.id, input.expectedVersion, async (current, tx) => {
      if (current.tier === input.tier) {
        throw new InvalidTransitionError(`customer ${current.code} is already ${current.tier}`, current.tier);
      }
      const next: CustomerRecord = { ...current, tier: input.tier as CustomerTier };
      return saveCustomer(tx, current, {
        customer: next,
        action: 'TIER_CHANGED',
        changes: [
          ...fieldChanges(current, next, ['tier']),
          ...(reason ? [{ field: 'reason', from: null, to: reason }] : []),
        ],
        event: draft(CustomerTierChanged, {
          ...toSnapshot(next),
          fromTier: current.tier,
          toTier: next.tier,
          reason,
        }),
      });
    });
  }

  /** Staff, or a portal user for its own record. Consents are personal data: audited, no event. */
  async updateConsents(meta: RequestMeta, input: UpdateCustomerConsentsInput): Promise<CustomerRecord> {
    const caller = permissions.require(meta.caller, 'CHANGE_CONSENTS');
    if (caller.role === Role.CUSTOMER && caller.customerId !== input.id)
      throw new NotFoundError('Customer', input.id);
    return this.change(meta, input.id, input.expectedVersion, async (current, tx) => {
      const consents = {
        marketing: input.marketing ?? current.consents.marketing,
        surveys: input.surveys ?? current.consents.surveys,
        revisits: input.revisits ?? current.consents.revisits,
      };
      const changes = fieldChanges(current.consents, consents, ['marketing', 'surveys', 'revisits']).map(
        (change) => ({ ...change, field: `consents.${change.field}` }),
      );
      if (changes.length === 0) return current;
      return saveCustomer(tx, current, {
        customer: { ...current, consents, consentsUpdatedAt: tx.now },
        action: 'CONSENTS_CHANGED',
        changes,
      });
    });
  }

  async addContact(meta: RequestMeta, input: AddCustomerContactInput): Promise<CustomerRecord> {
    permissions.require(meta.caller, 'CHANGE_CONTACTS');
    const values = contactValues(input, 'input');
    return this.change(meta, input.customerId, input.expectedVersion, async (current, tx) => {
      const customers = new CustomerRepository(tx.manager);
      const existing = await customers.contactsOf([current.id]);
      if (existing.length >= MAX_CONTACTS) {
        throw new BadUserInputError(`a customer has at most ${MAX_CONTACTS} contacts`, 'input.customerId');
      }
      const isPrimary = existing.length === 0 || input.isPrimary === true;
      if (isPrimary) await customers.clearPrimary(current.id);
      const contact: ContactRecord = {
        id: randomUUID(),
        customerId: current.id,
        ...values,
        isPrimary,
        createdAt: tx.now,
        updatedAt: tx.now,
      };
      await customers.insertContact(contact);
      return saveCustomer(tx, current, {
        customer: current,
        action: 'CONTACT_ADDED',
        subjectId: contact.id,
        changes: [
          ...redactedChanges(CONTACT_PERSONAL_FIELDS.filter((field) => contact[field] !== null)),
          ...fieldChanges<Pick<ContactRecord, 'title' | 'isPrimary'>>(
            { title: null, isPrimary: false },
            contact,
            ['title', 'isPrimary'],
          ).filter((change) => change.to !== 'false'),
        ],
      });
    });
  }

  async updateContact(meta: RequestMeta, input: UpdateCustomerContactInput): Promise<CustomerRecord> {
    permissions.require(meta.caller, 'CHANGE_CONTACTS');
    const patch: Partial<ContactRecord> = {};
    if (input.name !== undefined && input.name !== null) patch.name = name(input.name, 'input.name', 100);
    if (input.title !== undefined) patch.title = input.title?.trim() || null;
    if (input.phone !== undefined) patch.phone = phone(input.phone, 'input.phone');
    if (input.email !== undefined) patch.email = email(input.email, 'input.email');
    return this.change(meta, input.customerId, input.expectedVersion, async (current, tx) => {
      const customers = new CustomerRepository(tx.manager);
      const contacts = await customers.contactsOf([current.id]);
      const before = contacts.find((contact) => contact.id === input.contactId);
      if (!before) throw new NotFoundError('Contact', input.contactId);
      if (input.isPrimary === false && before.isPrimary) {
        throw new BadUserInputError('make another contact primary instead', 'input.isPrimary');
      }
      const after: ContactRecord = {
        ...before,
        ...patch,
        isPrimary: before.isPrimary || input.isPrimary === true,
      };
      reachable(after, 'input');
      const changed = changedContactFields(before, after);
      if (changed.length === 0) return current;
      if (after.isPrimary && !before.isPrimary) await customers.clearPrimary(current.id);
      await customers.updateContact({ ...after, updatedAt: tx.now });
      const personal = changed.filter((field) =>
        (CONTACT_PERSONAL_FIELDS as readonly string[]).includes(field),
      );
      return saveCustomer(tx, current, {
        customer: current,
        action: 'CONTACT_UPDATED',
        subjectId: after.id,
        changes: [
          ...redactedChanges(personal),
          ...fieldChanges(before, after, ['title', 'isPrimary'] as const),
        ],
      });
    });
  }

  async removeContact(meta: RequestMeta, input: RemoveCustomerContactInput): Promise<CustomerRecord> {
    permissions.require(meta.caller, 'CHANGE_CONTACTS');
    return this.change(meta, input.customerId, input.expectedVersion, async (current, tx) => {
      const customers = new CustomerRepository(tx.manager);
      const contacts = await customers.contactsOf([current.id]);
      const removed = contacts.find((contact) => contact.id === input.contactId);
      if (!removed) throw new NotFoundError('Contact', input.contactId);
      await customers.deleteContact(removed.id);
      const successor = removed.isPrimary
        ? successorPrimary(contacts.filter((contact) => contact.id !== removed.id))
        : null;
      if (successor) await customers.updateContact({ ...successor, isPrimary: true, updatedAt: tx.now });
      return saveCustomer(tx, current, {
        customer: current,
        action: 'CONTACT_REMOVED',
        subjectId: removed.id,
        changes: successor ? [{ field: 'primaryContact', from: removed.id, to: successor.id }] : [],
      });
    });
  }

  // --- shared steps -------------------------------------------------------------------------------------------

  /** Locks the customer, checks the caller may see it and the version, then runs `mutate` in the unit of work. */
  private change(
    meta: RequestMeta,
    customerId: string,
    expectedVersion: number,
    mutate: (current: CustomerRecord, tx: WriteTransaction) => Promise<CustomerRecord>,
  ): Promise<CustomerRecord> {
    // The request's caller, correlation id and trace context are the unit of work's write context.
    return this.unitOfWork.run(meta, async (tx) => {
      const current = await tx.load(customerKind, customerId);
      if (meta.caller && !canViewCustomer(meta.caller, current.id)) {
        throw new NotFoundError('Customer', customerId);
      }
      checkVersion(`Customer ${current.code}`, current, expectedVersion);
      return mutate(current, tx);
    });
  }
}

/** A unique-code race lost after the pre-check surfaces as the same BAD_USER_INPUT. */
async function saveOrCodeTaken(
  tx: WriteTransaction,
  before: CustomerRecord | null,
  field: string,
  change: CustomerChange,
): Promise<CustomerRecord> {
  try {
    return await saveCustomer(tx, before, change);
  } catch (error) {
    if (isCodeTaken(error)) throw codeTaken(change.customer.code, field);
    throw error;
  }
}
