// The incident's use-cases: permission → pure rules → one unit of work (row, timeline, audit line and events commit
// together). docs/product.md §5 "Incidents".
import {
  SYSTEM_ACTOR,
  IncidentActivated,
  IncidentContained,
  IncidentRecoveryStarted,
  IncidentReported,
  IncidentResolved,
  IncidentReviewed,
  type EventDataOf,
} from '@opsgraph/contracts-events';
import {
  BadUserInputError,
  checkVersion,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  type Caller,
  type RequestMeta,
} from '@opsgraph/domain';
import type { PageRequest } from '@opsgraph/graphql-kit';
import { draft, type EventDraft, type UnitOfWork, type WriteTransaction } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { incidentForAlert, type KpiAlert } from '../auto-incidents/kpi-alert.rules';
import { permissions } from '../permissions';
import type { PlanService } from '../plans/plan.service';
import { checkActivation, versionToRun } from '../plans/plan.rules';
import { canActOn, requireActor } from './incident.access';
import { canRecordReview, decideIncident, type IncidentCommand } from './incident-lifecycle.rules';
import { incidentKind, IncidentRepository, type IncidentFilter } from './incident.repository';
import {
  commandRoles,
  durationSeconds,
  enter,
  incidentNumber,
  reportIncident,
  utcDay,
  type ActionItem,
  type ActionItemStatus,
  type CommandRole,
  type IncidentRecord,
  type NewIncident,
} from './incident.rules';

export interface IncidentRef {
  readonly incidentId: string;
  readonly expectedVersion: number;
}

export interface ActivateCommand extends IncidentRef {
  readonly planId: string;
  readonly planVersion?: number | null;
  readonly commanderId: string;
  readonly roles?: readonly CommandRole[] | null;
  readonly note?: string | null;
}

export interface StepCommand extends IncidentRef {
  readonly note?: string | null;
}

export interface ReviewCommand extends IncidentRef {
  readonly rootCause: string;
  readonly lessons: string;
  readonly actionItems?: readonly { description: string; ownerId: string; dueOn: string }[] | null;
}

type Snapshot = EventDataOf<typeof IncidentContained>;

export function snapshotOf(incident: IncidentRecord): Snapshot {
  return {
    incidentId: incident.id,
    number: incident.number,
    title: incident.title,
    category: incident.category,
    severity: incident.severity,
    status: incident.status,
    occurredAt: incident.occurredAt.toISOString(),
    affectedCustomerIds: [...incident.affectedCustomerIds],
    affectedAssetIds: [...incident.affectedAssetIds],
    affectedServices: [...incident.affectedServices],
    commanderId: incident.commanderId,
  };
}

