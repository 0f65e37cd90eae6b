import { Connection, graphqlEnumOf } from '@opsgraph/graphql-kit';
import { GraphQLJSONObject, GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DepartmentReference, EmployeeReference } from '../references/entity-references';
import { ASSET_CATEGORY_VALUES, type AssetCategoryValue } from './asset-category.rules';
import { ASSET_STATUS_VALUES, type AssetStatusValue } from './asset-status.rules';

export const AssetCategory = graphqlEnumOf(ASSET_CATEGORY_VALUES, 'AssetCategory', 'What kind of equipment');
export const AssetStatus = graphqlEnumOf(
  ASSET_STATUS_VALUES,
  'AssetStatus',
  'IN_STOCK → IN_USE ⇄ UNDER_MAINTENANCE ⇄ FAULTY → RETIRED',
);

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A piece of equipment in the ledger (設備臺賬)' })
export class Asset {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Unique readable tag, e.g. AST-000042' })
  tag: string;

  @Field()
  name: string;

  @Field(() => AssetCategory)
  category: AssetCategoryValue;

  @Field()
  model: string;

  @Field(() => String, { nullable: true })
  manufacturer: string | null;

  @Field(() => GraphQLJSONObject, {
    description: 'Structured configuration; the keys depend on the category',
  })
  configuration: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  serialNumber: string | null;

  @Field(() => String, { nullable: true })
  supplier: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  purchaseDate: string | null;

  @Field(() => Float, { nullable: true })
  purchaseCost: number | null;

  @Field({ description: 'ISO 4217 code of the purchase cost' })
  currency: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When it first went into use' })
  inServiceSince: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  warrantyEndsOn: string | null;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => AssetStatus)
  status: AssetStatusValue;

  @Field(() => Float, { description: 'Latest meter reading' })
  operatingHours: number;

  @Field(() => Int, { description: 'Pass it back as expectedVersion when changing the asset' })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

export const AssetConnection = Connection(Asset);

@ObjectType({ description: 'One status change of an asset, from its audit trail' })
export class AssetStatusEntry {
  @Field(() => AssetStatus, { nullable: true, description: 'Null for the registration' })
  fromStatus: AssetStatusValue | null;

  @Field(() => AssetStatus)
  toStatus: AssetStatusValue;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field()
  occurredAt: Date;

  @Field({ description: 'Role of whoever made the change (SYSTEM for a ticket or a job)' })
  actorRole: string;
}

// Imported for their side effect of being part of the schema through Asset's field resolvers.
export { DepartmentReference, EmployeeReference };
