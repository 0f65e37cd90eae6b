// The graph of the ledger, thin: each field asks a use-case and shapes the answer.
import { cursorKeys, pageRequest, toConnection, type ConnectionShape } from '@opsgraph/graphql-kit';
import { useCaseMutations } from '@opsgraph/service-kit';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { DepartmentReference, EmployeeReference, referenceTo } from '../references/entity-references';
import type { AssetContext, AssetServices } from '../subgraph';
import {
  AssetsArgs,
  AssignAssetInput,
  ChangeAssetStatusInput,
  RecordMeterReadingInput,
  RegisterAssetInput,
  RetireAssetInput,
  UpdateAssetInput,
} from './asset.inputs';
import type { AssetCriteria } from './asset.query';
import type { AssetRecord } from './asset.rules';
import type { StatusHistoryEntry } from './asset.service';
import { Asset, AssetConnection, AssetStatusEntry } from './asset.type';

/** The filter's given fields (GraphQL null = not given). */
export function criteriaOf(filter: AssetsArgs['filter']): AssetCriteria {
  if (!filter) return {};
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== null && v !== undefined),
  ) as AssetCriteria;
}

export async function assetPage(
  ctx: AssetContext,
  args: AssetsArgs,
  fixed: AssetCriteria = {},
): Promise<ConnectionShape<AssetRecord>> {
  const request = pageRequest(args);
  const keys = cursorKeys(request.after, ['timestamp', 'uuid'] as const);
  const after = keys && { createdAt: keys[0], id: keys[1] };
  const criteria = { ...criteriaOf(args.filter), ...fixed };
  const { rows, total } = await ctx.services.assets.page(ctx.caller, criteria, request.first + 1, after);
  return toConnection(rows, request.first, (row) => [row.createdAt.toISOString(), row.id], await total());
}

@Resolver(() => Asset)
export class AssetResolver {
  @Query(() => Asset, { nullable: true, description: 'One asset; null when there is none' })
  asset(
    @Arg('id', () => ID, { description: 'The asset’s id' }) id: string,
    @Ctx() ctx: AssetContext,
  ): Promise<AssetRecord | null> {
    return ctx.services.assets.byId(ctx.caller, id);
  }

  @Query(() => Asset, { nullable: true, description: 'The asset with this tag (AST-000042)' })
  assetByTag(
    @Arg('tag', { description: 'The asset tag, e.g. AST-000042' }) tag: string,
    @Ctx() ctx: AssetContext,
  ): Promise<AssetRecord | null> {
    return ctx.services.assets.byTag(ctx.caller, tag);
  }

  @Query(() => AssetConnection, { description: 'Assets, newest first, filtered' })
  assets(@Args() args: AssetsArgs, @Ctx() ctx: AssetContext): Promise<ConnectionShape<AssetRecord>> {
    return assetPage(ctx, args);
  }

  @FieldResolver(() => EmployeeReference, { nullable: true, description: 'The employee who holds it' })
  custodian(@Root() asset: AssetRecord) {
    return referenceTo(asset.custodianId);
  }

  @FieldResolver(() => DepartmentReference, {
    description: 'The department the asset is assigned to; null when unassigned',
    nullable: true,
  })
  department(@Root() asset: AssetRecord) {
    return referenceTo(asset.departmentId);
  }

  @FieldResolver(() => [AssetStatusEntry], { description: 'Every status it has had, oldest first (audited)' })
  statusHistory(@Root() asset: AssetRecord, @Ctx() ctx: AssetContext): Promise<StatusHistoryEntry[]> {
    return ctx.services.assets.statusHistory(ctx.caller, asset);
  }
}

export const AssetMutations = useCaseMutations(
  () => Asset,
  (ctx: AssetContext): AssetServices['assets'] => ctx.services.assets,
  {
    registerAsset: {
      useCase: 'register',
      input: RegisterAssetInput,
      description: 'Publishes asset.registered',
    },
    updateAsset: {
      useCase: 'update',
      input: UpdateAssetInput,
      description:
        'Edits ledger details (not status or custodian); publishes asset.updated unless nothing changed',
    },
    changeAssetStatus: {
      useCase: 'changeStatus',
      input: ChangeAssetStatusInput,
      description: 'Moves it along the status machine; publishes asset.status_changed',
    },
    assignAsset: { useCase: 'assign', input: AssignAssetInput, description: 'Publishes asset.assigned' },
    retireAsset: {
      useCase: 'retire',
      input: RetireAssetInput,
      description: 'Publishes asset.status_changed and asset.retired',
    },
    recordMeterReading: {
      useCase: 'recordMeterReading',
      input: RecordMeterReadingInput,
      description: 'Operating hours, for operating-hour maintenance plans',
    },
  },
);
