// Maintenance plans and jobs (docs/product.md §4.1). A plan covers one asset, or every asset of a category and/or
// model (those registered later too); each covered asset has its own schedule. Starting a job puts the asset
// UNDER_MAINTENANCE; completing it returns the asset to IN_USE (unless a fault is open) and advances the plan from
// the day it was done. Every step is one asset change (row, audit line, events) in one unit of work.
import { AssetMaintenanceCompleted, AssetMaintenancePlanned } from '@opsgraph/contracts-events';
import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  type Caller,
  type RequestMeta,
} from '@opsgraph/domain';
import { draft, type AggregateChange, type UnitOfWork, type WriteTransaction } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { dayOf } from '../calendar.rules';
import type { AssetCategoryValue } from '../assets/asset-category.rules';
import { requireMove } from '../assets/asset-status.rules';
import { snapshotOf, statusChange } from '../assets/asset.changes';
import { assetKind } from '../assets/asset.repository';
import { checkDate, cleanText, type AssetRecord } from '../assets/asset.rules';
import { FaultRepository } from '../faults/fault.repository';
import { checkRepairedAfter, pastInstant, statusOnRepair } from '../faults/fault.rules';
import { permissions } from '../permissions';
import {
  MaintenanceRepository,
  type MaintenanceRecord,
  type PlanRecord,
  type ScheduleView,
} from './maintenance.repository';
import { checkInterval, isOverdue, nextDue, type IntervalUnit } from './maintenance-schedule.rules';

type Meta = RequestMeta;
type Part = MaintenanceRecord['parts'][number];

export interface PlanInput {
  readonly assetId?: string | null;
  readonly category?: AssetCategoryValue | null;
  readonly model?: string | null;
  readonly title: string;
  readonly intervalUnit: IntervalUnit;
  readonly intervalValue: number;
  /** The day the first interval counts from (may be past); default today. */
  readonly startOn?: string | null;
}

export interface CompletionInput {
  readonly performedBy?: string | null;
  readonly parts?: readonly Part[] | null;
  readonly cost?: number | null;
}

/** The change that puts `plan` on `asset`'s schedule, counting from `startOn`. */
async function planOn(
  tx: WriteTransaction,
  asset: AssetRecord,
  plan: PlanRecord,
  startOn: string,
): Promise<AggregateChange<AssetRecord>> {
  const interval = { unit: plan.intervalUnit, value: plan.intervalValue };
  const due = nextDue(interval, startOn, asset.operatingHours);
  await new MaintenanceRepository(tx.manager).upsertSchedule({
    planId: plan.id,
    assetId: asset.id,
    lastDoneOn: null,
    ...due,
    overdueReportedFor: null,
  });
  return {
    after: asset,
    action: 'MAINTENANCE_PLANNED',
    changes: { planId: plan.id, ...due },
    events: [
      draft(AssetMaintenancePlanned, {
        ...snapshotOf(asset),
        planId: plan.id,
        intervalUnit: plan.intervalUnit,
        intervalValue: plan.intervalValue,
        ...due,
      }),
    ],
  };
}

/** For AssetService: a newly registered asset joins the category/model plans that cover it. */
export async function attachFleetPlans(tx: WriteTransaction, asset: AssetRecord): Promise<AssetRecord> {
  const plans = await new MaintenanceRepository(tx.manager).fleetPlansFor(asset.category, asset.model);
  if (plans.length === 0) return asset;
  const changes = [];
  for (const plan of plans) changes.push(await planOn(tx, asset, plan, dayOf(tx.now)));
  return tx.save(assetKind, asset, changes);
}

function checkParts(parts: readonly Part[] | null | undefined): Part[] {
  return (parts ?? []).map((part, index) => {
    const field = `input.parts.${index}`;
    const name = cleanText(part.name, `${field}.name`)!;
    if (!Number.isInteger(part.quantity) || part.quantity < 1) {
      throw new BadUserInputError('quantity must be a whole number of at least 1', `${field}.quantity`);
    }
    if (!(part.unitCost >= 0))
      throw new BadUserInputError('unitCost must be at least 0', `${field}.unitCost`);
    return { name, quantity: part.quantity, unitCost: part.unitCost };
  });
}

