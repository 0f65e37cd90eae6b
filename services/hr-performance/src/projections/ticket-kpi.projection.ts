import { ticketEventDefinitions, type TicketEvent } from '@opsgraph/contracts-events';
import { defineProjection, type Projection } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import {
  aggregateKpi,
  departmentSubject,
  employeeSubject,
  isEmptyCounters,
  type KpiSubject,
} from '../kpi/kpi.math';
import { affectedKeys, applyTicketEvent, toKpiFact, type KpiKey, type TicketFact } from './ticket-kpi.rules';
import { KPI_TABLES, TicketKpiRepository, type MonthlyTable } from './ticket-kpi.repository';

/**
 * Ticket events → per-ticket facts → monthly KPI rows per employee and department.
 *
 * Runs inside the consumer's transaction (which also records the events in processed_events): a redelivered event
 * is skipped there, and one that slips through (e.g. the same event under a new id) changes nothing, because every
 * part of a fact is guarded by the aggregateVersion it came from. Affected monthly rows are recomputed from the
 * facts, never incremented, so the tables are a function of the set of events seen — whatever their order.
 */
export class TicketKpiProjection {
  constructor(private readonly timeZone: string) {}

  handle = (event: TicketEvent, manager: EntityManager): Promise<void> => this.handleBatch([event], manager);

  handleBatch = async (events: readonly TicketEvent[], manager: EntityManager): Promise<void> => {
    const byTicket = new Map<string, TicketEvent[]>();
    for (const event of events) {
      const list = byTicket.get(event.aggregateId) ?? [];
      list.push(event);
      byTicket.set(event.aggregateId, list);
    }
    if (byTicket.size === 0) return;

    const stored = await new TicketKpiRepository(manager).lockFacts([...byTicket.keys()]);
    const employees = new Map<string, KpiKey>();
    const departments = new Map<string, KpiKey>();
    for (const [ticketId, ticketEvents] of byTicket) {
      const before = stored.get(ticketId) ?? null;
      const after = ticketEvents.reduce<TicketFact | null>(
        (fact, event) => applyTicketEvent(fact, event),
        before,
      );
      if (after === null || after === before) continue;
      const afterKpi = toKpiFact(after, this.timeZone);
      await new TicketKpiRepository(manager).saveFact(after, afterKpi);
      const keys = affectedKeys(before && toKpiFact(before, this.timeZone), afterKpi);
      for (const key of keys.employees) employees.set(`${key.subjectId}|${key.month}`, key);
      for (const key of keys.departments) departments.set(`${key.subjectId}|${key.month}`, key);
    }
    await new TicketKpiRepository(manager).lockKeys([
      ...[...employees.keys()].map((key) => `kpi:employee:${key}`),
      ...[...departments.keys()].map((key) => `kpi:department:${key}`),
    ]);
    for (const key of employees.values()) {
      const facts = await new TicketKpiRepository(manager).factsForEmployee(key.subjectId, key.month);
      await this.write(manager, 'kpi_employee_monthly', key, facts, employeeSubject(key.subjectId));
    }
    for (const key of departments.values()) {
      const facts = await new TicketKpiRepository(manager).factsForDepartments([key.subjectId], key.month);
      await this.write(manager, 'kpi_department_monthly', key, facts, departmentSubject([key.subjectId]));
    }
  };

  private async write(
    manager: EntityManager,
    table: MonthlyTable,
    key: KpiKey,
    facts: readonly TicketFact[],
    subject: KpiSubject,
  ): Promise<void> {
    const counters = aggregateKpi(
      facts.map((fact) => toKpiFact(fact, this.timeZone)),
      key.month,
      subject,
    );
    await new TicketKpiRepository(manager).writeMonthly(
      table,
      key,
      isEmptyCounters(counters) ? null : counters,
    );
  }
}

/** The projection as the kit runs it: consumer `hr-performance-ticket-kpi`, replayable, in the zone's months. */
export function ticketKpiProjection(timeZone: string): Projection {
  const projection = new TicketKpiProjection(timeZone);
  return defineProjection({
    name: 'ticket-kpi',
    topics: ['ticket'],
    handles: ticketEventDefinitions.map((definition) => definition.type),
    handle: projection.handle,
    handleBatch: projection.handleBatch,
    tables: KPI_TABLES,
  });
}
