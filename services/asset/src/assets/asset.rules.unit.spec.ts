import { BadUserInputError } from '@opsgraph/domain';
import { checkConfiguration } from './asset-configuration.rules';
import { editedAsset, newAsset, withStatus, type RegisterAssetFields } from './asset.rules';

const ID = '2f0c5a8e-6d1b-4c3a-9e7f-0a1b2c3d4e5f';
const NOW = new Date('2026-03-02T08:00:00.000Z');
const SERVER: RegisterAssetFields = { name: ' Web   server 1 ', category: 'SERVER', model: 'PowerEdge R750' };

const fieldOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as BadUserInputError).details['field'];
  }
  throw new Error('expected BAD_USER_INPUT');
};

describe('newAsset', () => {
  it('numbers the tag, collapses white space, starts IN_STOCK at version 0 with CNY', () => {
    expect(newAsset(ID, 42, SERVER, NOW)).toMatchObject({
      tag: 'AST-000042',
      name: 'Web server 1',
      status: 'IN_STOCK',
      currency: 'CNY',
      version: 0,
      configuration: {},
    });
  });

  it('starts IN_USE when it has been in service since a date (a historical import)', () => {
    const asset = newAsset(
      ID,
      1,
      { ...SERVER, purchaseDate: '2021-05-01', inServiceSince: '2021-05-10' },
      NOW,
    );
    expect(asset).toMatchObject({ status: 'IN_USE', inServiceSince: '2021-05-10' });
  });

  it.each([
    ['a blank name', { name: '  ' }, 'input.name'],
    ['a purchase in the future', { purchaseDate: '2026-03-03' }, 'input.purchaseDate'],
    ['a date that does not exist', { warrantyEndsOn: '2026-02-30' }, 'input.warrantyEndsOn'],
    [
      'in service before purchase',
      { purchaseDate: '2024-01-02', inServiceSince: '2024-01-01' },
      'input.inServiceSince',
    ],
    ['a negative cost', { purchaseCost: -1 }, 'input.purchaseCost'],
    ['a currency that is not ISO', { currency: 'yuan' }, 'input.currency'],
    ['an unknown configuration key', { configuration: { gpu: 'A100' } }, 'input.configuration.gpu'],
  ])('refuses %s, naming the field', (_what, fields, field) => {
    expect(fieldOf(() => newAsset(ID, 1, { ...SERVER, ...fields }, NOW))).toBe(field);
  });
});

describe('editedAsset', () => {
  const LATER = new Date('2026-03-05T09:00:00.000Z');
  const asset = newAsset(
    ID,
    7,
    {
      ...SERVER,
      configuration: { cpuCores: 16, os: 'Debian 12' },
      purchaseDate: '2025-01-10',
      inServiceSince: '2025-01-20',
      purchaseCost: 12_000,
      location: 'Room 1',
    },
    NOW,
  );

  it('changes only the given fields, checked as at registration, and lists each change before and after', () => {
    const { after, changes } = editedAsset(
      asset,
      { location: ' Room  2 ', purchaseCost: 11_999.999, configuration: { cpuCores: 32, os: 'Debian 12' } },
      LATER,
    );
    expect(after).toMatchObject({
      name: 'Web server 1',
      location: 'Room 2',
      purchaseCost: 12_000,
      configuration: { cpuCores: 32, os: 'Debian 12' },
      updatedAt: LATER,
    });
    // The cost rounds to what it was: no change.
    expect(changes).toEqual([
      {
        field: 'configuration',
        from: '{"cpuCores":16,"os":"Debian 12"}',
        to: '{"cpuCores":32,"os":"Debian 12"}',
      },
      { field: 'location', from: 'Room 1', to: 'Room 2' },
    ]);
  });

  it('clears optional fields with null', () => {
    const { after, changes } = editedAsset(asset, { location: null, purchaseCost: null }, LATER);
    expect(after).toMatchObject({ location: null, purchaseCost: null });
    expect(changes.map((c) => c.field)).toEqual(['purchaseCost', 'location']);
  });

  it('sees no change in equal values, a configuration in another key order included', () => {
    const same = { name: 'Web server 1', configuration: { os: 'Debian 12', cpuCores: 16 }, currency: 'CNY' };
    expect(editedAsset(asset, same, LATER).changes).toEqual([]);
    expect(editedAsset(asset, {}, LATER).changes).toEqual([]);
  });

  it.each([
    ['a configuration key the category lacks', { configuration: { ports: 4 } }, 'input.configuration.ports'],
    ['a cleared name', { name: null }, 'input.name'],
    ['a blank model', { model: ' ' }, 'input.model'],
    ['a purchase date in the future', { purchaseDate: '2026-03-06' }, 'input.purchaseDate'],
    ['a purchase date after it went into service', { purchaseDate: '2025-02-01' }, 'input.purchaseDate'],
    ['a negative cost', { purchaseCost: -1 }, 'input.purchaseCost'],
    ['a currency that is no ISO code', { currency: 'yuan' }, 'input.currency'],
  ])('refuses %s, naming the field', (_what, edits, field) => {
    expect(fieldOf(() => editedAsset(asset, edits, LATER))).toBe(field);
  });

  it('refuses to edit a retired asset', () => {
    const retired = withStatus(asset, 'RETIRED', LATER);
    expect(fieldOf(() => editedAsset(retired, { location: 'Scrap yard' }, LATER))).toBe('input.assetId');
  });
});

