// Care revisits (回訪) for key accounts: schedule → record the outcome (an event of the customer aggregate) or cancel.
import { CustomerRevisitRecorded } from '@opsgraph/contracts-events';
import {
  BadUserInputError,
  checkVersion,
  InvalidTransitionError,
  VersionConflictError,
  type KnownCaller,
  type RequestMeta,
} from '@opsgraph/domain';
import { cursorKeys, pageRequest, toConnection, type ConnectionShape } from '@opsgraph/graphql-kit';
import { draft, type UnitOfWork, type WriteTransaction } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { auditCustomer, saveCustomer } from '../customers/customer.audit';
import { customerKind, CustomerRepository } from '../customers/customer.repository';
import { toSnapshot } from '../customers/customer.rules';
import { permissions } from '../permissions';
import type {
  CancelRevisitInput,
  CustomerRevisitsArgs,
  OverdueRevisitsArgs,
  RecordRevisitOutcomeInput,
  ScheduleRevisitInput,
} from './revisit.inputs';
import { revisitKind, RevisitRepository, type RevisitPage } from './revisit.repository';
import {
  canLeave,
  containsContactData,
  isOverdue,
  revisitEligibility,
  type RevisitRecord,
} from './revisit.rules';

export type RevisitView = RevisitRecord & { overdue: boolean };

/** A revisit may be recorded a little ahead of the server clock (client clocks drift), not more. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The (dueAt, id) keyset of a revisit list's cursor. */
const keyset = (after: unknown[] | null) => cursorKeys(after, ['timestamp', 'uuid']);

function text(raw: string, field: string, max: number): string {
  const value = raw.trim();
  if (value.length === 0 || value.length > max)
    throw new BadUserInputError(`${field.split('.').pop()} must be 1–${max} characters`, field);
  return value;
}

/** Writes a changed revisit (locked by `tx.load`, so the version check cannot fail but for a bug). */
async function updateRevisit(
  tx: WriteTransaction,
  before: RevisitRecord,
  after: RevisitRecord,
): Promise<void> {
  if (!(await revisitKind.store.update(tx.manager, after, before.version))) {
    throw new VersionConflictError(`Revisit ${before.id}`, before.version, -1);
  }
}

