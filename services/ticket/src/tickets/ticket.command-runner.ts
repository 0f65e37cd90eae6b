// The steps every ticket use-case shares, in a fixed order: may the role do this at all (FORBIDDEN), and set
// occurredAt (FORBIDDEN unless ADMIN; BAD_USER_INPUT in the future) → the ticket, locked and within the caller's scope
// (NOT_FOUND) → the expected version (CONFLICT) → occurredAt not before the ticket's last change (BAD_USER_INPUT) →
// deadlines passed meanwhile are flagged → the use-case's own change (INVALID_TRANSITION, BAD_USER_INPUT) → one commit
// of row, audit trail and events.
import { SYSTEM_ACTOR, type EventActor } from '@opsgraph/contracts-events';
import { BadUserInputError, ConflictError, NotFoundError, Role, type Caller } from '@opsgraph/graphql-kit';
import { canSee, requireAction, scopeOf, type TicketAction } from './ticket.access';
import { FieldForbiddenError } from './ticket.errors';
import { slaBreachedDrafts } from './ticket.events';
import { flagBreaches, type Ticket } from './ticket.model';
import type { TicketChange, TicketTransaction, TicketUnitOfWork } from './ticket.unit-of-work';

export type Clock = () => Date;

/** Who asks, and the request's correlation id (carried into every event). */
export interface RequestMeta {
  readonly caller: Caller;
  readonly correlationId: string;
}

/** The ticket to change and the version the client last saw. */
export interface TicketRef {
  readonly ticketId: string;
  readonly expectedVersion: number;
  /** Historical import (ADMIN only): the change happened then, not now. */
  readonly occurredAt?: Date | null;
}

/** How far ahead of the service's clock an imported occurredAt may be (the importer's clock may run ahead a little). */
export const IMPORT_CLOCK_SKEW_MS = 5_000;
/**
 * How long after an imported change the SLA scanner and the auto-close job leave the ticket alone, so that the
 * import can replay the rest of its life (each imported change extends it). Deadlines still unmet then are flagged
 * against the wall clock, like those of any other ticket.
 */
export const IMPORT_HOLD_MS = 5 * 60_000;
export const OCCURRED_AT_FIELD = 'input.occurredAt';

/** The instant a change is recorded at, and the import hold it sets (null for live changes). */
interface ChangeInstant {
  readonly now: Date;
  readonly importHoldUntil: Date | null;
}

/** What a use-case's change runs with: one instant for the whole change, the caller, the transaction. */
export interface ChangeInput {
  readonly now: Date;
  readonly caller: NonNullable<Caller>;
  readonly tx: TicketTransaction;
}

export type TicketMutation = (ticket: Ticket, context: ChangeInput) => TicketChange | Promise<TicketChange>;

export function actorOf(caller: NonNullable<Caller>): EventActor {
  return { id: caller.userId, role: caller.role };
}

/** The system's change that flags deadlines passed by `now`, or null when none passed unflagged. */
export function breachChange(ticket: Ticket, now: Date): TicketChange | null {
  const flagged = flagBreaches(ticket, now);
  if (flagged.breaches.length === 0) return null;
  return {
    ticket: flagged.ticket,
    action: 'SLA_BREACHED',
    events: slaBreachedDrafts(flagged.ticket, flagged.breaches, now),
    details: { deadlines: flagged.breaches.map((breach) => breach.deadline) },
    actor: SYSTEM_ACTOR,
  };
}

export class TicketCommandRunner {
  constructor(
    private readonly unitOfWork: TicketUnitOfWork,
    private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock();
  }

  /**
   * Creates a ticket: `build` returns the change that opens it (no ticket exists before). With `occurredAt` (a
   * historical import) the ticket is opened as of then.
   */
  async create(
    meta: RequestMeta,
    occurredAt: Date | null,
    build: (context: ChangeInput) => Promise<TicketChange>,
  ): Promise<Ticket> {
    const caller = requireAction(meta.caller, 'OPEN');
    this.checkOccurredAt(caller, occurredAt);
    return this.unitOfWork.run(async (tx) => {
      const { now, importHoldUntil } = this.instant(occurredAt);
      const change = await build({ now, caller, tx });
      return tx.commit(null, [change], {
        actor: actorOf(caller),
        correlationId: meta.correlationId,
        now,
        importHoldUntil,
      });
    });
  }

  async change(
    meta: RequestMeta,
    action: TicketAction,
    ref: TicketRef,
    mutate: TicketMutation,
  ): Promise<Ticket> {
    const caller = requireAction(meta.caller, action);
    const scope = scopeOf(caller);
    const occurredAt = ref.occurredAt ?? null;
    this.checkOccurredAt(caller, occurredAt);
    return this.unitOfWork.run(async (tx) => {
      const current = await tx.tickets.lock(ref.ticketId);
      if (current === null || !canSee(scope, current)) throw new NotFoundError('Ticket', ref.ticketId);
      if (current.version !== ref.expectedVersion) {
        throw new ConflictError(
          `Ticket ${current.number} is at version ${current.version}, not ${ref.expectedVersion}: reload it and retry`,
          { expectedVersion: ref.expectedVersion, actualVersion: current.version },
        );
      }
      if (occurredAt !== null && occurredAt < current.updatedAt) {
        throw new BadUserInputError(
          `occurredAt ${occurredAt.toISOString()} is before the last change of ticket ${current.number} ` +
            `(${current.updatedAt.toISOString()}): import a ticket's history in order`,
          OCCURRED_AT_FIELD,
        );
      }
      const { now, importHoldUntil } = this.instant(occurredAt);
      // On an import's timeline: deadlines that passed before occurredAt are flagged as of occurredAt.
      const breach = breachChange(current, now);
      const change = await mutate(breach?.ticket ?? current, { now, caller, tx });
      const changes = breach === null ? [change] : [breach, change];
      return tx.commit(current, changes, {
        actor: actorOf(caller),
        correlationId: meta.correlationId,
        now,
        importHoldUntil,
      });
    });
  }

  /** occurredAt is an import facility: ADMIN only (FORBIDDEN naming the field), and never in the future. */
  private checkOccurredAt(caller: NonNullable<Caller>, occurredAt: Date | null): void {
    if (occurredAt === null) return;
    if (caller.role !== Role.ADMIN) {
      throw new FieldForbiddenError('Only ADMIN may set occurredAt (historical import)', OCCURRED_AT_FIELD);
    }
    const latest = this.clock().getTime() + IMPORT_CLOCK_SKEW_MS;
    if (occurredAt.getTime() > latest) {
      throw new BadUserInputError(
        `occurredAt ${occurredAt.toISOString()} is in the future`,
        OCCURRED_AT_FIELD,
      );
    }
  }

  /** A historical instant within the clock-skew tolerance is taken as now: nothing is recorded in the future. */
  private instant(occurredAt: Date | null): ChangeInstant {
    const wallClock = this.clock();
    if (occurredAt === null) return { now: wallClock, importHoldUntil: null };
    return {
      now: occurredAt < wallClock ? occurredAt : wallClock,
      importHoldUntil: new Date(wallClock.getTime() + IMPORT_HOLD_MS),
    };
  }
}
