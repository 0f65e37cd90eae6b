// The steps every ticket use-case shares, in a fixed order, on the kit's write path: may the role do this at all
// (FORBIDDEN), and set occurredAt (FORBIDDEN unless ADMIN; BAD_USER_INPUT in the future) → the ticket, locked and
// within the caller's scope (NOT_FOUND) → the expected version (CONFLICT) → occurredAt not before the ticket's last
// change (BAD_USER_INPUT) → deadlines passed meanwhile are flagged → the use-case's own change (INVALID_TRANSITION,
// BAD_USER_INPUT) → one save of row, audit trail and events.
import { SYSTEM_ACTOR, type EventActor } from '@opsgraph/contracts-events';
import {
  BadUserInputError,
  checkVersion,
  NotFoundError,
  Role,
  type KnownCaller,
  type RequestMeta as CallerMeta,
} from '@opsgraph/domain';
import type { AggregateChange, EventDraft, UnitOfWork, WriteTransaction } from '@opsgraph/service-kit';
import { ComplaintCauseRepository } from '../complaints/complaint-cause.repository';
import { CorrectiveActionRepository } from '../complaints/corrective-action.repository';
import { PraiseRepository } from '../praise/praise.repository';
import { TicketRelationsRepository } from '../relations/ticket-relations.repository';
import { TimeEntryRepository } from '../time-tracking/time-entry.repository';
import { RoutingIntake } from '../routing/routing.intake';
import { SlaCalendarReads } from '../sla-calendars/sla-calendar.repository';
import { SlaPolicyRepository } from '../sla/sla-policy.repository';
import { canSee, requireAction, scopeOf, type TicketAction } from './ticket.access';
import { FieldForbiddenError } from './ticket.errors';
import { slaBreachedDrafts } from './ticket.events';
import { flagBreaches, type Ticket } from './ticket.model';
import { TicketRecordsRepository } from './ticket-records.repository';
import type { HistoryAction, JsonObject } from './ticket.records';
import { TICKET, TicketRepository, type HeldTicket } from './ticket.repository';

/** Who asks, the request's correlation id and trace context (carried into every event and audit line). */
export type RequestMeta = CallerMeta;

/** One change of a ticket: the ticket after it, its events in order, and how the audit trail records it. */
export interface TicketChange {
  readonly ticket: Ticket;
  readonly action: HistoryAction;
  readonly events: readonly EventDraft[];
  readonly details?: JsonObject;
  /** Defaults to the caller; the system for changes the service makes on its own (breach flags). */
  readonly actor?: EventActor;
}

/** The ticket to change and the version the client last saw. */
export interface TicketRef {
  readonly ticketId: string;
  readonly expectedVersion: number;
  /** Historical import (ADMIN only): the change happened then, not now. */
  readonly occurredAt?: Date | null;
}

/**
 * A ticket changed by a record with a version of its own (a time entry): the ticket's version goes up, but the change
 * does not decide on what the client saw of the ticket, so any current version is taken.
 */
