// The structured configuration of an asset, checked per category (docs/product.md §4.1): each category names the
// keys it knows and what each holds; an unknown key or a wrong value is BAD_USER_INPUT naming the key. Pure.
import { BadUserInputError } from '@opsgraph/domain';
import type { AssetCategoryValue } from './asset-category.rules';

type Check = (value: unknown) => string | null;

const text: Check = (v) =>
  typeof v === 'string' && v.trim() !== '' && v.length <= 200 ? null : 'a text of 1 to 200 characters';
const flag: Check = (v) => (typeof v === 'boolean' ? null : 'true or false');
const positive: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? null : 'a number above 0';
const count: Check = (v) => (Number.isSafeInteger(v) && (v as number) > 0 ? null : 'a whole number above 0');
const atLeastZero: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : 'a number of at least 0';
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : `one of ${values.join(', ')}`;
const scalar: Check = (v) =>
  typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) ? null : text(v);

const SCHEMAS: Readonly<Record<Exclude<AssetCategoryValue, 'OTHER'>, Readonly<Record<string, Check>>>> = {
  SERVER: { cpuCores: count, memoryGb: positive, storageTb: atLeastZero, os: text, rackUnit: text },
  NETWORK: { ports: count, firmware: text, managed: flag, ipAddress: text },
  WORKSTATION: { cpu: text, memoryGb: positive, storageGb: positive, os: text },
  PRINTER: { color: flag, duplex: flag, pagesPerMinute: count },
  VEHICLE: {
    plate: text,
    fuel: oneOf('PETROL', 'DIESEL', 'ELECTRIC', 'HYBRID'),
    seats: count,
    odometerKm: atLeastZero,
  },
  HVAC: { coolingKw: positive, heatingKw: positive, refrigerant: text },
  POWER: { capacityKva: positive, batteryType: text, runtimeMinutes: positive },
};
const MAX_OTHER_KEYS = 20;
const KEY = /^[a-zA-Z][a-zA-Z0-9]{0,39}$/;

/** The configuration if it suits the category; OTHER takes up to 20 short keys of text, number or flag. */
export function checkConfiguration(
  category: AssetCategoryValue,
  configuration: Readonly<Record<string, unknown>>,
  field = 'input.configuration',
): Record<string, unknown> {
  const entries = Object.entries(configuration);
  if (category === 'OTHER' && entries.length > MAX_OTHER_KEYS) {
    throw new BadUserInputError(`configuration takes at most ${MAX_OTHER_KEYS} keys`, field);
  }
  for (const [key, value] of entries) {
    const check = category === 'OTHER' ? (KEY.test(key) ? scalar : undefined) : SCHEMAS[category][key];
    if (check === undefined) {
      const known =
        category === 'OTHER' ? 'a short alphanumeric key' : Object.keys(SCHEMAS[category]).join(', ');
      throw new BadUserInputError(
        `${category} configuration has no key "${key}" (known: ${known})`,
        `${field}.${key}`,
      );
    }
    const problem = check(value);
    if (problem !== null) {
      throw new BadUserInputError(
        `configuration.${key} of a ${category} must be ${problem}`,
        `${field}.${key}`,
      );
    }
  }
  return Object.fromEntries(
    entries.map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value]),
  );
}
