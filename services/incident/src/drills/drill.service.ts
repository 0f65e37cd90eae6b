// Drill use-cases: record a drill of a plan version, follow its follow-ups up; reads.
import type { Caller, RequestMeta } from '@opsgraph/domain';
import type { UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import type { ActionItemStatus } from '../incidents/incident.rules';
import { utcDay } from '../incidents/incident.rules';
import { permissions } from '../permissions';
import { versionToRun } from '../plans/plan.rules';
import type { PlanService } from '../plans/plan.service';
import { drillKind, DrillReads } from './drill.repository';
import { recordDrill, updateFollowUp, type DrillRecord, type NewDrill } from './drill.rules';

export interface RecordDrillCommand extends NewDrill {
  readonly planId: string;
  readonly planVersion?: number | null;
}

export class DrillService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly plans: PlanService,
  ) {}

  reads(): DrillReads {
    return new DrillReads(this.unitOfWork.dataSource.manager);
  }

  today(): string {
    return utcDay(this.unitOfWork.clock());
  }

  async byId(caller: Caller, id: string): Promise<DrillRecord | null> {
    permissions.require(caller, 'VIEW_PLANS');
    const [drill] = await this.reads().byIds([id]);
    return drill ?? null;
  }

  withOverdueFollowUps(caller: Caller, limit: number): Promise<DrillRecord[]> {
    permissions.require(caller, 'VIEW_PLANS');
    return this.reads().withOverdueFollowUps(this.today(), limit);
  }

  record(meta: RequestMeta, input: RecordDrillCommand): Promise<DrillRecord> {
    permissions.require(meta.caller, 'MANAGE_PLANS');
    return this.unitOfWork.run(meta, async (tx) => {
      const { plan, version } = await this.plans.versionFor(tx, input.planId, (found) =>
        versionToRun(found, input.planVersion, 'input.planVersion'),
      );
      const drill = recordDrill(
        { id: randomUUID(), planId: plan.id, planVersion: version.planVersion, followUpIds: randomUUID },
        input,
        tx.now,
      );
      return tx.save(drillKind, null, {
        after: drill,
        action: 'RECORDED',
        changes: { planId: plan.id, planVersion: version.planVersion, followUps: drill.followUps.length },
      });
    });
  }

  /** Managers move a follow-up on, and so does its owner. */
  updateFollowUp(
    meta: RequestMeta,
    input: { drillId: string; followUpId: string; status: ActionItemStatus },
  ): Promise<DrillRecord> {
    const caller = permissions.require(meta.caller, 'VIEW_PLANS');
    return this.unitOfWork.run(meta, async (tx) => {
      const before = await tx.load(drillKind, input.drillId);
      const item = before.followUps.find((followUp) => followUp.id === input.followUpId);
      if (!permissions.can(caller, 'MANAGE_PLANS') && (!item || item.ownerId !== caller.employeeId)) {
        permissions.require(caller, 'MANAGE_PLANS');
      }
      const after = updateFollowUp(before, input.followUpId, input.status, tx.now);
      return tx.save(drillKind, before, {
        after,
        action: 'FOLLOW_UP_UPDATED',
        changes: { followUpId: input.followUpId, from: item?.status ?? null, to: input.status },
      });
    });
  }
}