export class MaintenanceService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private reads(): MaintenanceRepository {
    return new MaintenanceRepository(this.unitOfWork.dataSource.manager);
  }

  async schedulesOf(caller: Caller, asset: AssetRecord): Promise<(ScheduleView & { overdue: boolean })[]> {
    permissions.require(caller, 'VIEW_ASSETS');
    const today = dayOf(this.unitOfWork.clock());
    const schedules = await this.reads().schedulesOf(asset.id);
    return schedules.map((s) => ({ ...s, overdue: isOverdue(s, today, asset.operatingHours) }));
  }

  recordsOf(caller: Caller, assetId: string): Promise<MaintenanceRecord[]> {
    permissions.require(caller, 'VIEW_ASSETS');
    return this.reads().recordsOf(assetId);
  }

  createPlan(meta: Meta, input: PlanInput): Promise<PlanRecord & { coveredAssets: number }> {
    permissions.require(meta.caller, 'MANAGE_ASSETS');
    const forAsset = input.assetId !== null && input.assetId !== undefined;
    const forFleet = (input.category ?? null) !== null || (input.model ?? null) !== null;
    if (forAsset === forFleet) {
      throw new BadUserInputError(
        'A plan covers either one asset (assetId) or a category and/or model',
        'input.assetId',
      );
    }
    checkInterval({ unit: input.intervalUnit, value: input.intervalValue });
    return this.unitOfWork.run(meta, async (tx) => {
      const startOn = checkDate(input.startOn, 'input.startOn') ?? dayOf(tx.now);
      const plan: PlanRecord = {
        id: randomUUID(),
        assetId: input.assetId ?? null,
        category: input.category ?? null,
        model: cleanText(input.model, 'input.model'),
        title: cleanText(input.title, 'input.title')!,
        intervalUnit: input.intervalUnit,
        intervalValue: input.intervalValue,
        createdAt: tx.now,
      };
      const repository = new MaintenanceRepository(tx.manager);
      const covered: string[] = forAsset
        ? [(await tx.load(assetKind, plan.assetId!)).id]
        : (
            await tx.manager.query(
              `select id from assets where status <> 'RETIRED' and ($1::text is null or category = $1)
                 and ($2::text is null or model = $2) order by id`,
              [plan.category, plan.model],
            )
          ).map((row: { id: string }) => row.id);
      await repository.insertPlan(plan);
      for (const id of covered) {
        const asset = await tx.load(assetKind, id);
        await tx.save(assetKind, asset, await planOn(tx, asset, plan, startOn));
      }
      return { ...plan, coveredAssets: covered.length };
    });
  }

  start(
    meta: Meta,
    input: { assetId: string; planId?: string | null; description: string },
  ): Promise<MaintenanceRecord> {
    permissions.require(meta.caller, 'RECORD_MAINTENANCE');
    return this.unitOfWork.run(meta, async (tx) => {
      const asset = await tx.load(assetKind, input.assetId);
      const planId = await this.checkPlan(tx, asset.id, input.planId);
      const record: MaintenanceRecord = {
        id: randomUUID(),
        assetId: asset.id,
        planId,
        description: cleanText(input.description, 'input.description', 2000)!,
        performedBy: null,
        parts: [],
        cost: 0,
        startedAt: tx.now,
        completedAt: null,
        downtimeMinutes: null,
      };
      const moves = asset.status === 'IN_USE' || asset.status === 'FAULTY';
      const change = moves
        ? {
            ...statusChange(asset, 'UNDER_MAINTENANCE', `maintenance: ${record.description}`, tx.now),
            action: 'MAINTENANCE_STARTED',
          }
        : { after: asset, action: 'MAINTENANCE_STARTED', changes: { recordId: record.id } };
      if (asset.status === 'RETIRED') requireMove(asset.status, 'UNDER_MAINTENANCE');
      await tx.save(assetKind, asset, change);
      await new MaintenanceRepository(tx.manager).insertRecord(record);
      return record;
    });
  }

  complete(meta: Meta, input: CompletionInput & { recordId: string }): Promise<MaintenanceRecord> {
    permissions.require(meta.caller, 'RECORD_MAINTENANCE');
    return this.unitOfWork.run(meta, async (tx) => {
      const repository = new MaintenanceRepository(tx.manager);
      const found = await repository.record(input.recordId);
      if (found === null) throw new NotFoundError('MaintenanceRecord', input.recordId);
      const asset = await tx.load(assetKind, found.assetId);
      const record = (await repository.record(input.recordId))!;
      if (record.completedAt !== null)
        throw new ConflictError('This maintenance job is already completed', { recordId: record.id });
      const done = this.completed(record, input, tx.now);
      await this.saveCompletion(tx, asset, done, true);
      await repository.completeRecord(done);
      return done;
    });
  }

  /** A job done in the past (an import): recorded complete; the asset's status stays; the plan advances. */
  record(
    meta: Meta,
    input: CompletionInput & {
      assetId: string;
      planId?: string | null;
      description: string;
      startedAt: Date;
      completedAt: Date;
    },
  ): Promise<MaintenanceRecord> {
    permissions.require(meta.caller, 'RECORD_MAINTENANCE');
    return this.unitOfWork.run(meta, async (tx) => {
      const asset = await tx.load(assetKind, input.assetId);
      const startedAt = pastInstant(input.startedAt, tx.now, 'input.startedAt');
      const completedAt = pastInstant(input.completedAt, tx.now, 'input.completedAt');
      checkRepairedAfter(startedAt, completedAt, 'input.completedAt');
      const record: MaintenanceRecord = {
        id: randomUUID(),
        assetId: asset.id,
        planId: await this.checkPlan(tx, asset.id, input.planId),
        description: cleanText(input.description, 'input.description', 2000)!,
        performedBy: null,
        parts: [],
        cost: 0,
        startedAt,
        completedAt: null,
        downtimeMinutes: null,
      };
      const done = this.completed(record, input, completedAt);
      await this.saveCompletion(tx, asset, done, false);
      await new MaintenanceRepository(tx.manager).insertRecord(done);
      return done;
    });
  }

  private completed(record: MaintenanceRecord, input: CompletionInput, completedAt: Date): MaintenanceRecord {
    const parts = checkParts(input.parts);
    const cost = input.cost ?? parts.reduce((sum, part) => sum + part.quantity * part.unitCost, 0);
    if (!(cost >= 0 && cost < 1e12)) throw new BadUserInputError('cost must be at least 0', 'input.cost');
    return {
      ...record,
      performedBy: input.performedBy ?? null,
      parts,
      cost: Math.round(cost * 100) / 100,
      completedAt,
      downtimeMinutes: Math.round((completedAt.getTime() - record.startedAt.getTime()) / 60_000),
    };
  }

  private async saveCompletion(
    tx: WriteTransaction,
    asset: AssetRecord,
    done: MaintenanceRecord,
    live: boolean,
  ): Promise<void> {
    const changes: AggregateChange<AssetRecord>[] = [];
    if (live) {
      const openFaults = await new FaultRepository(tx.manager).openCount(asset.id);
      const to = asset.status === 'UNDER_MAINTENANCE' ? statusOnRepair(asset.status, openFaults) : null;
      if (to !== null) changes.push(statusChange(asset, to, 'maintenance completed', tx.now));
    }
    const after = changes[0]?.after ?? asset;
    if (done.planId !== null) await this.advance(tx, after, done.planId, dayOf(done.completedAt!));
    changes.push({
      after,
      action: 'MAINTENANCE_COMPLETED',
      changes: {
        recordId: done.id,
        planId: done.planId,
        cost: done.cost,
        downtimeMinutes: done.downtimeMinutes,
      },
      events: [
        draft(AssetMaintenanceCompleted, {
          ...snapshotOf(after),
          recordId: done.id,
          planId: done.planId,
          completedAt: done.completedAt!.toISOString(),
          downtimeMinutes: done.downtimeMinutes!,
          cost: done.cost,
        }),
      ],
    });
    await tx.save(assetKind, asset, changes);
  }

  /** The plan's next due point counts from the latest day it was done (an older import leaves it). */
  private async advance(
    tx: WriteTransaction,
    asset: AssetRecord,
    planId: string,
    doneOn: string,
  ): Promise<void> {
    const repository = new MaintenanceRepository(tx.manager);
    const [schedule, plan] = [await repository.schedule(planId, asset.id), await repository.plan(planId)];
    if (schedule === null || plan === null) return;
    if (schedule.lastDoneOn !== null && schedule.lastDoneOn >= doneOn) return;
    const due = nextDue({ unit: plan.intervalUnit, value: plan.intervalValue }, doneOn, asset.operatingHours);
    await repository.upsertSchedule({ ...schedule, lastDoneOn: doneOn, ...due });
  }

  private async checkPlan(
    tx: WriteTransaction,
    assetId: string,
    planId: string | null | undefined,
  ): Promise<string | null> {
    if (planId === null || planId === undefined) return null;
    if ((await new MaintenanceRepository(tx.manager).schedule(planId, assetId)) === null) {
      throw new BadUserInputError('The plan does not cover this asset', 'input.planId');
    }
    return planId;
  }
}
