// Maintenance in the graph, thin.
import { useCaseMutations } from '@opsgraph/service-kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AssetRecord } from '../assets/asset.rules';
import { Asset } from '../assets/asset.type';
import type { AssetContext, AssetServices } from '../subgraph';
import {
  CompleteMaintenanceInput,
  CreateMaintenancePlanInput,
  MaintenancePlan,
  MaintenanceRecordType,
  MaintenanceScheduleEntry,
  RecordMaintenanceInput,
  StartMaintenanceInput,
} from './maintenance.type';

@Resolver(() => Asset)
export class AssetMaintenanceResolver {
  @FieldResolver(() => [MaintenanceScheduleEntry], {
    description: 'The plans covering it, soonest due first',
  })
  maintenancePlans(@Root() asset: AssetRecord, @Ctx() ctx: AssetContext) {
    return ctx.services.maintenance.schedulesOf(ctx.caller, asset);
  }

  @FieldResolver(() => [MaintenanceRecordType], { description: 'Its maintenance jobs, newest first' })
  maintenanceRecords(@Root() asset: AssetRecord, @Ctx() ctx: AssetContext) {
    return ctx.services.maintenance.recordsOf(ctx.caller, asset.id);
  }
}

const maintenance = (ctx: AssetContext): AssetServices['maintenance'] => ctx.services.maintenance;

export const MaintenancePlanMutations = useCaseMutations(() => MaintenancePlan, maintenance, {
  createMaintenancePlan: {
    useCase: 'createPlan',
    input: CreateMaintenancePlanInput,
    description: 'Publishes asset.maintenance_planned for every asset it covers',
  },
});

export const MaintenanceRecordMutations = useCaseMutations(() => MaintenanceRecordType, maintenance, {
  startMaintenance: {
    useCase: 'start',
    input: StartMaintenanceInput,
    description: 'The asset goes UNDER_MAINTENANCE',
  },
  completeMaintenance: {
    useCase: 'complete',
    input: CompleteMaintenanceInput,
    description: 'Back IN_USE, the plan advanced; publishes asset.maintenance_completed',
  },
  recordMaintenance: {
    useCase: 'record',
    input: RecordMaintenanceInput,
    description: 'A past job (import); the plan advanced; publishes asset.maintenance_completed',
  },
});
