import { ConnectionArgs, ExpectedVersion, Text } from '@opsgraph/graphql-kit';
import { ValidateNested } from 'class-validator';
import { GraphQLJSONObject, GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import type { AssetCategoryValue } from './asset-category.rules';
import type { AssetStatusValue } from './asset-status.rules';
import { NAME_MAX, TEXT_MAX } from './asset.rules';
import { AssetCategory, AssetStatus } from './asset.type';

@InputType({ description: 'Filters of the asset list; all given ones apply' })
export class AssetFilter {
  @Field(() => [AssetCategory], { description: 'Only assets of these categories', nullable: true })
  category?: AssetCategoryValue[] | null;

  @Field(() => [AssetStatus], { description: 'Only assets in these statuses', nullable: true })
  status?: AssetStatusValue[] | null;

  @Field(() => String, { description: 'Only assets of this model (exact text)', nullable: true })
  @Text({ max: TEXT_MAX, optional: true })
  model?: string | null;

  @Field(() => String, { description: 'Only assets at this location (exact text)', nullable: true })
  @Text({ max: TEXT_MAX, optional: true })
  location?: string | null;

  @Field(() => ID, { description: 'Only assets held by this employee', nullable: true })
  custodianId?: string | null;

  @Field(() => ID, { description: 'Only assets assigned to this department', nullable: true })
  departmentId?: string | null;

  @Field(() => GraphQLLocalDate, {
    description: 'Only assets whose warranty ends before this day (LocalDate)',
    nullable: true,
  })
  warrantyEndingBefore?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the tag, name or serial number' })
  @Text({ max: TEXT_MAX, optional: true })
  text?: string | null;
}

@ArgsType()
export class AssetsArgs extends ConnectionArgs {
  @Field(() => AssetFilter, {
    description: 'Optional narrowing by category, status, department, custodian, model, location or warranty',
    nullable: true,
  })
  @ValidateNested()
  filter?: AssetFilter | null;
}

/** The ledger details that may be given at registration and edited later; absent or null: none (or unchanged). */
@InputType({ description: 'Ledger details, at registration and on an edit' })
class LedgerDetailsInput {
  @Field(() => String, { description: 'Manufacturer, up to 200 characters', nullable: true })
  @Text({ max: TEXT_MAX, optional: true })
  manufacturer?: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "Keys known to the asset's category (OTHER: free); on an edit the whole configuration",
  })
  configuration?: Record<string, unknown> | null;

  @Field(() => String, { description: 'Manufacturer’s serial number, up to 200 characters', nullable: true })
  @Text({ max: TEXT_MAX, optional: true })
  serialNumber?: string | null;

  @Field(() => String, { description: 'Who supplied it, up to 200 characters', nullable: true })
  @Text({ max: TEXT_MAX, optional: true })
  supplier?: string | null;

  @Field(() => GraphQLLocalDate, {
    description: 'Day it was bought (LocalDate, not in the future)',
    nullable: true,
  })
  purchaseDate?: string | null;

  @Field(() => Float, {
    description: 'Purchase cost in currency (not negative); the basis of depreciation',
    nullable: true,
  })
  purchaseCost?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217; default CNY' })
  currency?: string | null;

  @Field(() => GraphQLLocalDate, { description: 'Last day of the warranty (LocalDate)', nullable: true })
  warrantyEndsOn?: string | null;

  @Field(() => String, { description: 'Where it is, up to 200 characters', nullable: true })
  @Text({ max: TEXT_MAX, optional: true })
  location?: string | null;

  @Field(() => ID, { description: 'The department it is assigned to; null for none', nullable: true })
  departmentId?: string | null;
}

@InputType({ description: 'A new ledger entry; dates may lie in the past (an import), never in the future' })
export class RegisterAssetInput extends LedgerDetailsInput {
  @Field({ description: 'Name of the asset, e.g. Core switch 2nd floor' })
  @Text({ max: NAME_MAX })
  name: string;

  @Field(() => AssetCategory, {
    description:
      'The category; fixes the configuration keys, useful life and salvage value, and never changes',
  })
  category: AssetCategoryValue;

  @Field({ description: 'Model, 1–200 characters; reliability and plans pool assets by model' })
  @Text({ max: TEXT_MAX })
  model: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Given: the asset starts IN_USE' })
  inServiceSince?: string | null;

  @Field(() => ID, { nullable: true, description: 'The employee who holds it' })
  custodianId?: string | null;
}

@InputType({
  description:
    'Ledger details to edit or correct: an absent field stays as it is, null clears it (name and model ' +
    'cannot be cleared); status and custodian have their own mutations',
})
export class UpdateAssetInput extends LedgerDetailsInput {
  @Field(() => ID, { description: 'The asset to edit (not RETIRED)' })
  assetId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => String, { description: 'Name, 1–200 characters; cannot be cleared', nullable: true })
  @Text({ max: NAME_MAX, optional: true })
  name?: string | null;

  @Field(() => String, { description: 'Model, 1–200 characters; cannot be cleared', nullable: true })
  @Text({ max: TEXT_MAX, optional: true })
  model?: string | null;
}

@InputType({
  description:
    'Moves an asset along its status machine (IN_STOCK → IN_USE ⇄ UNDER_MAINTENANCE ⇄ FAULTY; ADMIN, OPS_DIRECTOR, OPS_MANAGER). Answers INVALID_TRANSITION with currentState for an illegal move, CONFLICT for a stale expectedVersion',
})
export class ChangeAssetStatusInput {
  @Field(() => ID, { description: 'The asset' })
  assetId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => AssetStatus, { description: 'Any legal next status but RETIRED (retireAsset)' })
  status: AssetStatusValue;

  @Field(() => String, {
    description: 'Why, up to 500 characters (kept in the status history)',
    nullable: true,
  })
  @Text({ max: 500, optional: true })
  reason?: string | null;
}

@InputType({
  description:
    'Hands an asset to a custodian and/or department, or takes it back (ADMIN, OPS_DIRECTOR, OPS_MANAGER); audited. Answers INVALID_TRANSITION for a RETIRED asset, CONFLICT for a stale expectedVersion',
})
export class AssignAssetInput {
  @Field(() => ID, { description: 'The asset' })
  assetId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => ID, { nullable: true, description: 'Null: taken back' })
  custodianId: string | null;

  @Field(() => ID, { description: 'The department it is assigned to; null for none', nullable: true })
  departmentId: string | null;

  @Field(() => String, {
    description: 'Where it now is, up to 200 characters; null keeps the location',
    nullable: true,
  })
  @Text({ max: TEXT_MAX, optional: true })
  location?: string | null;
}

@InputType({
  description:
    'Retires an asset for good, from any status (ADMIN, OPS_DIRECTOR, OPS_MANAGER); RETIRED is final and closes the ledger entry to edits',
})
export class RetireAssetInput {
  @Field(() => ID, { description: 'The asset' })
  assetId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field({ description: 'Why, 1–500 characters (kept in the status history)' })
  @Text({ max: 500 })
  reason: string;
}

@InputType({
  description:
    'Records an asset’s operating-hours meter, for plans by operating hours (TECHNICIAN or managers). A reading below the last one is refused',
})
export class RecordMeterReadingInput {
  @Field(() => ID, { description: 'The asset read' })
  assetId: string;

  @Field(() => Float, { description: 'Operating hours on the meter; never less than the last reading' })
  operatingHours: number;
}