describe('checkConfiguration', () => {
  it('keeps the known keys of the category, trimmed', () => {
    expect(checkConfiguration('SERVER', { cpuCores: 32, memoryGb: 256, os: ' Debian 12 ' })).toEqual({
      cpuCores: 32,
      memoryGb: 256,
      os: 'Debian 12',
    });
    expect(checkConfiguration('VEHICLE', { fuel: 'ELECTRIC', seats: 5 })).toEqual({
      fuel: 'ELECTRIC',
      seats: 5,
    });
  });

  it.each([
    ['SERVER', { cpuCores: 2.5 }, 'input.configuration.cpuCores'],
    ['SERVER', { ports: 48 }, 'input.configuration.ports'],
    ['PRINTER', { color: 'yes' }, 'input.configuration.color'],
    ['VEHICLE', { fuel: 'COAL' }, 'input.configuration.fuel'],
    ['OTHER', { 'bad key': 1 }, 'input.configuration.bad key'],
    ['OTHER', { nested: { a: 1 } }, 'input.configuration.nested'],
  ] as const)('%s refuses %j on %s', (category, configuration, field) => {
    expect(fieldOf(() => checkConfiguration(category, configuration))).toBe(field);
  });

  it('lets OTHER hold free short keys of text, numbers and flags', () => {
    expect(checkConfiguration('OTHER', { colour: 'red', weightKg: 12, portable: true })).toEqual({
      colour: 'red',
      weightKg: 12,
      portable: true,
    });
  });
});

describe('withStatus', () => {
  it('dates the first move into use', () => {
    const asset = newAsset(ID, 1, SERVER, NOW);
    expect(withStatus(asset, 'IN_USE', NOW)).toMatchObject({
      status: 'IN_USE',
      inServiceSince: '2026-03-02',
    });
  });
});

