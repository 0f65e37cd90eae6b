// Faults: reported (from the graph or a FAULT ticket) → repair started → repaired; the asset's status follows, and
// every step is one asset change with its events. The steps take a WriteTransaction so that the ticket projection
// runs them in its own consumer transaction.
import { AssetFaultRepaired, AssetFaultReported } from '@opsgraph/contracts-events';
import { NotFoundError, type Caller, type RequestMeta } from '@opsgraph/domain';
import { draft, type AggregateChange, type UnitOfWork, type WriteTransaction } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { snapshotOf, statusChange } from '../assets/asset.changes';
import { assetKind } from '../assets/asset.repository';
import { cleanText, type AssetRecord } from '../assets/asset.rules';
import { permissions } from '../permissions';
import { FaultRepository, type FaultRecord } from './fault.repository';
import { checkRepairedAfter, pastInstant, statusOnFault, statusOnRepair } from './fault.rules';

type Meta = RequestMeta;

export interface FaultReport {
  readonly assetId: string;
  readonly description: string;
  readonly ticketId?: string | null;
  readonly reportedAt?: Date | null;
  /** Given: a historical record of a fault already repaired (the asset's status stays). */
  readonly repairedAt?: Date | null;
}

/** How a fault that came from a FAULT ticket is described. */
export const ticketFaultDescription = (ticketNumber: string): string => `Fault ticket ${ticketNumber}`;

/** The fault recorded, the asset FAULTY while it is open; events fault_reported (and fault_repaired). */
export async function reportFaultIn(tx: WriteTransaction, report: FaultReport): Promise<FaultRecord> {
  const asset = await tx.load(assetKind, report.assetId);
  const reportedAt = pastInstant(report.reportedAt, tx.now, 'input.reportedAt');
  const repairedAt = report.repairedAt ? pastInstant(report.repairedAt, tx.now, 'input.repairedAt') : null;
  if (repairedAt !== null) checkRepairedAfter(reportedAt, repairedAt, 'input.repairedAt');
  const fault: FaultRecord = {
    id: randomUUID(),
    assetId: asset.id,
    ticketId: report.ticketId ?? null,
    description: cleanText(report.description, 'input.description', 2000)!,
    status: repairedAt === null ? 'REPORTED' : 'REPAIRED',
    reportedAt,
    repairStartedAt: repairedAt === null ? null : reportedAt,
    repairedAt,
    repairNotes: null,
  };
  const changes: AggregateChange<AssetRecord>[] = [];
  const to = repairedAt === null ? statusOnFault(asset.status) : null;
  if (to !== null) changes.push(statusChange(asset, to, `fault: ${fault.description}`, tx.now));
  const after = changes[0]?.after ?? asset;
  const facts = {
    ...snapshotOf(after),
    faultId: fault.id,
    ticketId: fault.ticketId,
    reportedAt: reportedAt.toISOString(),
  };
  changes.push({
    after,
    action: 'FAULT_REPORTED',
    changes: { faultId: fault.id, ticketId: fault.ticketId, reportedAt },
    events: [draft(AssetFaultReported, facts)],
  });
  if (repairedAt !== null) changes.push(repairedChange(after, fault));
  await tx.save(assetKind, asset, changes);
  await new FaultRepository(tx.manager).insert(fault);
  return fault;
}

function repairedChange(asset: AssetRecord, fault: FaultRecord): AggregateChange<AssetRecord> {
  return {
    after: asset,
    action: 'FAULT_REPAIRED',
    changes: { faultId: fault.id, repairedAt: fault.repairedAt, notes: fault.repairNotes },
    events: [
      draft(AssetFaultRepaired, {
        ...snapshotOf(asset),
        faultId: fault.id,
        ticketId: fault.ticketId,
        reportedAt: fault.reportedAt.toISOString(),
        repairedAt: fault.repairedAt!.toISOString(),
      }),
    ],
  };
}

/** The fault repaired (idempotent: a repaired fault is returned unchanged); the asset back IN_USE if none is open. */
export async function repairFaultIn(
  tx: WriteTransaction,
  faultId: string,
  input: { repairedAt?: Date | null; notes?: string | null },
): Promise<FaultRecord> {
  const faults = new FaultRepository(tx.manager);
  const { fault, asset } = await heldFault(tx, faultId);
  if (fault.status === 'REPAIRED') return fault;
  const repairedAt = pastInstant(input.repairedAt, tx.now, 'input.repairedAt');
  checkRepairedAfter(fault.reportedAt, repairedAt, 'input.repairedAt');
  const repaired: FaultRecord = {
    ...fault,
    status: 'REPAIRED',
    repairStartedAt: fault.repairStartedAt ?? fault.reportedAt,
    repairedAt,
    repairNotes: cleanText(input.notes, 'input.notes', 2000) ?? fault.repairNotes,
  };
  const changes: AggregateChange<AssetRecord>[] = [];
  const to = statusOnRepair(asset.status, await faults.openCount(asset.id, fault.id));
  if (to !== null) changes.push(statusChange(asset, to, 'fault repaired', tx.now));
  changes.push(repairedChange(changes[0]?.after ?? asset, repaired));
  await tx.save(assetKind, asset, changes);
  await faults.update(repaired);
  return repaired;
}

export class FaultService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async ofAsset(caller: Caller, assetId: string): Promise<FaultRecord[]> {
    permissions.require(caller, 'VIEW_ASSETS');
    return new FaultRepository(this.unitOfWork.dataSource.manager).ofAssets([assetId]);
  }

  report(meta: Meta, input: FaultReport): Promise<FaultRecord> {
    permissions.require(meta.caller, 'RECORD_MAINTENANCE');
    return this.unitOfWork.run(meta, (tx) => reportFaultIn(tx, input));
  }

  startRepair(meta: Meta, input: { faultId: string; notes?: string | null }): Promise<FaultRecord> {
    permissions.require(meta.caller, 'RECORD_MAINTENANCE');
    return this.unitOfWork.run(meta, async (tx) => {
      const { fault, asset } = await heldFault(tx, input.faultId);
      if (fault.status !== 'REPORTED') return fault;
      const started = {
        ...fault,
        status: 'IN_REPAIR' as const,
        repairStartedAt: tx.now,
        repairNotes: cleanText(input.notes, 'input.notes', 2000),
      };
      const changes: AggregateChange<AssetRecord>[] =
        asset.status === 'FAULTY'
          ? [statusChange(asset, 'UNDER_MAINTENANCE', 'repair started', tx.now)]
          : [{ after: asset, action: 'REPAIR_STARTED', changes: { faultId: fault.id } }];
      await tx.save(assetKind, asset, changes);
      await new FaultRepository(tx.manager).update(started);
      return started;
    });
  }

  repair(
    meta: Meta,
    input: { faultId: string; repairedAt?: Date | null; notes?: string | null },
  ): Promise<FaultRecord> {
    permissions.require(meta.caller, 'RECORD_MAINTENANCE');
    return this.unitOfWork.run(meta, (tx) => repairFaultIn(tx, input.faultId, input));
  }
}

/** The fault and its asset, the asset's row locked first (it serialises changes to its faults), then the fault read. */
async function heldFault(
  tx: WriteTransaction,
  faultId: string,
): Promise<{ fault: FaultRecord; asset: AssetRecord }> {
  const faults = new FaultRepository(tx.manager);
  const found = await faults.byId(faultId);
  if (found === null) throw new NotFoundError('AssetFault', faultId);
  const asset = await tx.load(assetKind, found.assetId);
  return { fault: (await faults.byId(faultId))!, asset };
}
