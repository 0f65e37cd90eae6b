// Ticket use-cases: intake, the lifecycle steps, and reads. Each change runs through TicketCommandRunner (one
// transaction: row + audit trail + outbox). Input shape is checked by class-validator before a use-case runs; the
// rules that need the caller or the ticket are checked here, before anything is written.
import {
  TicketAcknowledged,
  TicketAssigned,
  TicketClosed,
  TicketEscalated,
  TicketOpened,
  TicketReopened,
  TicketResolved,
  TicketStatusChanged,
  TicketTransferred,
  type FaultCategory,
  type TicketChannel,
  type TicketKind,
} from '@opsgraph/contracts-events';
import { BadUserInputError, ForbiddenError, Role, type Caller, type KnownCaller } from '@opsgraph/domain';
import { draft, type EventDraft } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { requireComplaintSettled } from '../complaints/complaint-closure';
import { requireChildrenResolved } from '../relations/ticket-relations.service';
import { referencesOf } from '../directory/directory.rules';
import type { ReferenceChecker } from '../directory/reference-checker';
import { calendarOf } from '../sla-calendars/sla-calendar.rules';
import { elapsedResolutionSeconds } from '../sla/sla-clock';
import { DEFAULT_SLA_POLICIES } from '../sla/sla-policy';
import { requireAction, scopeOf } from './ticket.access';
import type { RequestMeta, TicketChange, TicketCommandRunner, TicketRef } from './ticket.command-runner';
import { lifecycleError } from './ticket.errors';
import { firstResponseSeconds, snapshotOf } from './ticket.events';
import {
  decide,
  DEFAULT_LIFECYCLE_POLICY,
  type CloseReason,
  type TicketCommand,
  type TicketLifecycleErrorCode,
  type TicketLifecyclePolicy,
} from './ticket.lifecycle';
import {
  applyDecision,
  categoryProblem,
  openTicket,
  type ContactSnapshot,
  type Ticket,
} from './ticket.model';
import { parseTicketNumber, formatTicketNumber } from './ticket.number';
import { priorityOf, type Impact, type Urgency } from './ticket.priority';
import type { Keyset, TicketCriteria } from './ticket.query';
import type { JsonObject } from './ticket.records';
import type { TicketRepository } from './ticket.repository';

export interface OpenTicketCommand {
  readonly kind: TicketKind;
  readonly category?: FaultCategory | null;
  readonly channel: TicketChannel;
  readonly subject: string;
  readonly description: string;
  /** Required for staff; a customer opens for itself (its customer-id claim). */
  readonly customerId?: string | null;
  readonly contact?: Partial<ContactSnapshot> | null;
  readonly urgency: Urgency;
  readonly impact: Impact;
  readonly departmentId?: string | null;
  readonly assetId?: string | null;
  readonly incidentId?: string | null;
  readonly promisedResolutionAt?: Date | null;
  /** Historical import (ADMIN only): the ticket was opened then. */
  readonly occurredAt?: Date | null;
}

export interface TicketPage {
  readonly tickets: Ticket[];
  readonly hasNextPage: boolean;
  /** Counted only when asked for (a count over a large table is the expensive part of a listing). */
  readonly count: () => Promise<number>;
}

export class TicketService {
  constructor(
    private readonly runner: TicketCommandRunner,
    /** Reads outside transactions. */
    private readonly reader: TicketRepository,
    /** Every customer, employee and department a change points at must exist (docs/product.md §11.1). */
    private readonly references: ReferenceChecker,
    private readonly lifecyclePolicy: TicketLifecyclePolicy = DEFAULT_LIFECYCLE_POLICY,
  ) {}

  // ---- reads ------------------------------------------------------------------------------------------------

  /** The service's clock (SLA fields are computed as of now). */
  now(): Date {
    return this.runner.now();
  }

  async byNumber(caller: Caller, number: string): Promise<Ticket | null> {
    const scope = scopeOf(caller);
    const seq = parseTicketNumber(number);
    if (seq === null) {
      throw new BadUserInputError(`"${number}" is not a ticket number like TCK-000123`, 'number');
    }
    return this.reader.findByNumber(formatTicketNumber(seq), scope);
  }

