// The only TypeORM access to the tables around a ticket (history, progress, plan, survey, complaint, review).
// Reads take many ticket ids at once: they back the per-request DataLoaders.
import { In, IsNull, type EntityManager } from 'typeorm';
import {
  ComplaintDetailsEntity,
  SuggestionReviewEntity,
  TicketHistoryEntity,
  TicketPlanStepEntity,
  TicketProgressEntity,
  TicketSurveyEntity,
} from './ticket.entity';
import type { TicketStatus } from './ticket.lifecycle';
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

export type NewHistoryEntry = Omit<HistoryEntry, 'id'>;

export class TicketRecordsRepository {
  constructor(private readonly manager: EntityManager) {}

  async appendHistory(entries: readonly NewHistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.manager.insert(
      TicketHistoryEntity,
      entries.map((entry) => ({ ...entry })),
    );
  }

  async history(ticketIds: readonly string[]): Promise<HistoryEntry[]> {
    const rows = await this.manager.find(TicketHistoryEntity, {
      where: { ticketId: In([...ticketIds]) },
      order: { id: 'ASC' },
    });
    return rows.map((row) => ({
      ...row,
      action: row.action as HistoryAction,
      fromStatus: row.fromStatus as TicketStatus | null,
      toStatus: row.toStatus as TicketStatus,
      details: row.details as JsonObject,
    }));
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
