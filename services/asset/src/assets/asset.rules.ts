// The ledger entry: pure functions of plain records (no GraphQL, no database), unit-tested.
import { ASSET_UPDATABLE_FIELDS, type AssetUpdatableField } from '@opsgraph/contracts-events';
import { BadUserInputError, readableNumber } from '@opsgraph/domain';
import type { AssetCategoryValue } from './asset-category.rules';
import { checkConfiguration } from './asset-configuration.rules';
import type { AssetStatusValue } from './asset-status.rules';

export const NAME_MAX = 200;
export const TEXT_MAX = 200;
export const assetTag = readableNumber('AST', 'asset');

export interface AssetRecord {
  readonly id: string;
  readonly tag: string;
  readonly name: string;
  readonly category: AssetCategoryValue;
  readonly model: string;
  readonly manufacturer: string | null;
  readonly configuration: Record<string, unknown>;
  readonly serialNumber: string | null;
  readonly supplier: string | null;
  /** Calendar dates as YYYY-MM-DD. */
  readonly purchaseDate: string | null;
  readonly purchaseCost: number | null;
  readonly currency: string;
  readonly inServiceSince: string | null;
  readonly warrantyEndsOn: string | null;
  readonly location: string | null;
  readonly custodianId: string | null;
  readonly departmentId: string | null;
  readonly status: AssetStatusValue;
  /** The latest meter reading (operating-hour plans count from it). */
  readonly operatingHours: number;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The ledger details an edit may change (status and custodian have their own use-cases); null clears. */
export interface AssetEdits {
  readonly name?: string | null;
  readonly model?: string | null;
  readonly manufacturer?: string | null;
  readonly configuration?: Record<string, unknown> | null;
  readonly serialNumber?: string | null;
  readonly supplier?: string | null;
  readonly purchaseDate?: string | null;
  readonly purchaseCost?: number | null;
  readonly currency?: string | null;
  readonly location?: string | null;
  readonly warrantyEndsOn?: string | null;
  readonly departmentId?: string | null;
}

export interface RegisterAssetFields extends AssetEdits {
  readonly name: string;
  readonly category: AssetCategoryValue;
  readonly model: string;
  readonly inServiceSince?: string | null;
  readonly custodianId?: string | null;
}

/** One changed field in the audit trail, before and after, as text (the customer service's shape). */
export interface FieldChange {
  readonly field: AssetUpdatableField;
  readonly from: string | null;
  readonly to: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCY = /^[A-Z]{3}$/;

/** White space collapsed; null for absent; BAD_USER_INPUT on `field` when blank or too long. */
export function cleanText(value: string | null | undefined, field: string, max = TEXT_MAX): string | null {
  if (value === null || value === undefined) return null;
  const clean = value.trim().replace(/\s+/g, ' ');
  if (clean.length === 0 || clean.length > max) {
    throw new BadUserInputError(`${field.split('.').pop()} must be 1 to ${max} characters`, field);
  }
  return clean;
}

function requiredText(value: string | null | undefined, field: string, max = TEXT_MAX): string {
  const clean = cleanText(value, field, max);
  if (clean === null) throw new BadUserInputError(`${field.split('.').pop()} is required`, field);
  return clean;
}

/** A real calendar date, not after `today` when it records the past. */
export function checkDate(
  value: string | null | undefined,
  field: string,
  options: { notAfter?: string } = {},
): string | null {
  if (value === null || value === undefined) return null;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  if (!DATE.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new BadUserInputError(`${field.split('.').pop()} must be a date YYYY-MM-DD`, field);
  }
  if (options.notAfter !== undefined && value > options.notAfter) {
    throw new BadUserInputError(`${field.split('.').pop()} must not be in the future`, field);
  }
  return value;
}

export const isoDay = (at: Date): string => at.toISOString().slice(0, 10);

type Ledger = Pick<AssetRecord, AssetUpdatableField>;

function checkCost(cost: number | null | undefined): number | null {
  if (cost === null || cost === undefined) return null;
  if (!(Number.isFinite(cost) && cost >= 0 && cost < 1e12)) {
    throw new BadUserInputError('purchaseCost must be at least 0', 'input.purchaseCost');
  }
  return Math.round(cost * 100) / 100;
}

function checkCurrency(currency: string | null | undefined): string {
  const code = currency ?? 'CNY';
  if (!CURRENCY.test(code)) {
    throw new BadUserInputError('currency must be a three-letter ISO 4217 code', 'input.currency');
  }
  return code;
}

/** Each ledger field's check, the same at registration and on an edit (a blank, absent or null value included). */
const LEDGER_CHECKS: {
  readonly [K in AssetUpdatableField]: (
    value: AssetEdits[K],
    context: { category: AssetCategoryValue; today: string },
  ) => Ledger[K];
} = {
  name: (v) => requiredText(v, 'input.name', NAME_MAX),
  model: (v) => requiredText(v, 'input.model'),
  manufacturer: (v) => cleanText(v, 'input.manufacturer'),
  configuration: (v, { category }) => checkConfiguration(category, v ?? {}),
  serialNumber: (v) => cleanText(v, 'input.serialNumber'),
  supplier: (v) => cleanText(v, 'input.supplier'),
  purchaseDate: (v, { today }) => checkDate(v, 'input.purchaseDate', { notAfter: today }),
  purchaseCost: checkCost,
  currency: checkCurrency,
  location: (v) => cleanText(v, 'input.location'),
  warrantyEndsOn: (v) => checkDate(v, 'input.warrantyEndsOn'),
  departmentId: (v) => v ?? null,
};

/** The checked values of the `fields` of `given` (every field at registration, the given ones on an edit). */
function checkLedger(
  given: AssetEdits,
  fields: readonly AssetUpdatableField[],
  category: AssetCategoryValue,
  today: string,
): Partial<Ledger> {
  const context = { category, today };
  const check = <K extends AssetUpdatableField>(field: K) =>
    [field, LEDGER_CHECKS[field](given[field], context)] as const;
  return Object.fromEntries(fields.map(check)) as Partial<Ledger>;
}

/** `field`: the one the caller gave (inServiceSince at registration; purchaseDate on an edit). */
function checkServiceDates(asset: AssetRecord, field: string): AssetRecord {
  if (
    asset.purchaseDate !== null &&
    asset.inServiceSince !== null &&
    asset.inServiceSince < asset.purchaseDate
  ) {
    throw new BadUserInputError('inServiceSince must not be before purchaseDate', field);
  }
  return asset;
}

/** A new ledger entry, IN_STOCK (IN_USE when given a date it went into service); version 0 until saved. */
export function newAsset(id: string, seq: number, fields: RegisterAssetFields, now: Date): AssetRecord {
  const today = isoDay(now);
  const inServiceSince = checkDate(fields.inServiceSince, 'input.inServiceSince', { notAfter: today });
  const ledger = checkLedger(fields, ASSET_UPDATABLE_FIELDS, fields.category, today) as Ledger;
  return checkServiceDates(
    {
      id,
      tag: assetTag.format(seq),
      category: fields.category,
      ...ledger,
      inServiceSince,
      custodianId: fields.custodianId ?? null,
      status: inServiceSince === null ? 'IN_STOCK' : 'IN_USE',
      operatingHours: 0,
      version: 0,
      createdAt: now,
      updatedAt: now,
    },
    'input.inServiceSince',
  );
}

function display(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Equal as JSON, key order aside (a configuration given in another order is no change). */
function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    value !== null && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)))
      : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * The asset with the given ledger details changed, each checked as at registration (the configuration against the
 * asset's category), and what changed, field by field in the contract's order; no changes when every given value
 * equals the current one. A retired asset's ledger is closed (docs/product.md §4.1).
 */
export function editedAsset(
  asset: AssetRecord,
  edits: AssetEdits,
  now: Date,
): { after: AssetRecord; changes: FieldChange[] } {
  if (asset.status === 'RETIRED') {
    throw new BadUserInputError('A retired asset cannot be edited', 'input.assetId');
  }
  const given = ASSET_UPDATABLE_FIELDS.filter((field) => edits[field] !== undefined);
  const patch = checkLedger(edits, given, asset.category, isoDay(now));
  const after = checkServiceDates({ ...asset, ...patch, updatedAt: now }, 'input.purchaseDate');
  const changes = given
    .filter((field) => !sameValue(asset[field], after[field]))
    .map((field) => ({ field, from: display(asset[field]), to: display(after[field]) }));
  return { after, changes };
}

/** The asset moved to `to` (the caller has checked the move). */
export function withStatus(asset: AssetRecord, to: AssetStatusValue, now: Date): AssetRecord {
  const inServiceSince =
    to === 'IN_USE' && asset.inServiceSince === null ? isoDay(now) : asset.inServiceSince;
  return { ...asset, status: to, inServiceSince, updatedAt: now };
}