  async list(
    caller: Caller,
    criteria: TicketCriteria,
    first: number,
    after: Keyset | null,
    columns: readonly string[] | null = null,
  ): Promise<TicketPage> {
    const scope = scopeOf(caller);
    const rows = await this.reader.page(criteria, scope, first + 1, after, columns);
    return {
      tickets: rows.slice(0, first),
      hasNextPage: rows.length > first,
      count: () => this.reader.count(criteria, scope),
    };
  }

  // ---- intake -----------------------------------------------------------------------------------------------

  async open(meta: RequestMeta, input: OpenTicketCommand): Promise<Ticket> {
    const caller = requireAction(meta.caller, 'OPEN');
    const customerId = this.customerOf(caller, input);
    const category = input.category ?? null;
    const problem = categoryProblem(input.kind, category);
    if (problem !== null) throw new BadUserInputError(problem, 'input.category');
    await this.references.require([
      ...referencesOf('CUSTOMER', 'input.customerId', [customerId]),
      ...referencesOf('DEPARTMENT', 'input.departmentId', [input.departmentId]),
    ]);

    return this.runner.create(meta, input.occurredAt ?? null, async ({ now, tx }) => {
      const number = await tx.tickets.nextNumber();
      const policies = await tx.policies.all();
      const routing = input.departmentId
        ? null
        : await tx.routing.route({
            kind: input.kind,
            category,
            channel: input.channel,
            customerId,
            assetId: input.assetId ?? null,
          });
      const departmentId = input.departmentId ?? routing?.departmentId ?? null;
      const slaCalendar = await tx.calendars.forTicket({
        customerId,
        departmentId,
        priority: priorityOf(input.urgency, input.impact),
      });
      const opened = openTicket(
        { id: randomUUID(), number },
        {
          kind: input.kind,
          category,
          channel: input.channel,
          subject: input.subject,
          description: input.description,
          customerId,
          contact: {
            name: input.contact?.name ?? null,
            phone: input.contact?.phone ?? null,
            email: input.contact?.email ?? null,
          },
          urgency: input.urgency,
          impact: input.impact,
          departmentId,
          assetId: input.assetId ?? null,
          incidentId: input.incidentId ?? null,
          promisedResolutionAt: input.promisedResolutionAt ?? null,
        },
        now,
        (priority) =>
          policies.find((policy) => policy.priority === priority) ?? DEFAULT_SLA_POLICIES[priority],
        slaCalendar,
      );
      const ticket: Ticket = { ...opened, assigneeId: routing?.assigneeId ?? null, routing };
      return {
        ticket,
        action: 'OPEN',
        events: [
          draft(TicketOpened, {
            ...snapshotOf(ticket),
            assetId: ticket.assetId,
            incidentId: ticket.incidentId,
          }),
        ],
        details: {
          kind: ticket.kind,
          channel: ticket.channel,
          priority: ticket.priority,
          ...(routing ? { routing: { ...routing } } : {}),
        },
      };
    });
  }

  /** Staff open for any customer; a customer only for itself and without routing the ticket. */
  private customerOf(caller: KnownCaller, input: OpenTicketCommand): string {
    if (caller.role !== Role.CUSTOMER) {
      if (!input.customerId) throw new BadUserInputError('The customer is required', 'input.customerId');
      return input.customerId;
    }
    const own = scopeOf(caller);
    if (own.kind !== 'CUSTOMER') throw new ForbiddenError();
    if (input.customerId && input.customerId !== own.customerId) {
      throw new ForbiddenError('A customer opens tickets only for itself');
    }
    if (input.departmentId) throw new ForbiddenError('A customer cannot route a ticket to a department');
    return own.customerId;
  }

  // ---- lifecycle ----------------------------------------------------------------------------------------------

  acknowledge(meta: RequestMeta, ref: TicketRef): Promise<Ticket> {
    return this.transition(meta, ref, { type: 'ACKNOWLEDGE' }, (next) => [
      draft(TicketAcknowledged, {
        ...snapshotOf(next),
        firstResponseSeconds: firstResponseSeconds(next) ?? 0,
      }),
    ]);
  }

