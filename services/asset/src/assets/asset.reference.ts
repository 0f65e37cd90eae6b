// `_entities` for Asset (one batch per request), and the asset lists this subgraph adds to Employee and Department.
import { batchedReference, createLoader, type EntityReference } from '@opsgraph/graphql-kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { permissions } from '../permissions';
import { DepartmentReference, EmployeeReference } from '../references/entity-references';
import type { AssetContext } from '../subgraph';
import { AssetsArgs } from './asset.inputs';
import { AssetReads } from './asset.repository';
import { assetPage } from './asset.resolver';
import type { AssetRecord } from './asset.rules';
import { AssetConnection } from './asset.type';

export const assetLoaders = (dataSource: DataSource) => ({
  assets: createLoader(
    (ids) => new AssetReads(dataSource.manager).byIds(ids),
    (row: AssetRecord) => row.id,
  ),
});
export type AssetLoaders = ReturnType<typeof assetLoaders>;

const load = batchedReference((ctx: AssetContext) => ctx.loaders.assets);
const reference = (ref: EntityReference) => ({ id: ref.id });

export const assetReferences = {
  Asset: {
    // A caller who may not view assets gets null, as for an unknown id.
    __resolveReference: (ref: EntityReference, ctx: AssetContext) =>
      permissions.can(ctx.caller, 'VIEW_ASSETS') ? load(ref, ctx) : null,
  },
  Employee: { __resolveReference: reference },
  Department: { __resolveReference: reference },
};

@Resolver(() => EmployeeReference)
export class EmployeeAssetsResolver {
  @FieldResolver(() => AssetConnection, {
    nullable: true,
    description: 'Assets the employee holds, newest first; null only when the asset subgraph cannot answer',
  })
  assets(@Root() employee: EmployeeReference, @Args() args: AssetsArgs, @Ctx() ctx: AssetContext) {
    return assetPage(ctx, args, { custodianId: employee.id });
  }
}

@Resolver(() => DepartmentReference)
export class DepartmentAssetsResolver {
  @FieldResolver(() => AssetConnection, {
    nullable: true,
    description: 'Assets of the department, newest first; null only when the asset subgraph cannot answer',
  })
  assets(@Root() department: DepartmentReference, @Args() args: AssetsArgs, @Ctx() ctx: AssetContext) {
    return assetPage(ctx, args, { departmentId: department.id });
  }
}