export interface AnyVersionRef {
  readonly ticketId: string;
  readonly expectedVersion: null;
  readonly occurredAt?: null;
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

/** The repositories of a change, on its transaction. */
export interface TicketTransaction {
  readonly tickets: TicketRepository;
  readonly records: TicketRecordsRepository;
  readonly policies: SlaPolicyRepository;
  readonly actions: CorrectiveActionRepository;
  readonly causes: ComplaintCauseRepository;
  readonly praise: PraiseRepository;
  readonly calendars: SlaCalendarReads;
  readonly routing: RoutingIntake;
  readonly relations: TicketRelationsRepository;
  readonly timeEntries: TimeEntryRepository;
}

/** What a use-case's change runs with: one instant for the whole change, the caller, the transaction. */
export interface ChangeInput {
  readonly now: Date;
  readonly caller: KnownCaller;
  readonly tx: TicketTransaction;
}

export type TicketMutation = (ticket: Ticket, context: ChangeInput) => TicketChange | Promise<TicketChange>;

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

/**
 * Saves `changes` applied in order to `before` (null: a new ticket) at the transaction's instant. `importHoldUntil`:
 * until when the jobs leave the ticket to a historical import (null for live changes).
 */
export function saveTicket(
  tx: WriteTransaction,
  before: Ticket | null,
  changes: readonly TicketChange[],
  importHoldUntil: Date | null = null,
): Promise<Ticket> {
  const held = before && { ...before, importHoldUntil };
  return tx.save(TICKET, held, toTicketChanges(before, changes, tx.now, importHoldUntil));
}

/**
 * The kit's changes of the ticket's row: each stamped with the instant and the import hold, its audit line carrying
 * the status before and after the change and the use-case's details.
 */
function toTicketChanges(
  before: Ticket | null,
  changes: readonly TicketChange[],
  now: Date,
  importHoldUntil: Date | null,
): AggregateChange<HeldTicket>[] {
  let fromStatus = before?.status ?? null;
  return changes.map((change) => {
    const audit = { fromStatus, toStatus: change.ticket.status, details: change.details ?? {} };
    fromStatus = change.ticket.status;
    return {
      after: { ...change.ticket, updatedAt: now, importHoldUntil },
      action: change.action,
      events: change.events,
      changes: audit,
      actor: change.actor,
    };
  });
}

export function repositoriesOf(tx: WriteTransaction): TicketTransaction {
  return {
    tickets: new TicketRepository(tx.manager),
    records: new TicketRecordsRepository(tx.manager),
    policies: new SlaPolicyRepository(tx.manager),
    actions: new CorrectiveActionRepository(tx.manager),
    causes: new ComplaintCauseRepository(tx.manager),
    praise: new PraiseRepository(tx.manager),
    calendars: new SlaCalendarReads(tx.manager),
    routing: new RoutingIntake(tx.manager),
    relations: new TicketRelationsRepository(tx.manager),
    timeEntries: new TimeEntryRepository(tx.manager),
  };
}

export class TicketCommandRunner {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  now(): Date {
    return this.unitOfWork.clock();
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
    return this.unitOfWork.run(meta, async (started) => {
      const { now, importHoldUntil } = this.instant(occurredAt);
      const tx = started.at(now);
      const change = await build({ now, caller, tx: repositoriesOf(tx) });
      return saveTicket(tx, null, [change], importHoldUntil);
    });
  }

  async change(
    meta: RequestMeta,
    action: TicketAction,
    ref: TicketRef | AnyVersionRef,
    mutate: TicketMutation,
  ): Promise<Ticket> {
    const caller = requireAction(meta.caller, action);
    const scope = scopeOf(caller);
    const occurredAt = ref.occurredAt ?? null;
    this.checkOccurredAt(caller, occurredAt);
    return this.unitOfWork.run(meta, async (started) => {
      const current = await started.load(TICKET, ref.ticketId);
      if (!canSee(scope, current)) throw new NotFoundError('Ticket', ref.ticketId);
      if (ref.expectedVersion !== null)
        checkVersion(`Ticket ${current.number}`, current, ref.expectedVersion);
      if (occurredAt !== null && occurredAt < current.updatedAt) {
        throw new BadUserInputError(
          `occurredAt ${occurredAt.toISOString()} is before the last change of ticket ${current.number} ` +
            `(${current.updatedAt.toISOString()}): import a ticket's history in order`,
          OCCURRED_AT_FIELD,
        );
      }
      // The instant is taken once the row is locked, so changes of one ticket are recorded in order.
      const { now, importHoldUntil } = this.instant(occurredAt);
      const tx = started.at(now);
      // On an import's timeline: deadlines that passed before occurredAt are flagged as of occurredAt.
      const breach = breachChange(current, now);
      const change = await mutate(breach?.ticket ?? current, { now, caller, tx: repositoriesOf(tx) });
      return saveTicket(tx, current, breach === null ? [change] : [breach, change], importHoldUntil);
    });
  }

  /** occurredAt is an import facility: ADMIN only (FORBIDDEN naming the field), and never in the future. */
  private checkOccurredAt(caller: KnownCaller, occurredAt: Date | null): void {
    if (occurredAt === null) return;
    if (caller.role !== Role.ADMIN) {
      throw new FieldForbiddenError('Only ADMIN may set occurredAt (historical import)', OCCURRED_AT_FIELD);
    }
    const latest = this.now().getTime() + IMPORT_CLOCK_SKEW_MS;
    if (occurredAt.getTime() > latest) {
      throw new BadUserInputError(
        `occurredAt ${occurredAt.toISOString()} is in the future`,
        OCCURRED_AT_FIELD,
      );
    }
  }

  /** A historical instant within the clock-skew tolerance is taken as now: nothing is recorded in the future. */
  private instant(occurredAt: Date | null): { now: Date; importHoldUntil: Date | null } {
    const wallClock = this.now();
    if (occurredAt === null) return { now: wallClock, importHoldUntil: null };
    return {
      now: occurredAt < wallClock ? occurredAt : wallClock,
      importHoldUntil: new Date(wallClock.getTime() + IMPORT_HOLD_MS),
    };
  }
}
