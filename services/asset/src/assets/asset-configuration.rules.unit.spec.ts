import { BadUserInputError } from '@opsgraph/domain';
import { checkConfiguration } from './asset-configuration.rules';

/** The message a refused configuration gives (the rules' contract with the API user). */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('checkConfiguration (docs/product.md §4.1)', () => {
  it('accepts a configuration that suits the category, trimming texts', () => {
    expect(
      checkConfiguration('SERVER', {
        cpuCores: 32,
        memoryGb: 0.5,
        storageTb: 0,
        os: ' Debian 12 ',
        rackUnit: 'R4-U12',
      }),
    ).toEqual({ cpuCores: 32, memoryGb: 0.5, storageTb: 0, os: 'Debian 12', rackUnit: 'R4-U12' });
    expect(checkConfiguration('PRINTER', { color: false, duplex: true, pagesPerMinute: 1 })).toEqual({
      color: false,
      duplex: true,
      pagesPerMinute: 1,
    });
    expect(checkConfiguration('VEHICLE', { fuel: 'ELECTRIC', odometerKm: 0 })).toEqual({
      fuel: 'ELECTRIC',
      odometerKm: 0,
    });
  });

  it.each([
    ['cpuCores', 0, 'a whole number above 0'],
    ['cpuCores', 2.5, 'a whole number above 0'],
    ['memoryGb', 0, 'a number above 0'],
    ['memoryGb', -1, 'a number above 0'],
    ['memoryGb', Number.POSITIVE_INFINITY, 'a number above 0'],
    ['memoryGb', '16', 'a number above 0'],
    ['storageTb', -0.1, 'a number of at least 0'],
    ['storageTb', Number.NaN, 'a number of at least 0'],
    ['storageTb', '0', 'a number of at least 0'],
    ['os', '   ', 'a text of 1 to 200 characters'],
    ['os', 'x'.repeat(201), 'a text of 1 to 200 characters'],
    ['os', 12, 'a text of 1 to 200 characters'],
  ])('refuses SERVER %s = %p: it must be %s', (key, value, problem) => {
    expect(refusal(() => checkConfiguration('SERVER', { [key]: value }))).toBe(
      `configuration.${key} of a SERVER must be ${problem}`,
    );
  });

  it('takes a text of exactly 200 characters', () => {
    expect(checkConfiguration('SERVER', { os: 'x'.repeat(200) })).toEqual({ os: 'x'.repeat(200) });
  });

  it('refuses a flag that is not true or false, and a value outside a list', () => {
    expect(refusal(() => checkConfiguration('NETWORK', { managed: 'yes' }))).toBe(
      'configuration.managed of a NETWORK must be true or false',
    );
    expect(refusal(() => checkConfiguration('VEHICLE', { fuel: 'petrol' }))).toBe(
      'configuration.fuel of a VEHICLE must be one of PETROL, DIESEL, ELECTRIC, HYBRID',
    );
    expect(refusal(() => checkConfiguration('VEHICLE', { fuel: 1 }))).toContain('one of PETROL');
  });

  it('names the unknown key, the field and the keys the category knows', () => {
    try {
      checkConfiguration('PRINTER', { colour: true }, 'input.asset.configuration');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as BadUserInputError).message).toBe(
        'PRINTER configuration has no key "colour" (known: color, duplex, pagesPerMinute)',
      );
      expect((error as BadUserInputError).details).toMatchObject({
        field: 'input.asset.configuration.colour',
      });
    }
  });

  describe('OTHER', () => {
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));

    it('takes up to 20 short keys holding a text, a number or a flag', () => {
      expect(checkConfiguration('OTHER', keys(20))).toEqual(keys(20));
      expect(checkConfiguration('OTHER', { label: ' a ', weight: -2.5, spare: false })).toEqual({
        label: 'a',
        weight: -2.5,
        spare: false,
      });
      expect(refusal(() => checkConfiguration('OTHER', keys(21)))).toBe(
        'configuration takes at most 20 keys',
      );
    });

    it('refuses keys that are not short and alphanumeric, and values that are not scalars', () => {
      expect(refusal(() => checkConfiguration('OTHER', { 'bad key': 1 }))).toBe(
        'OTHER configuration has no key "bad key" (known: a short alphanumeric key)',
      );
      expect(refusal(() => checkConfiguration('OTHER', { note: Number.NaN }))).toBe(
        'configuration.note of a OTHER must be a text of 1 to 200 characters',
      );
      expect(refusal(() => checkConfiguration('OTHER', { note: { nested: true } }))).toContain(
        'a text of 1 to 200',
      );
    });
  });
});
