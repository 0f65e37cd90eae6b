// Faults and reliability in the graph, thin.
import { useCaseMutations } from '@opsgraph/service-kit';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AssetCategory } from '../assets/asset.type';
import type { AssetCategoryValue } from '../assets/asset-category.rules';
import type { AssetRecord } from '../assets/asset.rules';
import { Asset } from '../assets/asset.type';
import type { AssetContext, AssetServices } from '../subgraph';
import type { FaultRecord } from './fault.repository';
import { AssetFault, Reliability, RepairFaultInput, ReportFaultInput, StartRepairInput } from './fault.type';

@Resolver(() => Asset)
export class AssetFaultsResolver {
  @FieldResolver(() => [AssetFault], { description: 'Its faults, oldest first' })
  faults(@Root() asset: AssetRecord, @Ctx() ctx: AssetContext): Promise<FaultRecord[]> {
    return ctx.services.faults.ofAsset(ctx.caller, asset.id);
  }

  @FieldResolver(() => Reliability, { description: 'MTBF, MTTR and availability over [from, to)' })
  reliability(
    @Root() asset: AssetRecord,
    @Arg('from', { description: 'Start of the period (DateTime, UTC, inclusive)' }) from: Date,
    @Arg('to', { description: 'End of the period (DateTime, UTC, exclusive); after from' }) to: Date,
    @Ctx() ctx: AssetContext,
  ) {
    return ctx.services.reliability.of(ctx.caller, { assetId: asset.id }, from, to);
  }
}

@Resolver()
export class ReliabilityResolver {
  @Query(() => Reliability, { description: 'Pooled reliability of a model and/or category over [from, to)' })
  assetReliability(
    @Arg('from', { description: 'Start of the period (DateTime, UTC, inclusive)' }) from: Date,
    @Arg('to', { description: 'End of the period (DateTime, UTC, exclusive)' }) to: Date,
    @Arg('model', () => String, {
      description: 'Pool the assets of this model; null for all models',
      nullable: true,
    })
    model: string | null,
    @Arg('category', () => AssetCategory, {
      description: 'Pool the assets of this category; null for all categories',
      nullable: true,
    })
    category: AssetCategoryValue | null,
    @Ctx() ctx: AssetContext,
  ) {
    return ctx.services.reliability.of(
      ctx.caller,
      { model: model ?? undefined, category: category ?? undefined },
      from,
      to,
    );
  }
}

export const FaultMutations = useCaseMutations(
  () => AssetFault,
  (ctx: AssetContext): AssetServices['faults'] => ctx.services.faults,
  {
    reportFault: {
      useCase: 'report',
      input: ReportFaultInput,
      description: 'The asset becomes FAULTY while the fault is open; publishes asset.fault_reported',
    },
    startRepair: {
      useCase: 'startRepair',
      input: StartRepairInput,
      description: 'The asset goes UNDER_MAINTENANCE',
    },
    repairFault: {
      useCase: 'repair',
      input: RepairFaultInput,
      description: 'Back IN_USE when no other fault is open; publishes asset.fault_repaired',
    },
  },
);