  async assign(
    meta: RequestMeta,
    ref: TicketRef,
    input: { assigneeId: string; departmentId?: string | null; collaboratingDepartmentIds?: string[] | null },
  ): Promise<Ticket> {
    await this.references.require([
      ...referencesOf('EMPLOYEE', 'input.assigneeId', [input.assigneeId], true),
      ...referencesOf('DEPARTMENT', 'input.departmentId', [input.departmentId]),
      ...referencesOf(
        'DEPARTMENT',
        'input.collaboratingDepartmentIds',
        input.collaboratingDepartmentIds ?? [],
      ),
    ]);
    const command: TicketCommand = {
      type: 'ASSIGN',
      assigneeId: input.assigneeId,
      ...(input.departmentId ? { departmentId: input.departmentId } : {}),
    };
    return this.runner.change(meta, 'ASSIGN', ref, (ticket, { now }) => {
      const decision = this.decide(ticket, command, now, {
        NO_CHANGE: 'input.assigneeId',
        DEPARTMENT_REQUIRED: 'input.departmentId',
      });
      const assigned = applyDecision(ticket, decision, now);
      const next: Ticket = {
        ...assigned,
        collaboratingDepartmentIds: collaborators(
          input.collaboratingDepartmentIds ?? ticket.collaboratingDepartmentIds,
          assigned.departmentId,
        ),
      };
      const events: EventDraft[] = [];
      // Assigning a NEW ticket is its first response: consumers measuring response times see it as acknowledged.
      if (decision.changes.firstResponse) {
        events.push(
          draft(TicketAcknowledged, {
            ...snapshotOf(next),
            firstResponseSeconds: firstResponseSeconds(next) ?? 0,
          }),
        );
      }
      events.push(
        draft(TicketAssigned, {
          ...snapshotOf(next),
          previousAssigneeId: ticket.assigneeId,
          previousDepartmentId: ticket.departmentId,
          collaboratingDepartmentIds: [...next.collaboratingDepartmentIds],
        }),
      );
      return {
        ticket: next,
        action: 'ASSIGN',
        events,
        details: {
          assigneeId: next.assigneeId,
          departmentId: next.departmentId,
          previousAssigneeId: ticket.assigneeId,
          previousDepartmentId: ticket.departmentId,
          collaboratingDepartmentIds: [...next.collaboratingDepartmentIds],
        },
      };
    });
  }

  startWork(meta: RequestMeta, ref: TicketRef): Promise<Ticket> {
    return this.statusChange(meta, ref, { type: 'START_WORK' }, null);
  }

  awaitCustomer(meta: RequestMeta, ref: TicketRef, reason: string | null): Promise<Ticket> {
    return this.statusChange(meta, ref, { type: 'AWAIT_CUSTOMER' }, reason);
  }

  recordCustomerResponse(meta: RequestMeta, ref: TicketRef, note: string | null): Promise<Ticket> {
    return this.statusChange(meta, ref, { type: 'CUSTOMER_RESPONDED' }, note);
  }

  resolve(meta: RequestMeta, ref: TicketRef, resolutionSummary: string): Promise<Ticket> {
    return this.runner.change(meta, 'RESOLVE', ref, async (ticket, { now, tx }) => {
      const decision = this.decide(ticket, { type: 'RESOLVE' }, now);
      await requireComplaintSettled(ticket, tx, 'resolved');
      await requireChildrenResolved(ticket, tx);
      const next: Ticket = { ...applyDecision(ticket, decision, now), resolutionSummary };
      return {
        ticket: next,
        action: 'RESOLVE',
        events: [
          draft(TicketResolved, {
            ...snapshotOf(next),
            resolutionSummary,
            firstResponseSeconds: firstResponseSeconds(next),
            resolutionSeconds: Math.round(
              elapsedResolutionSeconds(ticket.sla, now, calendarOf(ticket.slaCalendar)),
            ),
            // Flags are current: deadlines passed by `now` were flagged just before this change.
            withinSla: next.responseBreachedAt === null && next.resolutionBreachedAt === null,
          }),
        ],
        details: { resolutionSummary },
      };
    });
  }

  async close(
    meta: RequestMeta,
    ref: TicketRef,
    reason: Exclude<CloseReason, 'AUTO_CLOSED' | 'MERGED'>,
  ): Promise<Ticket> {
    if (meta.caller?.role === Role.CUSTOMER && reason !== 'CUSTOMER_CONFIRMED') {
      throw new ForbiddenError(
        'A customer closes a ticket by confirming its resolution (CUSTOMER_CONFIRMED)',
      );
    }
    return this.runner.change(meta, 'CLOSE', ref, async (ticket, { now, tx }) => {
      const next = applyDecision(ticket, this.decide(ticket, { type: 'CLOSE', reason }, now), now);
      await requireComplaintSettled(ticket, tx, 'closed');
      return {
        ticket: next,
        action: 'CLOSE',
        events: [draft(TicketClosed, { ...snapshotOf(next), closedBy: reason })],
        details: { reason },
      };
    });
  }