describe('ledger input limits and messages (docs/product.md §4.1)', () => {
  const refusal = (fields: Partial<RegisterAssetFields>): { message: string; field: unknown } | null => {
    try {
      newAsset(ID, 1, { ...SERVER, ...fields }, NOW);
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      return { message: (error as Error).message, field: (error as BadUserInputError).details['field'] };
    }
    return null;
  };

  it('takes texts of 1 to 200 characters after collapsing white space, in every optional text field', () => {
    const longest = 'x'.repeat(200);
    for (const field of ['manufacturer', 'serialNumber', 'supplier', 'location'] as const) {
      expect(newAsset(ID, 1, { ...SERVER, [field]: `  ${longest} ` }, NOW)[field]).toBe(longest);
      expect(newAsset(ID, 1, { ...SERVER, [field]: 'a   b' }, NOW)[field]).toBe('a b');
      expect(newAsset(ID, 1, { ...SERVER, [field]: null }, NOW)[field]).toBeNull();
      expect(refusal({ [field]: `${longest}x` })).toEqual({
        message: `${field} must be 1 to 200 characters`,
        field: `input.${field}`,
      });
      expect(refusal({ [field]: '   ' })?.field).toBe(`input.${field}`);
    }
  });

  it('requires a name and a model', () => {
    expect(refusal({ name: '' })).toEqual({
      message: 'name must be 1 to 200 characters',
      field: 'input.name',
    });
    expect(refusal({ model: undefined as unknown as string })).toEqual({
      message: 'model is required',
      field: 'input.model',
    });
  });

  it('takes real dates only, today at the latest for the past ones', () => {
    expect(
      newAsset(ID, 1, { ...SERVER, purchaseDate: '2026-03-02', inServiceSince: '2026-03-02' }, NOW),
    ).toMatchObject({
      purchaseDate: '2026-03-02',
      inServiceSince: '2026-03-02',
    });
    expect(newAsset(ID, 1, { ...SERVER, warrantyEndsOn: '2031-03-02' }, NOW).warrantyEndsOn).toBe(
      '2031-03-02',
    );
    expect(refusal({ inServiceSince: '2026-03-03' })).toEqual({
      message: 'inServiceSince must not be in the future',
      field: 'input.inServiceSince',
    });
    for (const malformed of ['2026-3-02', 'x2026-03-02', '2026-03-02x', '2026-02-30']) {
      expect(refusal({ warrantyEndsOn: malformed })).toEqual({
        message: 'warrantyEndsOn must be a date YYYY-MM-DD',
        field: 'input.warrantyEndsOn',
      });
    }
    expect(refusal({ purchaseDate: '2024-01-02', inServiceSince: '2024-01-01' })?.message).toBe(
      'inServiceSince must not be before purchaseDate',
    );
    expect(
      newAsset(ID, 1, { ...SERVER, purchaseDate: '2024-01-02', inServiceSince: '2024-01-02' }, NOW).status,
    ).toBe('IN_USE');
    expect(newAsset(ID, 1, { ...SERVER, inServiceSince: '2024-01-01' }, NOW).inServiceSince).toBe(
      '2024-01-01',
    );
  });

  it('takes a cost from 0 to under a trillion, rounded to cents, and a three-letter currency', () => {
    expect(newAsset(ID, 1, { ...SERVER, purchaseCost: 0 }, NOW).purchaseCost).toBe(0);
    expect(newAsset(ID, 1, { ...SERVER, purchaseCost: 999_999_999_999.99 }, NOW).purchaseCost).toBe(
      999_999_999_999.99,
    );
    expect(refusal({ purchaseCost: 1e12 })).toEqual({
      message: 'purchaseCost must be at least 0',
      field: 'input.purchaseCost',
    });
    expect(refusal({ purchaseCost: Number.NaN })?.field).toBe('input.purchaseCost');
    expect(newAsset(ID, 1, { ...SERVER, currency: 'EUR' }, NOW).currency).toBe('EUR');
    for (const currency of ['EURO', 'XEUR', 'EU']) {
      expect(refusal({ currency })).toEqual({
        message: 'currency must be a three-letter ISO 4217 code',
        field: 'input.currency',
      });
    }
  });

  it('keeps the department and custodian given, none by default', () => {
    const dept = '7a1b2c3d-4e5f-4061-8a9b-0c1d2e3f4a5b';
    expect(newAsset(ID, 1, { ...SERVER, departmentId: dept, custodianId: 'emp-1' }, NOW)).toMatchObject({
      departmentId: dept,
      custodianId: 'emp-1',
    });
    expect(newAsset(ID, 1, SERVER, NOW)).toMatchObject({ departmentId: null, custodianId: null });
  });

  it('says why a retired asset cannot be edited', () => {
    const retired = { ...newAsset(ID, 1, SERVER, NOW), status: 'RETIRED' as const };
    expect(() => editedAsset(retired, { location: 'Room 2' }, NOW)).toThrow(
      'A retired asset cannot be edited',
    );
  });

  it('records an edit that clears a value or sets a configuration, with the values as text', () => {
    const asset = newAsset(ID, 1, { ...SERVER, location: 'Room 1' }, NOW);
    expect(editedAsset(asset, { location: null, configuration: { os: 'Debian' } }, NOW).changes).toEqual([
      { field: 'configuration', from: '{}', to: '{"os":"Debian"}' },
      { field: 'location', from: 'Room 1', to: null },
    ]);
  });

  it('keeps the first date of service when an asset goes back into use, and none for other moves', () => {
    const inUse = newAsset(ID, 1, { ...SERVER, inServiceSince: '2025-01-01' }, NOW);
    expect(withStatus(inUse, 'IN_USE', NOW).inServiceSince).toBe('2025-01-01');
    expect(withStatus(newAsset(ID, 1, SERVER, NOW), 'RETIRED', NOW).inServiceSince).toBeNull();
  });
});