export class RevisitService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get clock() {
    return this.unitOfWork.clock;
  }

  private repository(): RevisitRepository {
    return new RevisitRepository(this.unitOfWork.dataSource.manager);
  }

  view(revisit: RevisitRecord): RevisitView {
    return { ...revisit, overdue: isOverdue(revisit, this.clock()) };
  }

  /** One page of revisits in (dueAt, id) keyset order: `query` gets the limit (one more than the page) and keyset. */
  private async page(
    args: { first?: number | null; after?: string | null },
    query: (limit: number, after: [string, string] | null) => Promise<RevisitPage>,
  ): Promise<ConnectionShape<RevisitView>> {
    const page = pageRequest(args);
    const { rows, total } = await query(page.first + 1, keyset(page.after));
    return toConnection(
      rows.map((row) => this.view(row)),
      page.first,
      (row) => [row.dueAt.toISOString(), row.id],
      total,
    );
  }

  async overdue(meta: RequestMeta, args: OverdueRevisitsArgs): Promise<ConnectionShape<RevisitView>> {
    permissions.require(meta.caller, 'LIST_REVISITS');
    return this.page(args, (limit, after) =>
      this.repository().overdue(args.filter ?? {}, this.clock(), limit, after),
    );
  }

  async ofCustomer(
    meta: RequestMeta,
    customerId: string,
    args: CustomerRevisitsArgs,
  ): Promise<ConnectionShape<RevisitView>> {
    permissions.require(meta.caller, 'LIST_REVISITS');
    return this.page(args, (limit, after) =>
      this.repository().ofCustomer(customerId, args.statuses ?? null, limit, after),
    );
  }

  async schedule(meta: RequestMeta, input: ScheduleRevisitInput): Promise<RevisitView> {
    const caller = permissions.require(meta.caller, 'SCHEDULE_REVISITS');
    const purpose = text(input.purpose, 'input.purpose', 500);
    return this.unitOfWork.run(meta, async (tx) => {
      const customer = await tx.load(customerKind, input.customerId);
      const eligibility = revisitEligibility(customer);
      if (!eligibility.ok) throw new BadUserInputError(eligibility.reason, 'input.customerId');
      const now = tx.now;
      const revisit: RevisitRecord = {
        id: randomUUID(),
        customerId: customer.id,
        purpose,
        dueAt: input.dueAt,
        assigneeEmployeeId: input.assigneeEmployeeId,
        ticketId: input.ticketId ?? null,
        status: 'SCHEDULED',
        revisitedAt: null,
        channel: null,
        outcome: null,
        satisfied: null,
        cancelReason: null,
        scheduledBy: caller.userId,
        recordedBy: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await revisitKind.store.insert(tx.manager, revisit);
      await auditCustomer(tx, customer, 'REVISIT_SCHEDULED', revisit.id, [
        { field: 'dueAt', from: null, to: revisit.dueAt.toISOString() },
        { field: 'assigneeEmployeeId', from: null, to: revisit.assigneeEmployeeId },
      ]);
      return this.view(revisit);
    });
  }

  /** Editors, or the assignee whatever their role. Publishes customer.revisit_recorded. */
  async recordOutcome(meta: RequestMeta, input: RecordRevisitOutcomeInput): Promise<RevisitView> {
    const caller = permissions.require(meta.caller, 'RECORD_REVISITS');
    const outcome = text(input.outcome, 'input.outcome', 2000);
    if (containsContactData(outcome)) {
      throw new BadUserInputError(
        'outcome notes must not contain phone numbers or e-mail addresses',
        'input.outcome',
      );
    }
    if (input.revisitedAt.getTime() > this.clock().getTime() + CLOCK_SKEW_MS) {
      throw new BadUserInputError('revisitedAt must not be in the future', 'input.revisitedAt');
    }
    return this.unitOfWork.run(meta, async (tx) => {
      const revisit = await this.lockFor(tx, caller, input.revisitId, true);
      checkVersion('Revisit', revisit, input.expectedVersion);
      if (!canLeave(revisit.status)) {
        throw new InvalidTransitionError(`a ${revisit.status} revisit cannot be recorded`, revisit.status);
      }
      // Revisit first, then its customer: the one lock order of every path that takes both.
      const customer = await tx.load(customerKind, revisit.customerId);
      const now = tx.now;
      const recorded: RevisitRecord = {
        ...revisit,
        status: 'COMPLETED',
        revisitedAt: input.revisitedAt,
        channel: input.channel,
        outcome,
        satisfied: input.satisfied ?? null,
        recordedBy: caller.userId,
        version: revisit.version + 1,
        updatedAt: now,
      };
      await updateRevisit(tx, revisit, recorded);
      const lastRevisitAt =
        customer.lastRevisitAt && customer.lastRevisitAt > input.revisitedAt
          ? customer.lastRevisitAt
          : input.revisitedAt;
      const next = { ...customer, lastRevisitAt };
      await saveCustomer(tx, customer, {
        customer: next,
        action: 'REVISIT_RECORDED',
        subjectId: revisit.id,
        changes: [
          { field: 'revisitedAt', from: null, to: input.revisitedAt.toISOString() },
          { field: 'channel', from: null, to: input.channel },
        ],
        event: draft(CustomerRevisitRecorded, {
          ...toSnapshot(next),
          revisitId: revisit.id,
          revisitedAt: input.revisitedAt.toISOString(),
          channel: input.channel,
          employeeId: revisit.assigneeEmployeeId,
          ticketId: revisit.ticketId,
          outcome,
        }),
      });
      return this.view(recorded);
    });
  }

  async cancel(meta: RequestMeta, input: CancelRevisitInput): Promise<RevisitView> {
    const caller = permissions.require(meta.caller, 'CANCEL_REVISITS');
    const reason = text(input.reason, 'input.reason', 500);
    return this.unitOfWork.run(meta, async (tx) => {
      const revisit = await this.lockFor(tx, caller, input.revisitId, false);
      checkVersion('Revisit', revisit, input.expectedVersion);
      if (!canLeave(revisit.status)) {
        throw new InvalidTransitionError(`a ${revisit.status} revisit cannot be cancelled`, revisit.status);
      }
      const cancelled: RevisitRecord = {
        ...revisit,
        status: 'CANCELLED',
        cancelReason: reason,
        version: revisit.version + 1,
        updatedAt: tx.now,
      };
      await updateRevisit(tx, revisit, cancelled);
      const [customer] = await new CustomerRepository(tx.manager).findByIds([revisit.customerId]);
      await auditCustomer(tx, customer, 'REVISIT_CANCELLED', revisit.id, [
        { field: 'reason', from: null, to: reason },
      ]);
      return this.view(cancelled);
    });
  }

  /** The revisit, locked; NOT_FOUND when missing, FORBIDDEN unless an editor or (if allowed) its assignee. */
  private async lockFor(
    tx: WriteTransaction,
    caller: KnownCaller,
    revisitId: string,
    assigneeMay: boolean,
  ): Promise<RevisitRecord> {
    const revisit = await tx.load(revisitKind, revisitId);
    const isAssignee =
      assigneeMay && caller.employeeId !== undefined && caller.employeeId === revisit.assigneeEmployeeId;
    if (!isAssignee) permissions.require(caller, 'CHANGE_ANY_REVISIT');
    return revisit;
  }
}
