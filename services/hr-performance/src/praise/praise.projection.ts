// Praise letters (表揚, P0 §三(二)3) from the ticket topic: who a PRAISE ticket credits, by the month it was first
// credited in the KPI time zone. Consumer `hr-performance-praise`.
import { TicketPraiseCredited } from '@opsgraph/contracts-events';
import { defineProjection, type Projection } from '@opsgraph/service-kit';
import { monthOf } from '../calendar/month';
import { PRAISE_TABLES, PraiseRepository } from './praise.repository';

export function praiseProjection(timeZone: string): Projection {
  return defineProjection({
    name: 'praise',
    topics: ['ticket'],
    handles: [TicketPraiseCredited.type],
    handle: (event, manager) =>
      new PraiseRepository(manager).credit(
        event.aggregateId,
        event.data.employeeIds,
        monthOf(event.occurredAt, timeZone),
        event.aggregateVersion,
      ),
    tables: PRAISE_TABLES,
  });
}
