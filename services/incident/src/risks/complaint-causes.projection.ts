// Complaints feed risks (docs/product.md §5 "Complaints feed risks"): each `ticket.complaint_cause_recurring` on the
// ticket topic becomes, or updates, the cause's risk suggestion. Consumer `incident-complaint-causes`.
import { TicketComplaintCauseRecurring } from '@opsgraph/contracts-events';
import { defineProjection } from '@opsgraph/service-kit';
import { complaintRiskSuggestion } from './complaint-cause.rules';
import { RiskSuggestionRepository } from './risk-suggestion.repository';

export const complaintCausesProjection = defineProjection({
  name: 'complaint-causes',
  topics: ['ticket'],
  handles: [TicketComplaintCauseRecurring.type],
  handle: async (event, manager) => {
    const suggestions = new RiskSuggestionRepository(manager);
    const suggestion = complaintRiskSuggestion(event.data, await suggestions.complaintRisks());
    // The event's own time, so that a replay rebuilds the same rows.
    await suggestions.put(event.data, suggestion, new Date(event.occurredAt));
  },
  tables: ['risk_suggestions'],
});
