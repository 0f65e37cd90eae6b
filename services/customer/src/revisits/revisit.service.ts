// Care revisits (回訪) for key accounts: schedule → record the outcome (an event of the customer aggregate) or cancel.
import { CustomerRevisitRecorded } from '@opsgraph/contracts-events';
import {
  BadUserInputError,
  InvalidTransitionError,
  NotFoundError,
  pageRequest,
  toConnection,
  type ConnectionShape,
} from '@opsgraph/graphql-kit';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CUSTOMER_EDITORS, STAFF_ROLES } from '../customers/customer.access';
import { draft } from '../customers/customer.events';
import { toSnapshot } from '../customers/customer.rules';
import type { CustomerUnitOfWork } from '../customers/customer.unit-of-work';
import {
  actorOf,
  checkVersion,
  requireRoleOf,
  type Clock,
  type KnownCaller,
  type RequestMeta,
} from '../request';
import type {
  CancelRevisitInput,
  CustomerRevisitsArgs,
  OverdueRevisitsArgs,
  RecordRevisitOutcomeInput,
  ScheduleRevisitInput,
} from './revisit.inputs';
import { RevisitRepository } from './revisit.repository';
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
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function keyset(after: unknown[] | null): [string, string] | null {
  if (after === null) return null;
  const [dueAt, id] = after;
  if (
    after.length !== 2 ||
    typeof dueAt !== 'string' ||
    typeof id !== 'string' ||
    !UUID.test(id) ||
    Number.isNaN(Date.parse(dueAt))
  ) {
    throw new BadUserInputError('Invalid cursor in "after"', 'after');
  }
  return [dueAt, id];
}

function text(raw: string, field: string, max: number): string {
  const value = raw.trim();
  if (value.length === 0 || value.length > max)
    throw new BadUserInputError(`${field.split('.').pop()} must be 1–${max} characters`, field);
  return value;
}

