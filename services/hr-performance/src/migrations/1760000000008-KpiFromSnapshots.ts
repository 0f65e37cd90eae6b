import { sqlMigration } from '@opsgraph/persistence';
import { KPI_READ_MODEL_UP } from './1760000000002-CreateKpiReadModel';

/**
 * Appraisals and training effects read the KPI service's month snapshots of employees (opsgraph.kpi.snapshots.v1,
 * kpi-snapshots/month-figures.rules.ts): one row per employee and month, the close or the latest live update. The
 * ticket KPI read model it replaces (facts, monthly figures per employee and department) is dropped with the
 * consumer's processed events; `down` recreates it empty (replay `ticket-kpi` of an older release to refill it).
 */
export const KpiFromSnapshots1760000000008 = sqlMigration({
  name: 'KpiFromSnapshots1760000000008',
  up: [
    `create table kpi_employee_months (
        employee_id uuid not null,
        month text not null,
        source text not null check (source in ('CLOSED', 'LIVE')),
        as_of timestamptz not null,
        tickets int not null,
        tickets_resolved int not null,
        resolution_rate double precision null,
        sla_breach_rate double precision null,
        complaints_against int not null,
        survey_count int not null,
        csat_average double precision null,
        primary key (employee_id, month)
      )`,
    'drop table kpi_department_monthly',
    'drop table kpi_employee_monthly',
    'drop table kpi_ticket_facts',
    "delete from processed_events where consumer = 'hr-performance-ticket-kpi'",
  ],
  down: [
    ...KPI_READ_MODEL_UP,
    'alter table kpi_ticket_facts add column merged_into_id uuid',
    'drop table kpi_employee_months',
  ],
});
