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
  @Field(() => [AssetCategory], { nullable: true })
  category?: AssetCategoryValue[] | null;

  @Field(() => [AssetStatus], { nullable: true })
  status?: AssetStatusValue[] | null;

  @Field(() => String, { nullable: true })
  @Text({ max: TEXT_MAX, optional: true })
  model?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ max: TEXT_MAX, optional: true })
  location?: string | null;

  @Field(() => ID, { nullable: true })
  custodianId?: string | null;

  @Field(() => ID, { nullable: true })
  departmentId?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  warrantyEndingBefore?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the tag, name or serial number' })
  @Text({ max: TEXT_MAX, optional: true })
  text?: string | null;
}

@ArgsType()
export class AssetsArgs extends ConnectionArgs {
  @Field(() => AssetFilter, { nullable: true })
  @ValidateNested()
  filter?: AssetFilter | null;
}

/** The ledger details that may be given at registration and edited later; absent or null: none (or unchanged). */
@InputType({ description: 'Ledger details, at registration and on an edit' })
class LedgerDetailsInput {
  @Field(() => String, { nullable: true })
  @Text({ max: TEXT_MAX, optional: true })
  manufacturer?: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "Keys known to the asset's category (OTHER: free); on an edit the whole configuration",
  })
  configuration?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  @Text({ max: TEXT_MAX, optional: true })
  serialNumber?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ max: TEXT_MAX, optional: true })
  supplier?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  purchaseDate?: string | null;

  @Field(() => Float, { nullable: true })
  purchaseCost?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217; default CNY' })
  currency?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  warrantyEndsOn?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ max: TEXT_MAX, optional: true })
  location?: string | null;

  @Field(() => ID, { nullable: true })
  departmentId?: string | null;
}

@InputType({ description: 'A new ledger entry; dates may lie in the past (an import), never in the future' })
export class RegisterAssetInput extends LedgerDetailsInput {
  @Field()
  @Text({ max: NAME_MAX })
  name: string;

  @Field(() => AssetCategory)
  category: AssetCategoryValue;

  @Field()
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
  @Field(() => ID)
  assetId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @Text({ max: NAME_MAX, optional: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ max: TEXT_MAX, optional: true })
  model?: string | null;
}

@InputType()
export class ChangeAssetStatusInput {
  @Field(() => ID)
  assetId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => AssetStatus, { description: 'Any legal next status but RETIRED (retireAsset)' })
  status: AssetStatusValue;

  @Field(() => String, { nullable: true })
  @Text({ max: 500, optional: true })
  reason?: string | null;
}

@InputType()
export class AssignAssetInput {
  @Field(() => ID)
  assetId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field(() => ID, { nullable: true, description: 'Null: taken back' })
  custodianId: string | null;

  @Field(() => ID, { nullable: true })
  departmentId: string | null;

  @Field(() => String, { nullable: true })
  @Text({ max: TEXT_MAX, optional: true })
  location?: string | null;
}

@InputType()
export class RetireAssetInput {
  @Field(() => ID)
  assetId: string;

  @ExpectedVersion()
  expectedVersion: number;

  @Field()
  @Text({ max: 500 })
  reason: string;
}

@InputType()
export class RecordMeterReadingInput {
  @Field(() => ID)
  assetId: string;

  @Field(() => Float, { description: 'Operating hours on the meter; never less than the last reading' })
  operatingHours: number;
}
