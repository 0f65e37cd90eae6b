// Finds maintenance that is overdue (due day passed, or meter reading reached) and reports each due point exactly
// once with asset.maintenance_overdue, however many replicas scan at the same time: each schedule is claimed with
// its asset (FOR UPDATE SKIP LOCKED) in its own transaction, and the due point recorded with the event takes it out
// of the candidates until the plan advances to a new due point.
import { AssetMaintenanceOverdue, SYSTEM_ACTOR } from '@opsgraph/contracts-events';
import { draft, type UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { dayOf } from '../calendar.rules';
import { snapshotOf } from '../assets/asset.changes';
import { assetKind } from '../assets/asset.repository';
import { MaintenanceRepository } from './maintenance.repository';
import { dueKey } from './maintenance-schedule.rules';

export class MaintenanceOverdueScanner {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    /** Upper bound per scan, so that a backlog does not delay shutdown; the next tick continues. */
    private readonly maxPerScan = 500,
  ) {}

  /** Reports every overdue due point it can claim; returns how many it reported. */
  async scanOnce(): Promise<number> {
    let reported = 0;
    while (reported < this.maxPerScan && (await this.reportNext())) reported++;
    return reported;
  }

  private reportNext(): Promise<boolean> {
    const context = { caller: null, actor: SYSTEM_ACTOR, correlationId: randomUUID() };
    return this.unitOfWork.run(context, async (tx) => {
      const repository = new MaintenanceRepository(tx.manager);
      const schedule = await repository.claimOverdue(dayOf(tx.now));
      if (schedule === null) return false;
      const asset = await tx.load(assetKind, schedule.assetId);
      const due = { dueOn: schedule.dueOn, dueAtHours: schedule.dueAtHours };
      await tx.save(assetKind, asset, {
        after: asset,
        action: 'MAINTENANCE_OVERDUE',
        changes: { planId: schedule.planId, ...due },
        events: [draft(AssetMaintenanceOverdue, { ...snapshotOf(asset), planId: schedule.planId, ...due })],
      });
      await repository.upsertSchedule({ ...schedule, overdueReportedFor: dueKey(due) });
      return true;
    });
  }
}
