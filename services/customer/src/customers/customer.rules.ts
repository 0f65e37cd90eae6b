// Pure rules of the customer aggregate: input formats (shared by the class-validator decorators and the service),
// the event snapshot, what changed (for events and the audit), the primary-contact rule.
import { CUSTOMER_UPDATABLE_FIELDS, type CustomerSnapshot } from '@opsgraph/contracts-events';
import { isEmail } from 'class-validator';
import type { ContactRecord, CustomerRecord, FieldChange } from './customer.model';

export const MAX_TAGS = 20;
export const MAX_CONTACTS = 50;

// ---------------------------------------------------------------------------------------------------------------
// Formats. Each `normalizeX` returns the stored form, or `null` when the value is malformed; the class-validator
// decorators in customer.inputs.ts use the same functions, so the API and the service agree.

const CODE = /^[A-Z0-9][A-Z0-9._-]{0,31}$/;

/** Codes are compared case-insensitively: stored trimmed and upper-cased (`c-2025-0042` → `C-2025-0042`). */
export function normalizeCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return CODE.test(code) ? code : null;
}

const TAG = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,31}$/u;

export function normalizeTag(raw: string): string | null {
  const tag = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  return TAG.test(tag) ? tag : null;
}

/** Normalized, de-duplicated, in first-seen order; `null` when one tag is malformed. */
export function normalizeTags(raw: readonly string[]): string[] | null {
  const tags: string[] = [];
  for (const value of raw) {
    const tag = normalizeTag(value);
    if (tag === null) return null;
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

// The event contract's pattern for `language`.
const BCP47 = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** Canonical BCP 47 tag (`zh-tw` → `zh-TW`). */
export function normalizeLanguage(raw: string): string | null {
  const trimmed = raw.trim();
  if (!BCP47.test(trimmed)) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    return canonical !== undefined && BCP47.test(canonical) ? canonical : null;
  } catch {
    return null;
  }
}

const PHONE = /^\+?[1-9]\d{6,14}$/;

/**
 * E.164-ish: an optional `+` (or `00`) and 7–15 digits, the first not 0; spaces, dots, dashes and parentheses are
 * dropped (`+86 138-1234-5678` → `+8613812345678`).
 */
export function normalizePhone(raw: string): string | null {
  let phone = raw.trim().replace(/[\s.\-()]/g, '');
  if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
  return PHONE.test(phone) ? phone : null;
}

/** Lower-cases the domain only (the local part is case-sensitive by the RFC, even if rarely in practice). */
export function normalizeEmail(raw: string): string | null {
  const email = raw.trim();
  if (email.length > 254 || !isEmail(email, { allow_display_name: false, require_tld: true })) return null;
  const at = email.lastIndexOf('@');
  return `${email.slice(0, at)}@${email.slice(at + 1).toLowerCase()}`;
}

export function normalizeName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Events and audit

export type UpdatableField = (typeof CUSTOMER_UPDATABLE_FIELDS)[number];

export function toSnapshot(customer: CustomerRecord): CustomerSnapshot {
  return {
    customerId: customer.id,
    code: customer.code,
    name: customer.name,
    type: customer.type,
    tier: customer.tier,
    tags: [...customer.tags],
    preferredChannel: customer.preferredChannel,
    language: customer.language,
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((value, i) => value === b[i]);
  return a === b;
}

/** Fields of `customer.updated` whose value differs, in the contract's order. */
export function changedFields(before: CustomerRecord, after: CustomerRecord): UpdatableField[] {
  return CUSTOMER_UPDATABLE_FIELDS.filter((field) => !sameValue(before[field], after[field]));
}

function display(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** Audit lines for non-personal fields; contact fields are audited by name only (the audit is not a copy of them). */
export function fieldChanges<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  return fields
    .filter((field) => !sameValue(before[field], after[field]))
    .map((field) => ({ field, from: display(before[field]), to: display(after[field]) }));
}

/** Personal-data changes: which fields changed, never their values. */
export function redactedChanges(fields: readonly string[]): FieldChange[] {
  return fields.map((field) => ({ field, from: null, to: null }));
}

export const CONTACT_PERSONAL_FIELDS = ['name', 'phone', 'email'] as const;

export function changedContactFields(before: ContactRecord, after: ContactRecord): string[] {
  return (['name', 'title', 'phone', 'email', 'isPrimary'] as const).filter(
    (field) => before[field] !== after[field],
  );
}

/** After the primary contact is removed, the oldest remaining one becomes primary (a customer with contacts always has one). */
export function successorPrimary(remaining: readonly ContactRecord[]): ContactRecord | null {
  const sorted = [...remaining].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
  return sorted[0] ?? null;
}
