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

  it.each([
    ['NETWORK', { ports: 48, firmware: ' 9.3 ', managed: true, ipAddress: '10.0.0.2' }, 'firmware', '9.3'],
    ['WORKSTATION', { cpu: 'i7', memoryGb: 16, storageGb: 512, os: 'Windows 11' }, 'cpu', 'i7'],
    ['HVAC', { coolingKw: 3.5, heatingKw: 4, refrigerant: ' R32 ' }, 'refrigerant', 'R32'],
    ['POWER', { capacityKva: 10, batteryType: 'Li-ion', runtimeMinutes: 15 }, 'batteryType', 'Li-ion'],
    ['VEHICLE', { plate: 'B-1234', fuel: 'DIESEL', seats: 5, odometerKm: 12000 }, 'plate', 'B-1234'],
  ] as const)('accepts every key a %s knows', (category, configuration, key, trimmed) => {
    expect(checkConfiguration(category, configuration)).toEqual({ ...configuration, [key]: trimmed });
  });

  it.each([
    ['NETWORK', 'ports, firmware, managed, ipAddress'],
    ['WORKSTATION', 'cpu, memoryGb, storageGb, os'],
    ['HVAC', 'coolingKw, heatingKw, refrigerant'],
    ['POWER', 'capacityKva, batteryType, runtimeMinutes'],
    ['SERVER', 'cpuCores, memoryGb, storageTb, os, rackUnit'],
    ['VEHICLE', 'plate, fuel, seats, odometerKm'],
  ] as const)('refuses a key a %s does not know, on the default field, listing the known ones', (category, known) => {
    try {
      checkConfiguration(category, { colour: 'red' });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as Error).message).toBe(`${category} configuration has no key "colour" (known: ${known})`);
      expect((error as BadUserInputError).details).toMatchObject({ field: 'input.configuration.colour' });
    }
  });

  it.each([
    ['PETROL', true],
    ['DIESEL', true],
    ['HYBRID', true],
    ['ELECTRIC', true],
    ['GAS', false],
  ])('a vehicle runs on %s: %p', (fuel, ok) => {
    if (ok) expect(checkConfiguration('VEHICLE', { fuel })).toEqual({ fuel });
    else expect(() => checkConfiguration('VEHICLE', { fuel })).toThrow(BadUserInputError);
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

    it('limits the number of keys of OTHER only: a known category names its first unknown key', () => {
      expect(refusal(() => checkConfiguration('SERVER', { cpuCores: 2, ...keys(21) }))).toBe(
        'SERVER configuration has no key "k0" (known: cpuCores, memoryGb, storageTb, os, rackUnit)',
      );
    });

    it('takes keys of a letter then up to 39 letters or digits', () => {
      const long = `k${'0'.repeat(39)}`;
      expect(checkConfiguration('OTHER', { [long]: 1, X: 2, Rack7: 'a' })).toEqual({ [long]: 1, X: 2, Rack7: 'a' });
      for (const key of [`${long}0`, '7rack', 'rack-7', '_rack', 'rack_7', 'rack7 ', ' rack7']) {
        expect(refusal(() => checkConfiguration('OTHER', { [key]: 1 }))).toBe(
          `OTHER configuration has no key "${key}" (known: a short alphanumeric key)`,
        );
      }
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
