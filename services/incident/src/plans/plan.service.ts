// Contingency-plan use-cases: create (version 1), revise (a new immutable version), and reads.
import type { IncidentSeverity, RiskCategory } from '@opsgraph/contracts-events';
import { checkVersion, ConflictError, NotFoundError, type Caller, type RequestMeta } from '@opsgraph/domain';
import type { UnitOfWork, WriteTransaction } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { permissions } from '../permissions';
import { planKind, planOf, PlanReads } from './plan.repository';
import {
  checkRevisionSource,
  planContent,
  revise,
  type PlanContentInput,
  type PlanRecord,
  type PlanVersionRecord,
} from './plan.rules';

export interface CreatePlanCommand extends PlanContentInput {
  readonly category: RiskCategory;
  readonly severity: IncidentSeverity;
}

export interface RevisePlanCommand extends PlanContentInput {
  readonly planId: string;
  readonly expectedVersion: number;
  readonly changeNote: string;
  /** The drill whose findings prompted the revision. */
  readonly drillId?: string | null;
  /** The incident whose review prompted the revision. */
  readonly incidentId?: string | null;
}

const NO_SOURCE = { sourceDrillId: null, sourceIncidentId: null };

const isUniqueViolation = (error: unknown): boolean => (error as { code?: string }).code === '23505';

export class PlanService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  reads(): PlanReads {
    return new PlanReads(this.unitOfWork.dataSource.manager);
  }

  async byId(caller: Caller, id: string): Promise<PlanRecord | null> {
    permissions.require(caller, 'VIEW_PLANS');
    const [plan] = await this.reads().byIds([id]);
    return plan ?? null;
  }

  list(
    caller: Caller,
    filter: { category?: string | null; severity?: string | null },
  ): Promise<PlanRecord[]> {
    permissions.require(caller, 'VIEW_PLANS');
    return this.reads().list(filter);
  }

  async create(meta: RequestMeta, input: CreatePlanCommand): Promise<PlanRecord> {
    permissions.require(meta.caller, 'MANAGE_PLANS');
    const content = planContent(input);
    try {
      return await this.unitOfWork.run(meta, async (tx) => {
        const plan: PlanRecord = {
          id: randomUUID(),
          category: input.category,
          severity: input.severity,
          currentVersion: 1,
          version: 0,
          createdAt: tx.now,
          updatedAt: tx.now,
        };
        const saved = await tx.save(planKind, null, {
          after: plan,
          action: 'CREATED',
          changes: { category: plan.category, severity: plan.severity, planVersion: 1 },
        });
        await this.addVersion(tx, plan.id, 1, content, 'First version', NO_SOURCE);
        return saved;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ConflictError(`There is already a ${input.severity} plan for ${input.category}: revise it`, {
        field: 'input.category',
      });
    }
  }

  /** A revision never edits a version: it adds the next one and makes it current (docs/product.md §5). */
  async revise(meta: RequestMeta, input: RevisePlanCommand): Promise<PlanRecord> {
    permissions.require(meta.caller, 'MANAGE_PLANS');
    const content = planContent(input);
    return this.unitOfWork.run(meta, async (tx) => {
      const before = await tx.load(planKind, input.planId);
      checkVersion(`ContingencyPlan ${before.id}`, before, input.expectedVersion);
      const source = await this.sourceOf(tx, input);
      checkRevisionSource(before.id, source);
      const after = revise(before, tx.now);
      await this.addVersion(tx, after.id, after.currentVersion, content, input.changeNote.trim(), {
        sourceDrillId: input.drillId ?? null,
        sourceIncidentId: input.incidentId ?? null,
      });
      return tx.save(planKind, before, {
        after,
        action: 'REVISED',
        changes: { planVersion: after.currentVersion, changeNote: input.changeNote.trim() },
      });
    });
  }

  /** The plans the named drill and incident ran (NOT_FOUND for an unknown one). */
  private async sourceOf(tx: WriteTransaction, input: RevisePlanCommand) {
    const source: { drillPlanId?: string | null; incidentPlanId?: string | null } = {};
    if (input.drillId) {
      source.drillPlanId = await planOf(tx.manager, 'drills', input.drillId);
      if (source.drillPlanId === undefined) throw new NotFoundError('Drill', input.drillId);
    }
    if (input.incidentId) {
      source.incidentPlanId = await planOf(tx.manager, 'incidents', input.incidentId);
      if (source.incidentPlanId === undefined) throw new NotFoundError('Incident', input.incidentId);
    }
    return source;
  }

  /** The plan and the version an activation names, read in the activation's transaction. */
  async versionFor(
    tx: WriteTransaction,
    planId: string,
    pick: (plan: PlanRecord) => number,
  ): Promise<{ plan: PlanRecord; version: PlanVersionRecord }> {
    const reads = new PlanReads(tx.manager);
    const [plan] = await reads.byIds([planId]);
    if (!plan) throw new NotFoundError('ContingencyPlan', planId);
    const version = await reads.version(plan.id, pick(plan));
    if (!version) throw new NotFoundError('ContingencyPlanVersion', `${plan.id}@${pick(plan)}`);
    return { plan, version };
  }

  private addVersion(
    tx: WriteTransaction,
    planId: string,
    planVersion: number,
    content: ReturnType<typeof planContent>,
    changeNote: string,
    source: Pick<PlanVersionRecord, 'sourceDrillId' | 'sourceIncidentId'>,
  ): Promise<void> {
    return new PlanReads(tx.manager).insertVersion({
      planId,
      planVersion,
      ...content,
      changeNote,
      ...source,
      createdAt: tx.now,
      createdBy: tx.actor.id ?? 'system',
    });
  }
}
