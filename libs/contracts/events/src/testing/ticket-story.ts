// Test support: the contract-valid events one ticket emits over its life, built with `createEvent`. Each event
// carries the snapshot after it and the next aggregateVersion. Every step takes an optional ISO time; without one
// the story's clock moves on by a few minutes, so a story reads either as a timeline or as a plain sequence.
import { randomUUID } from 'node:crypto';
import { createEvent } from '../define-event';
import {
  TicketAcknowledged,
  TicketAssigned,
  TicketClosed,
  TicketMerged,
  TicketComplaintInvestigated,
  TicketOpened,
  TicketProgressAdded,
  TicketReopened,
  TicketResolved,
  TicketSurveySubmitted,
  type TicketEvent,
  type TicketKind,
  type TicketSnapshot,
} from '../ticket/ticket.events';
import { TicketPraiseCredited } from '../ticket/praise.events';
import { AGENT_ACTOR } from './event-samples';
import { DEFAULT_CUSTOMER_ID, DEFAULT_OPENED_AT, newTicketSnapshot } from './ticket-snapshot';

export interface TicketStoryOptions {
  openedAt?: string;
  kind?: TicketKind;
  customerId?: string;
  assigneeId?: string | null;
  departmentId?: string | null;
  ticketId?: string;
}

export interface ResolveOptions {
  withinSla?: boolean | null;
  resolutionSeconds?: number;
  firstResponseSeconds?: number | null;
}

type StoryEvent =
  | typeof TicketOpened
  | typeof TicketAcknowledged
  | typeof TicketAssigned
  | typeof TicketProgressAdded
  | typeof TicketResolved
  | typeof TicketReopened
  | typeof TicketClosed
  | typeof TicketMerged
  | typeof TicketSurveySubmitted
  | typeof TicketComplaintInvestigated
  | typeof TicketPraiseCredited;

let numbers = 0;

export class TicketStory {
  readonly events: TicketEvent[] = [];
  readonly ticketId: string;
  readonly number: string;
  private snapshot: TicketSnapshot;
  private version = 0;
  private clock: number;

  constructor(options: TicketStoryOptions = {}) {
    const openedAt = options.openedAt ?? DEFAULT_OPENED_AT;
    const kind = options.kind ?? 'SERVICE_REQUEST';
    this.ticketId = options.ticketId ?? randomUUID();
    this.number = `TCK-${String(++numbers).padStart(6, '0')}`;
    this.clock = Date.parse(openedAt);
    this.snapshot = newTicketSnapshot({
      ticketId: this.ticketId,
      number: this.number,
      kind,
      category: kind === 'FAULT' ? 'SYSTEM_FAULT' : null,
      customerId: options.customerId ?? DEFAULT_CUSTOMER_ID,
      assigneeId: options.assigneeId ?? null,
      departmentId: options.departmentId ?? null,
      openedAt,
    });
    this.push(TicketOpened, openedAt, { assetId: null, incidentId: null });
  }

  /** The latest event of the story. */
  get last(): TicketEvent {
    return this.events[this.events.length - 1];
  }

  /** Without `firstResponseSeconds`, the time since the ticket was opened. */
  acknowledge(at?: string, firstResponseSeconds?: number): this {
    const when = this.advance(at, 10);
    const elapsed = Math.round((Date.parse(when) - Date.parse(this.snapshot.openedAt)) / 1000);
    this.snapshot = { ...this.snapshot, status: 'ACKNOWLEDGED', acknowledgedAt: when };
    return this.push(TicketAcknowledged, when, { firstResponseSeconds: firstResponseSeconds ?? elapsed });
  }

  assign(at?: string, assigneeId: string = randomUUID(), departmentId: string = randomUUID()): this {
    const when = this.advance(at, 5);
    const previous = {
      previousAssigneeId: this.snapshot.assigneeId,
      previousDepartmentId: this.snapshot.departmentId,
    };
    this.snapshot = { ...this.snapshot, status: 'ASSIGNED', assigneeId, departmentId };
    return this.push(TicketAssigned, when, { ...previous, collaboratingDepartmentIds: [] });
  }

