import { ASSET_CATEGORY_DESCRIPTIONS } from '@opsgraph/contracts-events';
import { Connection, graphqlEnumOf } from '@opsgraph/graphql-kit';
import { GraphQLJSONObject, GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DepartmentReference, EmployeeReference } from '../references/entity-references';
import { ASSET_CATEGORY_VALUES, type AssetCategoryValue } from './asset-category.rules';
import { ASSET_STATUS_VALUES, type AssetStatusValue } from './asset-status.rules';

// The ticket subgraph's routing rules use the same enum (same values and descriptions; composition merges the two).
export const AssetCategory = graphqlEnumOf(
  ASSET_CATEGORY_VALUES,
  'AssetCategory',
  'What kind of equipment',
  ASSET_CATEGORY_DESCRIPTIONS,
);
export const AssetStatus = graphqlEnumOf(
  ASSET_STATUS_VALUES,
  'AssetStatus',
  'IN_STOCK → IN_USE ⇄ UNDER_MAINTENANCE ⇄ FAULTY → RETIRED',
  {
    IN_STOCK: 'Registered, not yet in use',
    IN_USE: 'In service',
    UNDER_MAINTENANCE: 'Being maintained or repaired',
    FAULTY: 'Out of order, waiting for repair',
    RETIRED: 'Taken out of service for good',
  },
);

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A piece of equipment in the ledger (設備臺賬)' })
export class Asset {
  @Field(() => ID, { description: 'The asset’s id (UUID)' })
  id: string;

  @Field({ description: 'Unique readable tag, e.g. AST-000042' })
  tag: string;

  @Field({ description: 'What it is called, e.g. Core switch, rack B2' })
  name: string;

  @Field(() => AssetCategory, { description: 'What kind of equipment' })
  category: AssetCategoryValue;

  @Field({ description: 'Model designation, e.g. Catalyst 9300-48P' })
  model: string;

  @Field(() => String, { nullable: true, description: 'Who made it' })
  manufacturer: string | null;

  @Field(() => GraphQLJSONObject, {
    description: 'Structured configuration; the keys depend on the category',
  })
  configuration: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'The manufacturer’s serial number' })
  serialNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Who sold it' })
  supplier: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When it was bought' })
  purchaseDate: string | null;

  @Field(() => Float, { nullable: true, description: 'What it cost, in `currency`' })
  purchaseCost: number | null;

  @Field({ description: 'ISO 4217 code of the purchase cost' })
  currency: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When it first went into use' })
  inServiceSince: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day of the warranty' })
  warrantyEndsOn: string | null;

  @Field(() => String, { nullable: true, description: 'Where it is, e.g. Data centre, room 2' })
  location: string | null;

  @Field(() => AssetStatus, { description: 'Where it stands in its life cycle' })
  status: AssetStatusValue;

  @Field(() => Float, { description: 'Latest meter reading' })
  operatingHours: number;

  @Field(() => Int, { description: 'Pass it back as expectedVersion when changing the asset' })
  version: number;

  @Field({ description: 'When it was registered' })
  createdAt: Date;

  @Field({ description: 'When it last changed' })
  updatedAt: Date;
}

export const AssetConnection = Connection(Asset);

@ObjectType({ description: 'One status change of an asset, from its audit trail' })
export class AssetStatusEntry {
  @Field(() => AssetStatus, { nullable: true, description: 'Null for the registration' })
  fromStatus: AssetStatusValue | null;

  @Field(() => AssetStatus, { description: 'The status after the change' })
  toStatus: AssetStatusValue;

  @Field(() => String, { nullable: true, description: 'Why, when one was given' })
  reason: string | null;

  @Field({ description: 'When it changed' })
  occurredAt: Date;

  @Field({ description: 'Role of whoever made the change (SYSTEM for a ticket or a job)' })
  actorRole: string;
}

// Imported for their side effect of being part of the schema through Asset's field resolvers.
export { DepartmentReference, EmployeeReference };
