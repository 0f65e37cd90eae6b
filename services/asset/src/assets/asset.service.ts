// The ledger's use-cases: permission → pure rule → one unit of work (row, audit line and events commit together).
import { AssetAssigned, AssetRegistered, AssetRetired, AssetUpdated } from '@opsgraph/contracts-events';
import { BadUserInputError, type Caller, type RequestMeta } from '@opsgraph/domain';
import { AuditLog, draft, type UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { permissions } from '../permissions';
import type { AssetStatusValue } from './asset-status.rules';
import { snapshotOf, STATUS_CHANGED, statusChange } from './asset.changes';
import type { AssetCriteria, AssetKeyset } from './asset.query';
import { assetKind, AssetReads } from './asset.repository';
import {
  cleanText,
  editedAsset,
  newAsset,
  type AssetEdits,
  type AssetRecord,
  type RegisterAssetFields,
} from './asset.rules';

type Meta = RequestMeta;
interface Versioned {
  readonly assetId: string;
  readonly expectedVersion: number;
}

export interface StatusHistoryEntry {
  fromStatus: AssetStatusValue | null;
  toStatus: AssetStatusValue;
  reason: string | null;
  occurredAt: Date;
  actorRole: string;
}

/** Called after an asset is registered, in its transaction (maintenance attaches the fleet plans that cover it). */
export type OnRegistered = (
  tx: Parameters<Parameters<UnitOfWork['run']>[1]>[0],
  asset: AssetRecord,
) => Promise<AssetRecord>;

export class AssetService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly onRegistered: OnRegistered = async (_tx, asset) => asset,
  ) {}

  private reads(): AssetReads {
    return new AssetReads(this.unitOfWork.dataSource.manager);
  }

  async byId(caller: Caller, id: string): Promise<AssetRecord | null> {
    permissions.require(caller, 'VIEW_ASSETS');
    const [row] = await this.reads().byIds([id]);
    return row ?? null;
  }

  byTag(caller: Caller, tag: string): Promise<AssetRecord | null> {
    permissions.require(caller, 'VIEW_ASSETS');
    return this.reads().byTag(tag.trim().toUpperCase());
  }

  async page(
    caller: Caller,
    criteria: AssetCriteria,
    limit: number,
    after: AssetKeyset | null,
  ): Promise<{ rows: AssetRecord[]; total: () => Promise<number> }> {
    permissions.require(caller, 'VIEW_ASSETS');
    const reads = this.reads();
    return { rows: await reads.page(criteria, limit, after), total: () => reads.count(criteria) };
  }

  async statusHistory(caller: Caller, asset: AssetRecord): Promise<StatusHistoryEntry[]> {
    permissions.require(caller, 'VIEW_ASSETS');
    const lines = await AuditLog.of(this.unitOfWork.dataSource.manager, assetKind.type, [asset.id]);
    return lines.flatMap((line): StatusHistoryEntry[] => {
      const changes = line.changes as Record<string, unknown>;
      if (line.action === 'REGISTERED') {
        const toStatus = changes['status'] as AssetStatusValue;
        return [
          {
            fromStatus: null,
            toStatus,
            reason: null,
            occurredAt: line.occurredAt,
            actorRole: line.actorRole,
          },
        ];
      }
      if (line.action !== STATUS_CHANGED) return [];
      return [
        {
          fromStatus: changes['fromStatus'] as AssetStatusValue,
          toStatus: changes['toStatus'] as AssetStatusValue,
          reason: (changes['reason'] as string | null) ?? null,
          occurredAt: line.occurredAt,
          actorRole: line.actorRole,
        },
      ];
    });
  }

  register(meta: Meta, input: RegisterAssetFields): Promise<AssetRecord> {
    permissions.require(meta.caller, 'MANAGE_ASSETS');
    return this.unitOfWork.run(meta, async (tx) => {
      const seq = await new AssetReads(tx.manager).nextTagNumber();
      const asset = newAsset(randomUUID(), seq, input, tx.now);
      const saved = await tx.save(assetKind, null, {
        after: asset,
        action: 'REGISTERED',
        changes: { tag: asset.tag, status: asset.status, category: asset.category, model: asset.model },
        events: [draft(AssetRegistered, { ...snapshotOf(asset), purchaseDate: asset.purchaseDate })],
      });
      return this.onRegistered(tx, saved);
    });
  }

  /** Edits or corrects ledger details; audited field by field; an edit that changes nothing writes nothing. */
  update(meta: Meta, input: Versioned & AssetEdits): Promise<AssetRecord> {
    permissions.require(meta.caller, 'MANAGE_ASSETS');
    return this.unitOfWork.run(meta, async (tx) => {
      const asset = await tx.load(assetKind, input.assetId, input.expectedVersion);
      const { after, changes } = editedAsset(asset, input, tx.now);
      if (changes.length === 0) return asset;
      return tx.save(assetKind, asset, {
        after,
        action: 'UPDATED',
        changes: { fields: changes },
        events: [draft(AssetUpdated, { ...snapshotOf(after), changedFields: changes.map((c) => c.field) })],
      });
    });
  }

  changeStatus(
    meta: Meta,
    input: Versioned & { status: AssetStatusValue; reason?: string | null },
  ): Promise<AssetRecord> {
    permissions.require(meta.caller, 'MANAGE_ASSETS');
    if (input.status === 'RETIRED') {
      throw new BadUserInputError('An asset is retired with retireAsset, which records why', 'input.status');
    }
    return this.unitOfWork.run(meta, async (tx) => {
      const asset = await tx.load(assetKind, input.assetId, input.expectedVersion);
      const reason = cleanText(input.reason, 'input.reason', 500);
      return tx.save(assetKind, asset, statusChange(asset, input.status, reason, tx.now));
    });
  }

  assign(
    meta: Meta,
    input: Versioned & { custodianId: string | null; departmentId: string | null; location?: string | null },
  ): Promise<AssetRecord> {
    permissions.require(meta.caller, 'MANAGE_ASSETS');
    return this.unitOfWork.run(meta, async (tx) => {
      const asset = await tx.load(assetKind, input.assetId, input.expectedVersion);
      if (asset.status === 'RETIRED') {
        throw new BadUserInputError('A retired asset cannot be assigned', 'input.assetId');
      }
      const location =
        input.location === undefined ? asset.location : cleanText(input.location, 'input.location');
      const after = {
        ...asset,
        custodianId: input.custodianId,
        departmentId: input.departmentId,
        location,
        updatedAt: tx.now,
      };
      return tx.save(assetKind, asset, {
        after,
        action: 'ASSIGNED',
        changes: { custodianId: after.custodianId, departmentId: after.departmentId, location },
        events: [
          draft(AssetAssigned, {
            ...snapshotOf(after),
            previousCustodianId: asset.custodianId,
            previousDepartmentId: asset.departmentId,
          }),
        ],
      });
    });
  }

  retire(meta: Meta, input: Versioned & { reason: string }): Promise<AssetRecord> {
    permissions.require(meta.caller, 'MANAGE_ASSETS');
    return this.unitOfWork.run(meta, async (tx) => {
      const asset = await tx.load(assetKind, input.assetId, input.expectedVersion);
      const reason = cleanText(input.reason, 'input.reason', 500)!;
      const moved = statusChange(asset, 'RETIRED', reason, tx.now);
      return tx.save(assetKind, asset, [
        moved,
        {
          after: moved.after,
          action: 'RETIRED',
          changes: { reason },
          events: [draft(AssetRetired, { ...snapshotOf(moved.after), reason })],
        },
      ]);
    });
  }

  recordMeterReading(meta: Meta, input: { assetId: string; operatingHours: number }): Promise<AssetRecord> {
    permissions.require(meta.caller, 'RECORD_MAINTENANCE');
    return this.unitOfWork.run(meta, async (tx) => {
      const asset = await tx.load(assetKind, input.assetId);
      const hours = input.operatingHours;
      if (!Number.isFinite(hours) || hours < asset.operatingHours || hours > 1e9) {
        throw new BadUserInputError(
          `operatingHours must be at least the last reading (${asset.operatingHours})`,
          'input.operatingHours',
        );
      }
      const after = { ...asset, operatingHours: Math.round(hours * 10) / 10, updatedAt: tx.now };
      return tx.save(assetKind, asset, {
        after,
        action: 'METER_READ',
        changes: { from: asset.operatingHours, to: after.operatingHours },
      });
    });
  }
}
