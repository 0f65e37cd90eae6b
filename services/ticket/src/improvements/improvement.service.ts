// The improvement register's use-cases (docs/product.md §11.9): permission → references → pure rule → one unit of
// work (row, audit line and event commit together).
import {
  ImprovementImplemented,
  ImprovementOverdue,
  ImprovementRaised,
  ImprovementRevised,
  ImprovementVerified,
  SYSTEM_ACTOR,
  type EventDefinition,
} from '@opsgraph/contracts-events';
import {
  BadUserInputError,
  ForbiddenError,
  InvalidTransitionError,
  type Caller,
  type RequestMeta,
} from '@opsgraph/domain';
import { draft, type UnitOfWork, type WriteTransaction } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { referencesOf } from '../directory/directory.rules';
import type { ReferenceChecker } from '../directory/reference-checker';
import { TICKET_MANAGER_ROLES, ticketPermissions } from '../permissions';
import { TicketRecordsRepository } from '../tickets/ticket-records.repository';
import { TicketRepository } from '../tickets/ticket.repository';
import { improvementKind, ImprovementReads } from './improvement.repository';
import {
  implement,
  isOverdueUnreported,
  raise,
  revise,
  verify,
  type Improvement,
  type NewImprovement,
  type Outcome,
} from './improvement.rules';

export interface ImprovementRef {
  readonly improvementId: string;
  readonly expectedVersion: number;
}

type Meta = RequestMeta;

const snapshotOf = (i: Improvement) => ({
  improvementId: i.id,
  title: i.title,
  source: i.source,
  sourceTicketId: i.sourceTicketId,
  ownerId: i.ownerId,
  deadline: i.deadline.toISOString(),
  kpi: i.effect.kpi,
  direction: i.effect.direction,
  baseline: i.effect.baseline,
  target: i.effect.target,
  status: i.status,
});

function accepted(outcome: Outcome<Improvement>, state: string): Improvement {
  if (outcome.ok) return outcome.value;
  if (outcome.state) throw new InvalidTransitionError(outcome.message, state);
  throw new BadUserInputError(outcome.message, outcome.field);
}

export class ImprovementService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly references: ReferenceChecker,
  ) {}

  list(caller: Caller, statuses: readonly string[], limit: number): Promise<Improvement[]> {
    ticketPermissions.require(caller, 'READ_IMPROVEMENTS');
    return new ImprovementReads(this.unitOfWork.dataSource.manager).list(statuses, limit);
  }

  async byId(caller: Caller, id: string): Promise<Improvement | null> {
    ticketPermissions.require(caller, 'READ_IMPROVEMENTS');
    const [found] = await new ImprovementReads(this.unitOfWork.dataSource.manager).byIds([id]);
    return found ?? null;
  }

  async raise(meta: Meta, input: NewImprovement): Promise<Improvement> {
    ticketPermissions.require(meta.caller, 'MANAGE_IMPROVEMENTS');
    await this.references.require(referencesOf('EMPLOYEE', 'input.ownerId', [input.ownerId], true));
    return this.unitOfWork.run(meta, async (tx) => {
      await this.requireSource(tx, input);
      const created = accepted(raise(randomUUID(), input, tx.now), 'NEW');
      return this.save(tx, null, created, 'RAISE', ImprovementRaised, {});
    });
  }

  /** The owner (or a manager) reports it carried out. */
  implement(meta: Meta, ref: ImprovementRef, note: string): Promise<Improvement> {
    ticketPermissions.require(meta.caller, 'IMPLEMENT_IMPROVEMENTS');
    return this.change(meta, ref, 'IMPLEMENT', ImprovementImplemented, (current, now) => {
      const caller = meta.caller!;
      if (caller.employeeId !== current.ownerId && !TICKET_MANAGER_ROLES.includes(caller.role)) {
        throw new ForbiddenError('Only the owner or a manager reports an improvement implemented');
      }
      return { next: accepted(implement(current, note, now), current.status), data: { note } };
    });
  }

  verify(meta: Meta, ref: ImprovementRef, input: { measured: number; note: string }): Promise<Improvement> {
    ticketPermissions.require(meta.caller, 'MANAGE_IMPROVEMENTS');
    return this.change(meta, ref, 'VERIFY', ImprovementVerified, (current, now) => {
      const next = accepted(verify(current, input.measured, input.note, now), current.status);
      return { next, data: { measured: input.measured, effective: next.status === 'EFFECTIVE', note: input.note } };
    });
  }

  revise(meta: Meta, ref: ImprovementRef, input: { deadline: Date; target?: number | null; reason: string }) {
    ticketPermissions.require(meta.caller, 'MANAGE_IMPROVEMENTS');
    return this.change(meta, ref, 'REVISE', ImprovementRevised, (current, now) => ({
      next: accepted(revise(current, input, now), current.status),
      data: { reason: input.reason },
    }));
  }

  /** Reports one overdue improvement (the scanner's step); false when none is left to report. */
  reportNextOverdue(): Promise<boolean> {
    const context = { caller: null, actor: SYSTEM_ACTOR, correlationId: randomUUID() };
    return this.unitOfWork.run(context, async (tx) => {
      const id = await new ImprovementReads(tx.manager).claimOverdue(tx.now);
      if (id === null) return false;
      const current = await tx.load(improvementKind, id);
      if (!isOverdueUnreported(current, tx.now)) return false;
      const next = { ...current, overdueReportedFor: current.deadline };
      await this.save(tx, current, next, 'OVERDUE', ImprovementOverdue, {});
      return true;
    });
  }

  private change(
    meta: Meta,
    ref: ImprovementRef,
    action: string,
    event: EventDefinition,
    step: (current: Improvement, now: Date) => { next: Improvement; data: Record<string, unknown> },
  ): Promise<Improvement> {
    return this.unitOfWork.run(meta, async (tx) => {
      const current = await tx.load(improvementKind, ref.improvementId, ref.expectedVersion);
      const { next, data } = step(current, tx.now);
      return this.save(tx, current, next, action, event, data);
    });
  }

  private save(
    tx: WriteTransaction,
    before: Improvement | null,
    after: Improvement,
    action: string,
    event: EventDefinition,
    data: Record<string, unknown>,
  ): Promise<Improvement> {
    return tx.save(improvementKind, before, {
      after: { ...after, updatedAt: tx.now },
      action,
      events: [draft(event, { ...snapshotOf(after), ...data } as never)],
      changes: { status: after.status, ...data },
    });
  }

  /** A complaint, or a suggestion that was accepted, that exists. */
  private async requireSource(tx: WriteTransaction, input: NewImprovement): Promise<void> {
    if (input.source === 'FINDING' || !input.sourceTicketId) return;
    const [ticket] = await new TicketRepository(tx.manager).findByIds([input.sourceTicketId], { kind: 'ALL' });
    const field = 'input.sourceTicketId';
    if (ticket === undefined || ticket.kind !== input.source) {
      throw new BadUserInputError(`No ${input.source} ticket ${input.sourceTicketId}`, field);
    }
    if (input.source === 'SUGGESTION') {
      const [review] = await new TicketRecordsRepository(tx.manager).suggestionReviews([ticket.id]);
      if (review?.decision !== 'ACCEPTED') {
        throw new BadUserInputError(`Suggestion ${ticket.number} has not been accepted`, field);
      }
    }
  }
}
