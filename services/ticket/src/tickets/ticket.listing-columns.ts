// The columns behind each Ticket field a listing page can answer from its row alone (docs/architecture.md,
// "List reads"). A field not named here (sla, contact, availableCommands, anything loaded per ticket…) makes the
// page read whole rows, so the objects a projected page holds are only ever seen by these fields' resolvers.
import type { ColumnProjection } from '@opsgraph/persistence';

export const TICKET_LISTING_COLUMNS: ColumnProjection = {
  // The keyset cursor (created_at, id).
  always: ['id', 'created_at'],
  byField: {
    id: ['id'],
    number: ['number'],
    kind: ['kind'],
    category: ['category'],
    channel: ['channel'],
    subject: ['subject'],
    description: ['description'],
    urgency: ['urgency'],
    impact: ['impact'],
    priority: ['priority'],
    status: ['status'],
    escalationLevel: ['escalation_level'],
    promisedResolutionAt: ['promised_resolution_at'],
    acknowledgedAt: ['acknowledged_at'],
    resolvedAt: ['resolved_at'],
    closedAt: ['closed_at'],
    closeReason: ['close_reason'],
    resolutionSummary: ['resolution_summary'],
    reopenCount: ['reopen_count'],
    createdAt: ['created_at'],
    updatedAt: ['updated_at'],
    version: ['version'],
    customer: ['customer_id'],
    assignee: ['assignee_id'],
    department: ['department_id'],
    collaboratingDepartments: ['collaborating_department_ids'],
    asset: ['asset_id'],
    incident: ['incident_id'],
  },
};
