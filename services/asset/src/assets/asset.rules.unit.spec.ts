import { BadUserInputError } from '@opsgraph/domain';
import { checkConfiguration } from './asset-configuration.rules';
import { newAsset, withStatus, type RegisterAssetFields } from './asset.rules';

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
