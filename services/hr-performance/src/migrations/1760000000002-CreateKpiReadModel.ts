import { sqlMigration } from '@opsgraph/persistence';

const COUNTERS = `
  tickets_handled int not null,
  tickets_handled_resolved int not null,
  tickets_resolved int not null,
  resolved_with_sla_known int not null,
  resolved_within_sla int not null,
  first_response_count int not null,
  first_response_total_seconds bigint not null,
  first_response_p90_seconds int null,
  survey_count int not null,
  survey_score_total int not null,
  complaints_against int not null,
  last_event_at timestamptz not null`;

/**
 * The KPI read model fed by the ticket topic: one fact row per ticket (each part with the aggregateVersion it came
 * from) and the monthly figures per employee and per department derived from those facts. No wall-clock columns:
 * a replay rebuilds byte-identical tables.
 */
export const KPI_READ_MODEL_UP = [
  `
      create table kpi_ticket_facts (
        ticket_id uuid primary key,
        kind text not null,
        handler_id uuid null,
        department_id uuid null,
        opened_at timestamptz not null,
        acknowledged_at timestamptz null,
        resolved_at timestamptz null,
        snapshot_version int not null,
        first_response_seconds int null,
        response_version int not null,
        within_sla boolean null,
        resolution_seconds int null,
        resolution_version int not null,
        satisfaction smallint null,
        survey_version int not null,
        complaint_employee_id uuid null,
        complaint_department_id uuid null,
        complaint_version int not null,
        last_event_at timestamptz not null,
        intake_month text not null,
        response_month text null,
        resolution_month text null,
        complaint_month text null
      )`,
  ...['handler_id', 'department_id'].flatMap((subject) =>
    ['intake_month', 'response_month', 'resolution_month'].map(
      (month) =>
        `create index kpi_ticket_facts_${subject}_${month}_idx on kpi_ticket_facts (${subject}, ${month})`,
    ),
  ),
  'create index kpi_ticket_facts_complaint_employee_idx on kpi_ticket_facts (complaint_employee_id, complaint_month)',
  'create index kpi_ticket_facts_complaint_department_idx on kpi_ticket_facts (complaint_department_id, complaint_month)',
  `
      create table kpi_employee_monthly (
        employee_id uuid not null,
        month text not null,
        ${COUNTERS},
        primary key (employee_id, month)
      )`,
  `
      create table kpi_department_monthly (
        department_id uuid not null,
        month text not null,
        ${COUNTERS},
        primary key (department_id, month)
      )`,
];

export const CreateKpiReadModel1760000000002 = sqlMigration({
  name: 'CreateKpiReadModel1760000000002',
  up: KPI_READ_MODEL_UP,
  down: [
    'drop table kpi_department_monthly',
    'drop table kpi_employee_monthly',
    'drop table kpi_ticket_facts',
  ],
});