  /** An internal note: a ticket event that changes nothing a read model keeps. */
  note(at?: string, body = 'checked the logs'): this {
    const when = this.advance(at, 5);
    return this.push(TicketProgressAdded, when, { progressId: randomUUID(), visibility: 'INTERNAL', body });
  }

  resolve(at?: string, options: ResolveOptions = {}): this {
    const when = this.advance(at, 60);
    this.snapshot = { ...this.snapshot, status: 'RESOLVED', resolvedAt: when };
    return this.push(TicketResolved, when, {
      resolutionSummary: 'done',
      firstResponseSeconds: options.firstResponseSeconds ?? null,
      resolutionSeconds: options.resolutionSeconds ?? 3600,
      withinSla: options.withinSla === undefined ? true : options.withinSla,
    });
  }

  reopen(at?: string): this {
    const when = this.advance(at, 30);
    const previousStatus = this.snapshot.status === 'CLOSED' ? 'CLOSED' : 'RESOLVED';
    this.snapshot = { ...this.snapshot, status: 'REOPENED', resolvedAt: null, closedAt: null };
    return this.push(TicketReopened, when, { previousStatus, reason: 'not fixed' });
  }

  close(at?: string): this {
    const when = this.advance(at, 60);
    this.snapshot = { ...this.snapshot, status: 'CLOSED', closedAt: when };
    return this.push(TicketClosed, when, { closedBy: 'CUSTOMER_CONFIRMED' });
  }

  /** Merged into `survivor` (another story of the same customer): closed, pointing to it. */
  mergeInto(survivor: TicketStory, at?: string): this {
    const when = this.advance(at, 60);
    this.snapshot = { ...this.snapshot, status: 'CLOSED', closedAt: when };
    return this.push(TicketMerged, when, {
      survivorTicketId: survivor.ticketId,
      survivorNumber: survivor.number,
    });
  }

  survey(at: string | undefined, overall: number): this {
    const when = this.advance(at, 120);
    return this.push(TicketSurveySubmitted, when, {
      surveyId: randomUUID(),
      overall,
      quality: overall,
      efficiency: overall,
      communication: overall,
      comment: null,
      submittedAt: when,
    });
  }

  investigate(
    at: string | undefined,
    responsibleDepartmentId: string,
    responsibleEmployeeId: string | null,
  ): this {
    const when = this.advance(at, 60);
    return this.push(TicketComplaintInvestigated, when, {
      findings: 'late answer',
      rootCause: 'staffing',
      responsibleDepartmentId,
      responsibleEmployeeId,
      correctiveAction: 'coaching',
      correctiveActionDueAt: when,
    });
  }

  /** A PRAISE ticket credited to `employeeIds` (a correction passes the set it replaces). */
  praise(
    at: string | undefined,
    employeeIds: readonly string[],
    previousEmployeeIds: readonly string[] = [],
  ): this {
    const when = this.advance(at, 30);
    return this.push(TicketPraiseCredited, when, { employeeIds, previousEmployeeIds });
  }

  private advance(at: string | undefined, minutes: number): string {
    this.clock = at === undefined ? this.clock + minutes * 60_000 : Date.parse(at);
    return at ?? new Date(this.clock).toISOString();
  }

  private push(definition: StoryEvent, at: string, extra: Record<string, unknown>): this {
    const event = createEvent(definition, {
      aggregateId: this.ticketId,
      aggregateVersion: ++this.version,
      producer: 'ticket',
      actor: AGENT_ACTOR,
      occurredAt: at,
      data: { ...this.snapshot, ...extra } as never,
    });
    this.events.push(event as unknown as TicketEvent);
    return this;
  }
}

/** A deterministic shuffle (the same seed gives the same order), so a failing order can be reproduced. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}
