// The only TypeORM access to the tables around a ticket (progress, plan, survey, complaint, review) and the reader
// of its audit trail. Reads take many ticket ids at once: they back the per-request DataLoaders.
import { AuditLog } from '@opsgraph/service-kit';
import { In, IsNull, type EntityManager } from 'typeorm';
import {
  ComplaintDetailsEntity,
  SuggestionReviewEntity,
  TicketPlanStepEntity,
  TicketProgressEntity,
  TicketSurveyEntity,
} from './ticket.entity';
import type { TicketStatus } from './ticket.lifecycle';
import { TICKET } from './ticket.repository';
import type {
  ComplaintDetails,
  HistoryAction,
  HistoryEntry,
  JsonObject,
  PlanStep,
  ProgressUpdate,
  ProgressVisibility,
  SuggestionDecision,
  SuggestionReview,
  Survey,
} from './ticket.records';

/** What a ticket's audit line records beyond the kit's columns (see toTicketChanges). */
interface TicketAuditChanges {
  readonly fromStatus: TicketStatus | null;
  readonly toStatus: TicketStatus;
  readonly details?: JsonObject;
}

export class TicketRecordsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The audit trail of each ticket, oldest first. */
  async history(ticketIds: readonly string[]): Promise<HistoryEntry[]> {
    const lines = await AuditLog.of(this.manager, TICKET.type, ticketIds);
    return lines.map((line) => {
      const changes = line.changes as unknown as TicketAuditChanges;
      return {
        id: line.id,
        ticketId: line.aggregateId,
        ticketVersion: line.aggregateVersion,
        action: line.action as HistoryAction,
        fromStatus: changes.fromStatus ?? null,
        toStatus: changes.toStatus,
        actorId: line.actorId,
        actorRole: line.actorRole,
        occurredAt: line.occurredAt,
        details: changes.details ?? {},
      };
    });
  }

  async insertProgress(update: ProgressUpdate): Promise<void> {
    await this.manager.insert(TicketProgressEntity, { ...update });
  }

  async progress(
    ticketIds: readonly string[],
    visibilities: readonly ProgressVisibility[],
  ): Promise<ProgressUpdate[]> {
    const rows = await this.manager.find(TicketProgressEntity, {
      where: { ticketId: In([...ticketIds]), visibility: In([...visibilities]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => ({ ...row, visibility: row.visibility as ProgressVisibility }));
  }

  async steps(ticketIds: readonly string[]): Promise<PlanStep[]> {
    return this.manager.find(TicketPlanStepEntity, {
      where: { ticketId: In([...ticketIds]) },
      order: { position: 'ASC' },
    });
  }

  /** Replaces the steps not done yet; done steps stay as they are. */
  async replaceOpenSteps(ticketId: string, steps: readonly PlanStep[]): Promise<void> {
    await this.manager.delete(TicketPlanStepEntity, { ticketId, doneAt: IsNull() });
    if (steps.length > 0)
      await this.manager.insert(
        TicketPlanStepEntity,
        steps.map((step) => ({ ...step })),
      );
  }

  async completeStep(stepId: string, doneAt: Date, doneBy: string | null): Promise<void> {
    await this.manager.update(TicketPlanStepEntity, { id: stepId }, { doneAt, doneBy });
  }

  async insertSurvey(survey: Survey): Promise<void> {
    await this.manager.insert(TicketSurveyEntity, { ...survey });
  }

  async surveys(ticketIds: readonly string[]): Promise<Survey[]> {
    return this.manager.find(TicketSurveyEntity, { where: { ticketId: In([...ticketIds]) } });
  }

  async saveComplaint(details: ComplaintDetails): Promise<void> {
    await this.manager.upsert(ComplaintDetailsEntity, { ...details }, ['ticketId']);
  }

  async complaints(ticketIds: readonly string[]): Promise<ComplaintDetails[]> {
    return this.manager.find(ComplaintDetailsEntity, { where: { ticketId: In([...ticketIds]) } });
  }

  async insertSuggestionReview(review: SuggestionReview): Promise<void> {
    await this.manager.insert(SuggestionReviewEntity, { ...review });
  }

  async suggestionReviews(ticketIds: readonly string[]): Promise<SuggestionReview[]> {
    const rows = await this.manager.find(SuggestionReviewEntity, { where: { ticketId: In([...ticketIds]) } });
    return rows.map((row) => ({ ...row, decision: row.decision as SuggestionDecision }));
  }
}
