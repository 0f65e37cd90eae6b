// Test helper: the events one ticket emits over its life, built with the contracts' `createEvent`, each carrying the
// snapshot after the event and the next aggregateVersion. Used by unit and integration tests only.
import { randomUUID } from 'node:crypto';
import {
  createEvent,
  TicketAcknowledged,
  TicketAssigned,
  TicketClosed,
  TicketComplaintInvestigated,
  TicketOpened,
  TicketReopened,
  TicketResolved,
  TicketSurveySubmitted,
  type TicketEvent,
  type TicketKind,
  type TicketSnapshot,
} from '@opsgraph/contracts-events';

const ACTOR = { id: 'f0000000-0000-4000-8000-000000000001', role: 'AGENT' };
let sequence = 0;

export class TicketStory {
  readonly events: TicketEvent[] = [];
  private snapshot: TicketSnapshot;
  private version = 0;

  constructor(options: {
    openedAt: string;
    kind?: TicketKind;
    assigneeId?: string | null;
    departmentId?: string | null;
    ticketId?: string;
  }) {
    sequence += 1;
    this.snapshot = {
      ticketId: options.ticketId ?? randomUUID(),
      number: `TCK-${String(sequence).padStart(6, '0')}`,
      kind: options.kind ?? 'SERVICE_REQUEST',
      category: null,
      channel: 'HOTLINE',
      priority: 'P3',
      status: 'NEW',
      customerId: 'c0000000-0000-4000-8000-000000000001',
      assigneeId: options.assigneeId ?? null,
      departmentId: options.departmentId ?? null,
      openedAt: options.openedAt,
      acknowledgedAt: null,
      resolvedAt: null,
      closedAt: null,
      responseDueAt: null,
      resolutionDueAt: null,
      escalationLevel: 0,
    };
    this.push(TicketOpened, options.openedAt, { assetId: null, incidentId: null });
  }

  get ticketId(): string {
    return this.snapshot.ticketId;
  }

  acknowledge(at: string, firstResponseSeconds: number): this {
    this.snapshot = { ...this.snapshot, status: 'ACKNOWLEDGED', acknowledgedAt: at };
    return this.push(TicketAcknowledged, at, { firstResponseSeconds });
  }

  assign(at: string, assigneeId: string, departmentId: string): this {
    const previous = {
      previousAssigneeId: this.snapshot.assigneeId,
      previousDepartmentId: this.snapshot.departmentId,
    };
    this.snapshot = { ...this.snapshot, status: 'ASSIGNED', assigneeId, departmentId };
    return this.push(TicketAssigned, at, { ...previous, collaboratingDepartmentIds: [] });
  }

  resolve(
    at: string,
    options: { withinSla: boolean | null; resolutionSeconds?: number; firstResponseSeconds?: number },
  ): this {
    this.snapshot = { ...this.snapshot, status: 'RESOLVED', resolvedAt: at };
    return this.push(TicketResolved, at, {
      resolutionSummary: 'done',
      firstResponseSeconds: options.firstResponseSeconds ?? null,
      resolutionSeconds: options.resolutionSeconds ?? 3600,
      withinSla: options.withinSla,
    });
  }

  reopen(at: string): this {
    const previousStatus = this.snapshot.status === 'CLOSED' ? 'CLOSED' : 'RESOLVED';
    this.snapshot = { ...this.snapshot, status: 'REOPENED', resolvedAt: null, closedAt: null };
    return this.push(TicketReopened, at, { previousStatus, reason: 'not fixed' });
  }

  close(at: string): this {
    this.snapshot = { ...this.snapshot, status: 'CLOSED', closedAt: at };
    return this.push(TicketClosed, at, { closedBy: 'CUSTOMER_CONFIRMED' });
  }

  survey(at: string, overall: number): this {
    return this.push(TicketSurveySubmitted, at, {
      surveyId: randomUUID(),
      overall,
      quality: overall,
      efficiency: overall,
      communication: overall,
      comment: null,
      submittedAt: at,
    });
  }

  investigate(at: string, responsibleDepartmentId: string, responsibleEmployeeId: string | null): this {
    return this.push(TicketComplaintInvestigated, at, {
      findings: 'late answer',
      rootCause: 'staffing',
      responsibleDepartmentId,
      responsibleEmployeeId,
      correctiveAction: 'coaching',
      correctiveActionDueAt: at,
    });
  }

  private push(
    definition:
      | typeof TicketOpened
      | typeof TicketAcknowledged
      | typeof TicketAssigned
      | typeof TicketResolved
      | typeof TicketReopened
      | typeof TicketClosed
      | typeof TicketSurveySubmitted
      | typeof TicketComplaintInvestigated,
    at: string,
    extra: Record<string, unknown>,
  ): this {
    this.version += 1;
    const event = createEvent(definition, {
      aggregateId: this.snapshot.ticketId,
      aggregateVersion: this.version,
      producer: 'ticket',
      actor: ACTOR,
      occurredAt: at,
      data: { ...this.snapshot, ...extra } as never,
    });
    this.events.push(event as TicketEvent);
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