/** One change of an incident: the incident after it, its events, and its timeline entry. */
interface IncidentChange {
  readonly after: IncidentRecord;
  readonly kind: string;
  readonly events: readonly EventDraft[];
  readonly note?: string | null;
  readonly details?: Record<string, unknown>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class IncidentService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly plans: PlanService,
  ) {}

  reads(): IncidentRepository {
    return new IncidentRepository(this.unitOfWork.dataSource.manager);
  }

  today(): string {
    return utcDay(this.unitOfWork.clock());
  }

  async byId(caller: Caller, id: string): Promise<IncidentRecord | null> {
    permissions.require(caller, 'VIEW_INCIDENTS');
    const [row] = await this.reads().byIds([id]);
    return row ?? null;
  }

  page(caller: Caller, request: PageRequest, filter: IncidentFilter) {
    permissions.require(caller, 'VIEW_INCIDENTS');
    return this.reads().page(request, filter);
  }

  overdueActionItems(caller: Caller, limit: number): Promise<ActionItem[]> {
    permissions.require(caller, 'VIEW_INCIDENTS');
    return this.reads().overdueActionItems(this.today(), limit);
  }

  // ---- lifecycle ----------------------------------------------------------------------------------------------

  report(meta: RequestMeta, input: NewIncident): Promise<IncidentRecord> {
    const caller = permissions.require(meta.caller, 'REPORT_INCIDENT');
    const reporter = { userId: caller.userId, employeeId: caller.employeeId ?? null };
    return this.unitOfWork.run(meta, (tx) => this.file(tx, input, reporter, null));
  }

  /**
   * The incident a KPI alert opens by rule (docs/product.md §5 "Auto-incidents"), once per alert: a redelivered or
   * concurrent alert answers the incident it opened. Null when the rule opens none.
   */
  async openFromAlert(alert: KpiAlert, correlationId: string): Promise<IncidentRecord | null> {
    const spec = incidentForAlert(alert);
    if (spec === null) return null;
    const existing = () => this.reads().bySourceAlert(alert.alertId);
    const found = await existing();
    if (found) return found;
    const context = { caller: null, correlationId, actor: SYSTEM_ACTOR };
    try {
      return await this.unitOfWork.run(context, (tx) =>
        this.file(tx, spec, { userId: SYSTEM_ACTOR.role, employeeId: null }, alert.alertId),
      );
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      return existing();
    }
  }

  private async file(
    tx: WriteTransaction,
    input: NewIncident,
    reporter: { userId: string; employeeId: string | null },
    sourceAlertId: string | null,
  ): Promise<IncidentRecord> {
    const repository = new IncidentRepository(tx.manager);
    const number = incidentNumber.format(await repository.nextNumber());
    const incident = {
      ...reportIncident({ id: randomUUID(), number }, input, reporter, tx.now),
      sourceAlertId,
    };
    const data = {
      ...snapshotOf(incident),
      reporterId: incident.reporterId,
      detectedAt: incident.detectedAt.toISOString(),
      location: incident.location,
    };
    return this.save(tx, null, {
      after: incident,
      kind: 'REPORTED',
      events: [draft(IncidentReported, data)],
      note: incident.nature,
      details: { severity: incident.severity, category: incident.category, sourceAlertId },
    });
  }

  /** A plan version is activated, a commander and the command roles assigned (managers only). */
  activate(meta: RequestMeta, input: ActivateCommand): Promise<IncidentRecord> {
    permissions.require(meta.caller, 'MANAGE_INCIDENTS');
    const roles = commandRoles(input.roles ?? []);
    return this.change(meta, input, 'ACTIVATE', async (incident, tx) => {
      const { plan, version } = await this.plans.versionFor(tx, input.planId, (found) =>
        versionToRun(found, input.planVersion, 'input.planVersion'),
      );
      checkActivation(plan, version, incident, roles);
      const after: IncidentRecord = {
        ...enter(incident, 'ACTIVATED', tx.now),
        planId: plan.id,
        planVersion: version.planVersion,
        commanderId: input.commanderId,
        roles,
      };
      const data = {
        ...snapshotOf(after),
        planId: plan.id,
        planVersion: version.planVersion,
        roles: roles.map((role) => ({ ...role })),
        affectedKeyAccountIds: [...after.keyAccountIds],
      };
      return {
        after,
        kind: 'ACTIVATED',
        events: [draft(IncidentActivated, data)],
        note: input.note,
        details: { planId: plan.id, planVersion: version.planVersion, commanderId: input.commanderId, roles },
      };
    });
  }

  contain(meta: RequestMeta, input: StepCommand): Promise<IncidentRecord> {
    return this.step(meta, input, 'CONTAIN', 'CONTAINED', (after) =>
      draft(IncidentContained, snapshotOf(after)),
    );
  }

  startRecovery(meta: RequestMeta, input: StepCommand): Promise<IncidentRecord> {
    return this.step(meta, input, 'START_RECOVERY', 'RECOVERY_STARTED', (after) =>
      draft(IncidentRecoveryStarted, snapshotOf(after)),
    );
  }

  resolve(meta: RequestMeta, input: StepCommand): Promise<IncidentRecord> {
    return this.step(meta, input, 'RESOLVE', 'RESOLVED', (after) =>
      draft(IncidentResolved, {
        ...snapshotOf(after),
        resolvedAt: after.resolvedAt!.toISOString(),
        durationSeconds: durationSeconds(after, after.resolvedAt!),
      }),
    );
  }

  /** Root cause, lessons and action items; may be corrected until the review is completed. */
  recordReview(meta: RequestMeta, input: ReviewCommand): Promise<IncidentRecord> {
    const items = input.actionItems ?? [];
    items.forEach((item, index) => {
      if (!DAY.test(item.dueOn) || Number.isNaN(Date.parse(item.dueOn))) {
        throw new BadUserInputError('dueOn must be a day, YYYY-MM-DD', `input.actionItems.${index}.dueOn`);
      }
    });
    return this.change(meta, input, null, async (incident, tx) => {
      if (!canRecordReview(incident.status)) {
        throw new InvalidTransitionError(
          `The review is recorded once the incident is RESOLVED and until it is completed, not while ${incident.status}`,
          incident.status,
        );
      }
      await new IncidentRepository(tx.manager).replaceActionItems(
        incident.id,
        items.map((item, index) => ({
          id: randomUUID(),
          incidentId: incident.id,
          position: index + 1,
          description: item.description.trim(),
          ownerId: item.ownerId,
          dueOn: item.dueOn,
          status: 'OPEN',
          doneAt: null,
        })),
      );
      return {
        after: {
          ...incident,
          rootCause: input.rootCause.trim(),
          lessons: input.lessons.trim(),
          reviewRecordedAt: tx.now,
          updatedAt: tx.now,
        },
        kind: 'REVIEW_RECORDED',
        events: [],
        details: { actionItems: items.length },
      };
    });
  }

  completeReview(meta: RequestMeta, input: IncidentRef): Promise<IncidentRecord> {
    return this.change(meta, input, 'COMPLETE_REVIEW', async (incident, tx) => {
      const after = enter(incident, 'REVIEWED', tx.now);
      const items = await new IncidentRepository(tx.manager).actionItemsOf([incident.id]);
      return {
        after,
        kind: 'REVIEWED',
        events: [
          draft(IncidentReviewed, {
            ...snapshotOf(after),
            rootCause: after.rootCause!,
            actionItemCount: items.length,
          }),
        ],
      };
    });
  }

  /** A note on the timeline (what was done, decided, seen); appended without a version check. */
  async addNote(meta: RequestMeta, input: { incidentId: string; note: string }): Promise<IncidentRecord> {
    permissions.require(meta.caller, 'VIEW_INCIDENTS');
    return this.unitOfWork.run(meta, async (tx) => {
      const incident = await tx.load(incidentKind, input.incidentId);
      requireActor(meta.caller, incident);
      if (incident.status === 'REVIEWED') {
        throw new InvalidTransitionError('The timeline of a reviewed incident is closed', incident.status);
      }
      await new IncidentRepository(tx.manager).appendTimeline(incident.id, {
        at: tx.now,
        kind: 'NOTE',
        note: input.note.trim(),
        actor: tx.actor,
      });
      await tx.audit(incidentKind.type, incident, 'NOTE_ADDED');
      return incident;
    });
  }

  /** Follows a review's action item up: the incident's people or the item's owner move it on. */
  async updateActionItem(
    meta: RequestMeta,
    input: { actionItemId: string; status: ActionItemStatus },
  ): Promise<ActionItem> {
    const caller = permissions.require(meta.caller, 'VIEW_INCIDENTS');
    return this.unitOfWork.run(meta, async (tx) => {
      const repository = new IncidentRepository(tx.manager);
      const item = await repository.lockActionItem(input.actionItemId);
      if (!item) throw new NotFoundError('IncidentActionItem', input.actionItemId);
      const incident = await tx.load(incidentKind, item.incidentId);
      if (!canActOn(caller, incident) && caller.employeeId !== item.ownerId) {
        throw new ForbiddenError('Only the incident’s people and the item’s owner follow an action item up');
      }
      const doneAt = input.status === 'DONE' ? (item.doneAt ?? tx.now) : null;
      await repository.setActionItemStatus(item.id, input.status, doneAt);
      await repository.appendTimeline(incident.id, {
        at: tx.now,
        kind: 'ACTION_ITEM_UPDATED',
        note: item.description,
        actor: tx.actor,
        details: { actionItemId: item.id, from: item.status, to: input.status },
      });
      await tx.audit(incidentKind.type, incident, 'ACTION_ITEM_UPDATED', {
        actionItemId: item.id,
        status: input.status,
      });
      return { ...item, status: input.status, doneAt };
    });
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  /** A lifecycle step the incident's people take, with its event and an optional note. */
  private step(
    meta: RequestMeta,
    input: StepCommand,
    command: IncidentCommand,
    kind: string,
    event: (after: IncidentRecord) => EventDraft,
  ): Promise<IncidentRecord> {
    return this.change(meta, input, command, async (incident, tx) => {
      const status = decideIncident({ status: incident.status, reviewRecorded: true }, command);
      const after = enter(incident, status.ok ? status.to : incident.status, tx.now);
      return { after, kind, events: [event(after)], note: input.note };
    });
  }

  /**
   * Loads the incident locked, checks who acts and the version, decides `command` (null: no status change), then
   * saves what `build` returns.
   */
  private change(
    meta: RequestMeta,
    ref: IncidentRef,
    command: IncidentCommand | null,
    build: (incident: IncidentRecord, tx: WriteTransaction) => Promise<IncidentChange>,
  ): Promise<IncidentRecord> {
    permissions.require(meta.caller, 'VIEW_INCIDENTS');
    return this.unitOfWork.run(meta, async (tx) => {
      const incident = await tx.load(incidentKind, ref.incidentId);
      requireActor(meta.caller, incident);
      checkVersion(`Incident ${incident.number}`, incident, ref.expectedVersion);
      if (command !== null) {
        const decision = decideIncident(
          { status: incident.status, reviewRecorded: incident.reviewRecordedAt !== null },
          command,
        );
        if (!decision.ok) throw new InvalidTransitionError(decision.message, incident.status);
      }
      return this.save(tx, incident, await build(incident, tx));
    });
  }

  private async save(tx: WriteTransaction, before: IncidentRecord | null, change: IncidentChange) {
    const saved = await tx.save(incidentKind, before, {
      after: change.after,
      action: change.kind,
      events: change.events,
      changes: { fromStatus: before?.status ?? null, toStatus: change.after.status, ...change.details },
    });
    await new IncidentRepository(tx.manager).appendTimeline(saved.id, {
      at: tx.now,
      kind: change.kind,
      note: change.note?.trim() || null,
      actor: tx.actor,
      details: { status: saved.status, version: saved.version, ...change.details },
    });
    return saved;
  }
}
