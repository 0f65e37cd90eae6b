// The steps every ticket use-case shares, in a fixed order: may the role do this at all (FORBIDDEN) → the ticket, locked
// and within the caller's scope (NOT_FOUND) → the expected version (CONFLICT) → deadlines passed meanwhile are flagged
// → the use-case's own change (INVALID_TRANSITION, BAD_USER_INPUT) → one commit of row, audit trail and events.
import { SYSTEM_ACTOR, type EventActor } from '@opsgraph/contracts-events';
import { ConflictError, NotFoundError, type Caller } from '@opsgraph/graphql-kit';
import { canSee, requireAction, scopeOf, type TicketAction } from './ticket.access';
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

  /** Creates a ticket: `build` returns the change that opens it (no ticket exists before). */
  async create(meta: RequestMeta, build: (context: ChangeInput) => Promise<TicketChange>): Promise<Ticket> {
    const caller = requireAction(meta.caller, 'OPEN');
    return this.unitOfWork.run(async (tx) => {
      const now = this.clock();
      const change = await build({ now, caller, tx });
      return tx.commit(null, [change], { actor: actorOf(caller), correlationId: meta.correlationId, now });
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
    return this.unitOfWork.run(async (tx) => {
      const current = await tx.tickets.lock(ref.ticketId);
      if (current === null || !canSee(scope, current)) throw new NotFoundError('Ticket', ref.ticketId);
      if (current.version !== ref.expectedVersion) {
        throw new ConflictError(
          `Ticket ${current.number} is at version ${current.version}, not ${ref.expectedVersion}: reload it and retry`,
          { expectedVersion: ref.expectedVersion, actualVersion: current.version },
        );
      }
      const now = this.clock();
      const breach = breachChange(current, now);
      const change = await mutate(breach?.ticket ?? current, { now, caller, tx });
      const changes = breach === null ? [change] : [breach, change];
      return tx.commit(current, changes, { actor: actorOf(caller), correlationId: meta.correlationId, now });
    });
  }
}
