// The asset's changes as the unit of work saves them: the aggregate after the change, its audit action and events.
// Shared by the ledger, faults, maintenance and the overdue scanner, so every status move is audited the same way.
import { AssetStatusChanged, type AssetSnapshot } from '@opsgraph/contracts-events';
import { draft, type AggregateChange } from '@opsgraph/service-kit';
import { requireMove, type AssetStatusValue } from './asset-status.rules';
import { withStatus, type AssetRecord } from './asset.rules';

export const STATUS_CHANGED = 'STATUS_CHANGED';

export function snapshotOf(asset: AssetRecord): AssetSnapshot {
  return {
    assetId: asset.id,
    tag: asset.tag,
    name: asset.name,
    category: asset.category,
    model: asset.model,
    status: asset.status,
    custodianId: asset.custodianId,
    departmentId: asset.departmentId,
    location: asset.location,
  };
}

/** The move to `to` (checked by the status machine), audited with from/to/reason and published. */
export function statusChange(
  asset: AssetRecord,
  to: AssetStatusValue,
  reason: string | null,
  now: Date,
): AggregateChange<AssetRecord> {
  requireMove(asset.status, to);
  const after = withStatus(asset, to, now);
  return {
    after,
    action: STATUS_CHANGED,
    changes: { fromStatus: asset.status, toStatus: to, reason },
    events: [
      draft(AssetStatusChanged, { ...snapshotOf(after), fromStatus: asset.status, toStatus: to, reason }),
    ],
  };
}