  reopen(meta: RequestMeta, ref: TicketRef, reason: string): Promise<Ticket> {
    return this.runner.change(meta, 'REOPEN', ref, (ticket, { now }) => {
      const decision = this.decide(ticket, { type: 'REOPEN' }, now);
      const next: Ticket = { ...applyDecision(ticket, decision, now), resolutionSummary: null };
      const previousStatus = ticket.status === 'CLOSED' ? 'CLOSED' : 'RESOLVED';
      return {
        ticket: next,
        action: 'REOPEN',
        events: [draft(TicketReopened, { ...snapshotOf(next), previousStatus, reason })],
        details: { reason },
      };
    });
  }

  async transfer(
    meta: RequestMeta,
    ref: TicketRef,
    input: { departmentId: string; assigneeId?: string | null; reason: string },
  ): Promise<Ticket> {
    await this.references.require([
      ...referencesOf('DEPARTMENT', 'input.departmentId', [input.departmentId]),
      ...referencesOf('EMPLOYEE', 'input.assigneeId', [input.assigneeId], true),
    ]);
    const command: TicketCommand = {
      type: 'TRANSFER',
      departmentId: input.departmentId,
      assigneeId: input.assigneeId ?? null,
    };
    return this.runner.change(meta, 'TRANSFER', ref, (ticket, { now }) => {
      const decision = this.decide(ticket, command, now, { NO_CHANGE: 'input.departmentId' });
      const moved = applyDecision(ticket, decision, now);
      const next: Ticket = {
        ...moved,
        collaboratingDepartmentIds: collaborators(ticket.collaboratingDepartmentIds, moved.departmentId),
      };
      const data = {
        fromDepartmentId: ticket.departmentId,
        toDepartmentId: input.departmentId,
        fromAssigneeId: ticket.assigneeId,
        toAssigneeId: next.assigneeId,
        reason: input.reason,
      };
      return {
        ticket: next,
        action: 'TRANSFER',
        events: [draft(TicketTransferred, { ...snapshotOf(next), ...data })],
        details: data,
      };
    });
  }

  escalate(meta: RequestMeta, ref: TicketRef, reason: string): Promise<Ticket> {
    return this.runner.change(meta, 'ESCALATE', ref, (ticket, { now }) => {
      const next = applyDecision(ticket, this.decide(ticket, { type: 'ESCALATE' }, now), now);
      const data = { fromLevel: ticket.escalationLevel, toLevel: next.escalationLevel, reason };
      return {
        ticket: next,
        action: 'ESCALATE',
        events: [draft(TicketEscalated, { ...snapshotOf(next), ...data })],
        details: data,
      };
    });
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  /** A lifecycle command whose only payload is its event. */
  private transition(
    meta: RequestMeta,
    ref: TicketRef,
    command: TicketCommand,
    events: (next: Ticket, before: Ticket) => EventDraft[],
    details: JsonObject = {},
  ): Promise<Ticket> {
    return this.runner.change(meta, command.type, ref, (ticket, { now }): TicketChange => {
      const next = applyDecision(ticket, this.decide(ticket, command, now), now);
      return { ticket: next, action: command.type, events: events(next, ticket), details };
    });
  }

  /** Transitions without an event of their own emit ticket.status_changed. */
  private statusChange(meta: RequestMeta, ref: TicketRef, command: TicketCommand, reason: string | null) {
    return this.transition(
      meta,
      ref,
      command,
      (next, before) => [
        draft(TicketStatusChanged, { ...snapshotOf(next), from: before.status, to: next.status, reason }),
      ],
      reason === null ? {} : { reason },
    );
  }

  private decide(
    ticket: Ticket,
    command: TicketCommand,
    now: Date,
    fields: Partial<Record<TicketLifecycleErrorCode, string>> = {},
  ) {
    const decision = decide(ticket, command, now, this.lifecyclePolicy);
    if (!decision.ok) throw lifecycleError(decision.error, fields);
    return decision;
  }
}

/** Collaborating departments without duplicates and without the lead department. */
function collaborators(ids: readonly string[], lead: string | null): string[] {
  return [...new Set(ids)].filter((id) => id !== lead);
}
