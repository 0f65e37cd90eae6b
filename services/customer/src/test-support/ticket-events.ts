// Test support: contract-valid ticket events (built with createEvent) for one ticket's life.
import {
  createEvent,
  TicketAcknowledged,
  TicketAssigned,
  TicketClosed,
  TicketOpened,
  TicketProgressAdded,
  TicketReopened,
  TicketResolved,
  TicketSurveySubmitted,
  type TicketEvent,
  type TicketKind,
  type TicketSnapshot,
  type TicketStatus,
} from '@opsgraph/contracts-events';
import { randomUUID } from 'node:crypto';

const AGENT = { id: 'c41d8e27-6a5b-4f90-8e13-2b7c9d0f4a58', role: 'AGENT' };
let numbers = 0;

export class TicketStory {
  readonly ticketId = randomUUID();
  readonly number = `TCK-${String(++numbers + 100_000).padStart(6, '0')}`;
  private version = 0;
  private at: number;
  private snapshot: TicketSnapshot;

  constructor(
    customerId: string,
    kind: TicketKind = 'SERVICE_REQUEST',
    openedAt = '2026-03-02T08:00:00.000Z',
  ) {
    this.at = Date.parse(openedAt);
    this.snapshot = {
      ticketId: this.ticketId,
      number: this.number,
      kind,
      category: kind === 'FAULT' ? 'SYSTEM_FAULT' : null,
      channel: 'HOTLINE',
      priority: 'P3',
      status: 'NEW',
      customerId,
      assigneeId: null,
      departmentId: null,
      openedAt,
      acknowledgedAt: null,
      resolvedAt: null,
      closedAt: null,
      responseDueAt: null,
      resolutionDueAt: null,
      escalationLevel: 0,
    };
  }

  private next(status: TicketStatus, minutes = 10, changes: Partial<TicketSnapshot> = {}) {
    this.at += minutes * 60_000;
    this.snapshot = { ...this.snapshot, ...changes, status };
    return {
      aggregateId: this.ticketId,
      aggregateVersion: ++this.version,
      producer: 'ticket',
      actor: AGENT,
      occurredAt: new Date(this.at),
    };
  }

  private get now(): string {
    return new Date(this.at).toISOString();
  }

  opened(): TicketEvent {
    const fields = this.next('NEW', 0);
    return createEvent(TicketOpened, {
      ...fields,
      data: { ...this.snapshot, assetId: null, incidentId: null },
    });
  }

  acknowledged(): TicketEvent {
    const fields = this.next('ACKNOWLEDGED');
    this.snapshot.acknowledgedAt = this.now;
    return createEvent(TicketAcknowledged, {
      ...fields,
      data: { ...this.snapshot, firstResponseSeconds: 600 },
    });
  }

  assigned(assigneeId: string = randomUUID()): TicketEvent {
    const fields = this.next('ASSIGNED', 5, { assigneeId, departmentId: randomUUID() });
    return createEvent(TicketAssigned, {
      ...fields,
      data: {
        ...this.snapshot,
        previousAssigneeId: null,
        previousDepartmentId: null,
        collaboratingDepartmentIds: [],
      },
    });
  }

  internalNote(): TicketEvent {
    const fields = this.next(this.snapshot.status, 5);
    return createEvent(TicketProgressAdded, {
      ...fields,
      data: { ...this.snapshot, progressId: randomUUID(), visibility: 'INTERNAL', body: 'checked the logs' },
    });
  }

  resolved(): TicketEvent {
    const fields = this.next('RESOLVED', 60);
    this.snapshot.resolvedAt = this.now;
    return createEvent(TicketResolved, {
      ...fields,
      data: {
        ...this.snapshot,
        resolutionSummary: 'fixed',
        firstResponseSeconds: 600,
        resolutionSeconds: 4200,
        withinSla: true,
      },
    });
  }

  reopened(): TicketEvent {
    const fields = this.next('REOPENED', 30);
    return createEvent(TicketReopened, {
      ...fields,
      data: { ...this.snapshot, previousStatus: 'RESOLVED', reason: 'again' },
    });
  }

  surveySubmitted(overall: number): TicketEvent {
    const fields = this.next(this.snapshot.status, 120);
    return createEvent(TicketSurveySubmitted, {
      ...fields,
      data: {
        ...this.snapshot,
        surveyId: randomUUID(),
        overall,
        quality: overall,
        efficiency: overall,
        communication: overall,
        comment: null,
        submittedAt: this.now,
      },
    });
  }

  closed(): TicketEvent {
    const fields = this.next('CLOSED', 60);
    this.snapshot.closedAt = this.now;
    return createEvent(TicketClosed, {
      ...fields,
      data: { ...this.snapshot, closedBy: 'CUSTOMER_CONFIRMED' },
    });
  }
}
