import { eventDataSamples } from '@opsgraph/contracts-events/testing';
import type { ContactRecord, CustomerRecord } from './customer.model';
import {
  changedContactFields,
  changedFields,
  fieldChanges,
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

/** The contracts' sample customer snapshot (customer.registered): what toSnapshot must give for `customer`. */
const SNAPSHOT = eventDataSamples['customer.registered'];

const { customerId, ...profile } = SNAPSHOT;
const customer: CustomerRecord = {
  id: customerId,
  ...profile,
  tags: [...profile.tags],
  consents: { marketing: false, surveys: true, revisits: true },
  consentsUpdatedAt: null,
  lastRevisitAt: null,
  createdBy: 'user-agent',
  version: 3,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-02T00:00:00Z'),
};

const contact = (id: string, createdAt: string, isPrimary = false): ContactRecord => ({
  id,
  customerId: customer.id,
  name: 'Wang Fang',
  title: null,
  phone: '+8613812345678',
  email: null,
  isPrimary,
  createdAt: new Date(createdAt),
  updatedAt: new Date(createdAt),
});

describe('input formats', () => {
  it('normalizes codes to upper case and refuses malformed ones', () => {
    expect(normalizeCode('  c-2025-0042 ')).toBe('C-2025-0042');
    expect(normalizeCode('ACME_1.B')).toBe('ACME_1.B');
    expect(normalizeCode('-C1')).toBeNull();
    expect(normalizeCode('C 1')).toBeNull();
    expect(normalizeCode('')).toBeNull();
    expect(normalizeCode('X'.repeat(33))).toBeNull();
  });

  it('normalizes tags (lower case, single spaces, no duplicates, any script)', () => {
    expect(normalizeTags(['Logistics', ' north  region ', 'logistics', '重點客戶'])).toEqual([
      'logistics',
      'north region',
      '重點客戶',
    ]);
    expect(normalizeTags(['ok', '#bad'])).toBeNull();
    expect(normalizeTags(['t'.repeat(32)])).toEqual(['t'.repeat(32)]);
    expect(normalizeTags(['Tier 2', 'b2b'])).toEqual(['tier 2', 'b2b']);
    expect(normalizeTags(['t'.repeat(33)])).toBeNull();
    expect(normalizeTags([''])).toBeNull();
  });

  it('canonicalizes BCP 47 language tags', () => {
    expect(normalizeLanguage('zh-tw')).toBe('zh-TW');
    expect(normalizeLanguage('EN')).toBe('en');
    expect(normalizeLanguage('english')).toBeNull();
    expect(normalizeLanguage('zh_TW')).toBeNull();
    expect(normalizeLanguage(' zh-tw ')).toBe('zh-TW');
    // Valid for Intl but outside the event contract's pattern (a one-letter extension), or not a locale at all.
    expect(normalizeLanguage('en-a-bbb')).toBeNull();
    expect(normalizeLanguage('en-12')).toBeNull();
  });

  it('collapses white space in names', () => {
    expect(normalizeName('  Wang \t  Fang ')).toBe('Wang Fang');
  });

  it.each([
    ['+86 138-1234-5678', '+8613812345678'],
    ['13812345678', '13812345678'],
    ['0086 (138) 1234 5678', '+8613812345678'],
    ['+1.415.555.2671', '+14155552671'],
  ])('accepts the phone %p as %p', (raw, normalized) => {
    expect(normalizePhone(raw)).toBe(normalized);
  });

  it.each([['12345'], ['+0123456789'], ['138-1234-567x'], ['+1234567890123456'], ['phone']])(
    'refuses the phone %p',
    (raw) => expect(normalizePhone(raw)).toBeNull(),
  );

  it('accepts e-mails, lower-casing the domain only, and refuses malformed ones', () => {
    expect(normalizeEmail(' Wang.Fang@Example.COM ')).toBe('Wang.Fang@example.com');
    expect(normalizeEmail('not-an-email')).toBeNull();
    expect(normalizeEmail('a@b')).toBeNull();
    expect(normalizeEmail('Wang <w@example.com>')).toBeNull();
    expect(normalizeEmail(`${'a'.repeat(250)}@example.com`)).toBeNull();
    // 254 characters is the longest address (RFC 5321 path limit); 64 is the longest local part.
    const domain = (last: number) => `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(last)}.com`;
    const longest = `${'a'.repeat(64)}@${domain(57)}`;
    expect(longest).toHaveLength(254);
    expect(normalizeEmail(` ${longest} `)).toBe(longest);
    expect(normalizeEmail(`${'a'.repeat(64)}@${domain(58)}`)).toBeNull();
  });
});

describe('events and audit', () => {
  it('snapshots without contact data or consents', () => {
    expect(toSnapshot(customer)).toEqual(SNAPSHOT);
  });

  it('lists the changed fields of customer.updated in contract order; tags compare by value', () => {
    expect(changedFields(customer, { ...customer, tags: [...customer.tags] })).toEqual([]);
    expect(
      changedFields(customer, {
        ...customer,
        language: null,
        name: 'Harbour Ltd.',
        tags: ['logistics'],
        tier: 'VIP',
      }),
    ).toEqual(['name', 'tags', 'language']);
  });

  it('audits adding, replacing or dropping one tag among several', () => {
    expect(customer.tags.length).toBeGreaterThan(1);
    const [first, second] = customer.tags;
    for (const tags of [[...customer.tags, 'vip'], [first, 'vip'], ['vip', second], [first]]) {
      expect(changedFields(customer, { ...customer, tags })).toEqual(['tags']);
      expect(fieldChanges(customer, { ...customer, tags }, ['tags'])).toEqual([
        { field: 'tags', from: customer.tags.join(', '), to: tags.join(', ') },
      ]);
    }
  });

  it('audits values of ordinary fields and only the names of personal ones', () => {
    expect(
      fieldChanges(customer, { ...customer, tags: ['a', 'b'], language: null }, ['tags', 'language']),
    ).toEqual([
      { field: 'tags', from: 'logistics, north-region', to: 'a, b' },
      { field: 'language', from: 'zh-TW', to: null },
    ]);
    expect(redactedChanges(['phone'])).toEqual([{ field: 'phone', from: null, to: null }]);
    // Only changed fields are audited; a list cleared or an absent value reads as no value.
    expect(fieldChanges(customer, { ...customer, name: 'Harbour Ltd.' }, ['name', 'tier', 'tags'])).toEqual([
      { field: 'name', from: customer.name, to: 'Harbour Ltd.' },
    ]);
    expect(fieldChanges({ tags: ['a'] as string[] | null }, { tags: null }, ['tags'])).toEqual([
      { field: 'tags', from: 'a', to: null },
    ]);
    expect(fieldChanges({ title: undefined as string | undefined }, { title: 'CTO' }, ['title'])).toEqual([
      { field: 'title', from: null, to: 'CTO' },
    ]);
    const before = contact('a', '2026-01-01T00:00:00Z');
    expect(changedContactFields(before, { ...before, email: 'x@example.com', isPrimary: true })).toEqual([
      'email',
      'isPrimary',
    ]);
  });

  it('promotes the oldest remaining contact when the primary one is removed', () => {
    const remaining = [contact('c', '2026-01-03T00:00:00Z'), contact('b', '2026-01-02T00:00:00Z')];
    expect(successorPrimary(remaining)?.id).toBe('b');
    expect(successorPrimary([])).toBeNull();
  });

  it('promotes the oldest remaining contact whatever its id, the lower id on a tie', () => {
    const remaining = [
      contact('a', '2026-01-05T00:00:00Z'),
      contact('z', '2026-01-01T00:00:00Z'),
      contact('m', '2026-01-03T00:00:00Z'),
    ];
    expect(successorPrimary(remaining)?.id).toBe('z');
    expect(successorPrimary([...remaining].reverse())?.id).toBe('z');
    const tie = [contact('k', '2026-01-01T00:00:00Z'), contact('d', '2026-01-01T00:00:00Z')];
    expect(successorPrimary(tie)?.id).toBe('d');
  });
});