export class RevisitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: CustomerUnitOfWork,
    private readonly clock: Clock,
  ) {}

  view(revisit: RevisitRecord): RevisitView {
    return { ...revisit, overdue: isOverdue(revisit, this.clock()) };
  }

  async overdue(meta: RequestMeta, args: OverdueRevisitsArgs): Promise<ConnectionShape<RevisitView>> {
    requireRoleOf(meta.caller, STAFF_ROLES, 'list revisits');
    const page = pageRequest(args);
    const { rows, total } = await new RevisitRepository(this.dataSource.manager).overdue(
      args.filter ?? {},
      this.clock(),
      page.first + 1,
      keyset(page.after),
    );
    return toConnection(
      rows.map((row) => this.view(row)),
      page.first,
      (row) => [row.dueAt.toISOString(), row.id],
      total,
    );
  }

  async ofCustomer(
    meta: RequestMeta,
    customerId: string,
    args: CustomerRevisitsArgs,
  ): Promise<ConnectionShape<RevisitView>> {
    requireRoleOf(meta.caller, STAFF_ROLES, 'list revisits');
    const page = pageRequest(args);
    const { rows, total } = await new RevisitRepository(this.dataSource.manager).ofCustomer(
      customerId,
      args.statuses ?? null,
      page.first + 1,
      keyset(page.after),
    );
    return toConnection(
      rows.map((row) => this.view(row)),
      page.first,
      (row) => [row.dueAt.toISOString(), row.id],
      total,
    );
  }

  async schedule(meta: RequestMeta, input: ScheduleRevisitInput): Promise<RevisitView> {
    const caller = requireRoleOf(meta.caller, CUSTOMER_EDITORS, 'schedule revisits');
    const purpose = text(input.purpose, 'input.purpose', 500);
    return this.unitOfWork.run(async (tx) => {
      const customer = await tx.customers.lock(input.customerId);
      if (customer === null) throw new NotFoundError('Customer', input.customerId);
      const eligibility = revisitEligibility(customer);
      if (!eligibility.ok) throw new BadUserInputError(eligibility.reason, 'input.customerId');
      const now = this.clock();
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
      await tx.revisits.insert(revisit);
      await tx.audit(
        customer,
        {
          action: 'REVISIT_SCHEDULED',
          subjectId: revisit.id,
          changes: [
            { field: 'dueAt', from: null, to: revisit.dueAt.toISOString() },
            { field: 'assigneeEmployeeId', from: null, to: revisit.assigneeEmployeeId },
          ],
        },
        { actor: actorOf(caller), correlationId: meta.correlationId, now },
      );
      return this.view(revisit);
    });
  }

  /** Editors, or the assignee whatever their role. Publishes customer.revisit_recorded. */
  async recordOutcome(meta: RequestMeta, input: RecordRevisitOutcomeInput): Promise<RevisitView> {
    const caller = requireRoleOf(meta.caller, STAFF_ROLES, 'record revisits');
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
    return this.unitOfWork.run(async (tx) => {
      const revisit = await this.lockFor(tx.revisits, caller, input.revisitId, true);
      checkVersion('Revisit', revisit, input.expectedVersion);
      if (!canLeave(revisit.status)) {
        throw new InvalidTransitionError(`a ${revisit.status} revisit cannot be recorded`, revisit.status);
      }
      // Revisit first, then its customer: the one lock order of every path that takes both.
      const customer = await tx.customers.lock(revisit.customerId);
      if (customer === null) throw new NotFoundError('Customer', revisit.customerId);
      const now = this.clock();
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
      await tx.revisits.update(recorded);
      const lastRevisitAt =
        customer.lastRevisitAt && customer.lastRevisitAt > input.revisitedAt
          ? customer.lastRevisitAt
          : input.revisitedAt;
      const next = { ...customer, lastRevisitAt };
      await tx.commit(
        customer,
        {
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
        },
        { actor: actorOf(caller), correlationId: meta.correlationId, now },
      );
      return this.view(recorded);
    });
  }

  async cancel(meta: RequestMeta, input: CancelRevisitInput): Promise<RevisitView> {
    const caller = requireRoleOf(meta.caller, CUSTOMER_EDITORS, 'cancel revisits');
    const reason = text(input.reason, 'input.reason', 500);
    return this.unitOfWork.run(async (tx) => {
      const revisit = await this.lockFor(tx.revisits, caller, input.revisitId, false);
      checkVersion('Revisit', revisit, input.expectedVersion);
      if (!canLeave(revisit.status)) {
        throw new InvalidTransitionError(`a ${revisit.status} revisit cannot be cancelled`, revisit.status);
      }
      const now = this.clock();
      const cancelled: RevisitRecord = {
        ...revisit,
        status: 'CANCELLED',
        cancelReason: reason,
        version: revisit.version + 1,
        updatedAt: now,
      };
      await tx.revisits.update(cancelled);
      const [customer] = await tx.customers.findByIds([revisit.customerId]);
      await tx.audit(
        customer,
        {
          action: 'REVISIT_CANCELLED',
          subjectId: revisit.id,
          changes: [{ field: 'reason', from: null, to: reason }],
        },
        { actor: actorOf(caller), correlationId: meta.correlationId, now },
      );
      return this.view(cancelled);
    });
  }

  /** The revisit, locked; NOT_FOUND when missing, FORBIDDEN unless an editor or (if allowed) its assignee. */
  private async lockFor(
    revisits: RevisitRepository,
    caller: KnownCaller,
    revisitId: string,
    assigneeMay: boolean,
  ): Promise<RevisitRecord> {
    const revisit = await revisits.lock(revisitId);
    if (revisit === null) throw new NotFoundError('Revisit', revisitId);
    const isAssignee =
      assigneeMay && caller.employeeId !== undefined && caller.employeeId === revisit.assigneeEmployeeId;
    requireRoleOf(caller, isAssignee ? [caller.role] : CUSTOMER_EDITORS, 'change this revisit');
    return revisit;
  }
}
