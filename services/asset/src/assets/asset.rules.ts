// The ledger entry: pure functions of plain records (no GraphQL, no database), unit-tested.
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

export interface RegisterAssetFields {
  readonly name: string;
  readonly category: AssetCategoryValue;
  readonly model: string;
  readonly manufacturer?: string | null;
  readonly configuration?: Record<string, unknown> | null;
  readonly serialNumber?: string | null;
  readonly supplier?: string | null;
  readonly purchaseDate?: string | null;
  readonly purchaseCost?: number | null;
  readonly currency?: string | null;
  readonly inServiceSince?: string | null;
  readonly warrantyEndsOn?: string | null;
  readonly location?: string | null;
  readonly custodianId?: string | null;
  readonly departmentId?: string | null;
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

const requiredText = (value: string, field: string, max = TEXT_MAX): string => cleanText(value, field, max)!;

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

/** A new ledger entry, IN_STOCK (IN_USE when given a date it went into service); version 0 until saved. */
export function newAsset(id: string, seq: number, fields: RegisterAssetFields, now: Date): AssetRecord {
  const today = isoDay(now);
  const purchaseDate = checkDate(fields.purchaseDate, 'input.purchaseDate', { notAfter: today });
  const inServiceSince = checkDate(fields.inServiceSince, 'input.inServiceSince', { notAfter: today });
  if (purchaseDate !== null && inServiceSince !== null && inServiceSince < purchaseDate) {
    throw new BadUserInputError('inServiceSince must not be before purchaseDate', 'input.inServiceSince');
  }
  const cost = fields.purchaseCost ?? null;
  if (cost !== null && !(Number.isFinite(cost) && cost >= 0 && cost < 1e12)) {
    throw new BadUserInputError('purchaseCost must be at least 0', 'input.purchaseCost');
  }
  const currency = fields.currency ?? 'CNY';
  if (!CURRENCY.test(currency)) {
    throw new BadUserInputError('currency must be a three-letter ISO 4217 code', 'input.currency');
  }
  return {
    id,
    tag: assetTag.format(seq),
    name: requiredText(fields.name, 'input.name', NAME_MAX),
    category: fields.category,
    model: requiredText(fields.model, 'input.model'),
    manufacturer: cleanText(fields.manufacturer, 'input.manufacturer'),
    configuration: checkConfiguration(fields.category, fields.configuration ?? {}),
    serialNumber: cleanText(fields.serialNumber, 'input.serialNumber'),
    supplier: cleanText(fields.supplier, 'input.supplier'),
    purchaseDate,
    purchaseCost: cost === null ? null : Math.round(cost * 100) / 100,
    currency,
    inServiceSince,
    warrantyEndsOn: checkDate(fields.warrantyEndsOn, 'input.warrantyEndsOn'),
    location: cleanText(fields.location, 'input.location'),
    custodianId: fields.custodianId ?? null,
    departmentId: fields.departmentId ?? null,
    status: inServiceSince === null ? 'IN_STOCK' : 'IN_USE',
    operatingHours: 0,
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** The asset moved to `to` (the caller has checked the move). */
export function withStatus(asset: AssetRecord, to: AssetStatusValue, now: Date): AssetRecord {
  const inServiceSince =
    to === 'IN_USE' && asset.inServiceSince === null ? isoDay(now) : asset.inServiceSince;
  return { ...asset, status: to, inServiceSince, updatedAt: now };
}
