// Bulk SQL that fills the service databases (after their own migrations ran) with tickets and the read-model
// rows those tickets' events would have produced: the ticket service's `tickets`, the customer service's service
// history (`service_history_tickets` + the per-customer summary) and, when it runs, the KPI engine's
// (`kpi_ticket_facts` with the engine's fact documents, the department tree, and the day cells of the OVERALL,
// DEPARTMENT and EMPLOYEE dimensions exactly as the engine's contributions would sum them, DDSketches included in
// the engine's stored form). Ids are derived from numbers (md5 → uuid), so the databases agree without passing ids
// around, and loading can grow a data set in stages (10k → 100k → 1M).
import { createHash } from 'node:crypto';
import { Client } from 'pg';

export const DEPARTMENTS = 12;
export const EMPLOYEES = 240;
/** The month the KPI query asks for: every size has tickets on each of its days. */
export const KPI_MONTH = '2024-01';
/**
 * Ticket i is opened (i · 7919 mod this) seconds into 2024: spread over the year at every size (7919 is prime to it,
 * so no two tickets share a second), so a month holds about a twelfth of the tickets — 10× more at each stage — and
 * every day of it has tickets from the smallest stage on (a month's cells do not fill up between stages).
 */
const YEAR_SECONDS = 365 * 86_400;
/** Ticket i's opening time (SQL over the generate_series value `i`); the gateway part's baseline loads with it too. */
export const TICKET_OPENED_AT = `timestamptz '2024-01-01 00:00:00+00' + ((i * 7919) % ${YEAR_SECONDS}) * interval '1 second'`;

export interface ServiceDatabases {
  ticket: string;
  customer: string;
  hrPerformance: string;
  /** The KPI engine's database when the KPI subgraph runs (the scale part). */
  kpi?: string;
}

/** The KPI engine's sketch accuracy (services/kpi/src/sketch/ddsketch.ts): bin of v = ⌈ln v / ln γ⌉. */
const KPI_SKETCH_ALPHA = 0.01;
const KPI_SKETCH_LOG_GAMMA = `ln(${(1 + KPI_SKETCH_ALPHA) / (1 - KPI_SKETCH_ALPHA)}::float8)`;
/** An instant as the engine's facts and cells keep it: ISO 8601, milliseconds, Z. */
const isoSql = (column: string) => `to_char((${column}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const departmentId = (n: number) => uuidSql(`bench-d${n}`);
export const customerId = (n: number) => uuidSql(`bench-c${n}`);

/** The uuid the SQL below derives from a label, md5(label)::uuid, computed in JavaScript. */
function uuidSql(label: string): string {
  const hex = createHash('md5').update(label).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Customers that exist once `tickets` tickets are loaded (one per 20 tickets, at least 50). */
export const customersFor = (tickets: number) => Math.max(50, Math.ceil(tickets / 20));

// Ticket number i → its columns, shared by the three databases' inserts (`i` is the generate_series value).
const TICKET = `
  md5('bench-t' || i)::uuid as id,
  'TCK-' || lpad(i::text, 7, '0') as number,
  (array['SERVICE_REQUEST','FAULT','CONSULTATION','COMPLAINT','SUGGESTION'])[1 + i % 5] as kind,
  case when i % 5 = 1 then (array['SYSTEM_FAULT','FUNCTION_ANOMALY','DATA_ISSUE','OTHER'])[1 + (i / 5) % 4] end as category,
  (array['PHONE','EMAIL','WEB','APP','ONLINE_CHAT','SOCIAL_MEDIA','HOTLINE','WALK_IN'])[1 + i % 8] as channel,
  (array['P1','P2','P3','P4'])[1 + (i / 3) % 4] as priority,
  (array['NEW','NEW','ACKNOWLEDGED','ASSIGNED','IN_PROGRESS','IN_PROGRESS','PENDING_CUSTOMER','RESOLVED','RESOLVED','CLOSED'])[1 + (i / 7) % 10] as status,
  md5('bench-c' || (1 + (i * 7919) % greatest(50, ceil(i / 20.0)::bigint)))::uuid as customer_id,
  md5('bench-d' || (1 + i % ${DEPARTMENTS}))::uuid as department_id,
  md5('bench-e' || (1 + i % ${DEPARTMENTS} + ${DEPARTMENTS} * ((i / ${DEPARTMENTS}) % ${EMPLOYEES / DEPARTMENTS})))::uuid as employee_id,
  ${TICKET_OPENED_AT} as created_at,
  1 + i % 5 as version`;

// Derived from the columns above (an outer select over `TICKET`).
const DERIVED = `
  t.*,
  case when t.status in ('NEW', 'ACKNOWLEDGED') then null else t.employee_id end as assignee_id,
  case when t.status <> 'NEW' then t.created_at + interval '10 minutes' end as acknowledged_at,
  case when t.status in ('RESOLVED', 'CLOSED') then t.created_at + interval '4 hours' end as resolved_at,
  case when t.status = 'CLOSED' then t.created_at + interval '1 day' end as closed_at,
  case when t.status = 'CLOSED' then 1 + (t.i / 3) % 5 end as satisfaction,
  case when t.status <> 'NEW' then 60 + (t.i * 7919) % 3541 end as first_response_seconds`;

const ticketsBetween = (from: string, to: string) =>
  `(select d.* from (select i, ${TICKET} from generate_series(${from}::bigint, ${to}::bigint) as i) t,
     lateral (select ${DERIVED}) d)`;

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'bench-bulk-load' });
  await client.connect();
  try {
    await client.query('set statement_timeout = 0');
    await client.query('set synchronous_commit = off');
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The organisation (departments, employees) the tickets refer to; once per data set. */
export async function loadOrganisation(databases: ServiceDatabases): Promise<void> {
  await withClient(databases.hrPerformance, async (client) => {
    await client.query(`
      insert into departments (id, code, name, parent_id, manager_id, version, created_at, updated_at)
      select md5('bench-d' || d)::uuid, 'BENCH-' || d, 'Bench department ' || d,
             case when d = 1 then null else md5('bench-d1')::uuid end, null, 1, now(), now()
        from generate_series(1, ${DEPARTMENTS}) as d`);
    await client.query(`
      insert into employees (id, employee_number, name, position, department_id, manager_id, hire_date, left_date,
                             status, version, created_at, updated_at)
      select md5('bench-e' || e)::uuid, 'EMP-' || lpad(e::text, 6, '0'), 'Bench employee ' || e,
             (array['CS_SPECIALIST', 'TECHNICIAN'])[1 + e % 2], md5('bench-d' || (1 + (e - 1) % ${DEPARTMENTS}))::uuid,
             null, date '2023-01-01', null, 'ACTIVE', 1, now(), now()
        from generate_series(1, ${EMPLOYEES}) as e`);
  });
  if (databases.kpi) {
    await withClient(databases.kpi, (client) =>
      client.query(`
        insert into kpi_departments (department_id, parent_id, version)
        select md5('bench-d' || d)::uuid, case when d = 1 then null else md5('bench-d1')::uuid end, 1
          from generate_series(1, ${DEPARTMENTS}) as d`),
    );
  }
}

/**
 * Adds tickets `from + 1 … to` (and the customers they need) to every database, with their read-model rows, then
 * recomputes the pre-aggregated summaries and refreshes the planner statistics. `onProgress` after each chunk.
 */
export async function loadTickets(
  databases: ServiceDatabases,
  from: number,
  to: number,
  onProgress: (loaded: number) => void = () => undefined,
): Promise<void> {
  const chunk = 100_000;
  await Promise.all([
    withClient(databases.ticket, async (client) => {
      for (let start = from; start < to; start += chunk) {
        const end = Math.min(to, start + chunk);
        await client.query(`
          insert into tickets (id, number, kind, category, channel, subject, description, customer_id, contact_name,
            contact_phone, contact_email, urgency, impact, priority, status, department_id, assignee_id,
            collaborating_department_ids, escalation_level, asset_id, incident_id, promised_resolution_at,
            acknowledged_at, resolved_at, closed_at, close_reason, resolution_summary, reopen_count, sla_started_at,
            response_due_at, resolution_due_at, sla_paused_since, sla_paused_seconds, response_breached_at,
            resolution_breached_at, created_at, updated_at, version)
          select id, number, kind, category, channel,
                 (array['Portal answers 502 at sign-in', 'Invoice PDF is empty', 'Router keeps rebooting',
                        'Cannot reset my password', 'Report totals do not match'])[1 + i % 5] || ' (' || number || ')',
                 'Reported through the bench loader, ticket ' || number, customer_id, 'Contact ' || i, null,
                 'contact' || i || '@example.com', (array['HIGH','MEDIUM','LOW'])[1 + i % 3],
                 (array['HIGH','MEDIUM','LOW'])[1 + (i / 3) % 3], priority, status, department_id, assignee_id,
                 '{}', 0, null, null, null, acknowledged_at, resolved_at, closed_at,
                 case when status = 'CLOSED' then 'AGENT' end,
                 case when resolved_at is not null then 'Fixed and confirmed with the customer' end, 0, created_at,
                 created_at + interval '1 hour', created_at + interval '8 hours', null, 0, null, null, created_at,
                 coalesce(closed_at, resolved_at, acknowledged_at, created_at), version
            from ${ticketsBetween(String(start + 1), String(end))} s`);
        onProgress(end);
      }
      await client.query('analyze tickets');
    }),
    withClient(databases.customer, async (client) => {
      await client.query(`
        insert into customers (id, code, name, type, tier, tags, preferred_channel, language, consent_marketing,
          consent_surveys, consent_revisits, consents_updated_at, last_revisit_at, created_by, created_at, updated_at,
          version)
        select md5('bench-c' || c)::uuid, 'C-B' || lpad(c::text, 7, '0'), 'Bench customer ' || c || ' Co., Ltd.',
               case when c % 3 = 0 then 'INDIVIDUAL' else 'ORGANIZATION' end,
               (array['STANDARD', 'KEY_ACCOUNT', 'VIP'])[1 + c % 3], '{}', null, null, false, true, true, null, null,
               'bench', now(), now(), 1
          from generate_series(${from === 0 ? 1 : customersFor(from) + 1}, ${customersFor(to)}) as c`);
      for (let start = from; start < to; start += chunk) {
        const end = Math.min(to, start + chunk);
        await client.query(`
          insert into service_history_tickets (ticket_id, customer_id, number, kind, status, opened_at,
            snapshot_version, last_contact_at, satisfaction, survey_version)
          select id, customer_id, number, kind, status, created_at, version,
                 coalesce(closed_at, resolved_at, acknowledged_at, created_at), satisfaction,
                 case when satisfaction is not null then version end
            from ${ticketsBetween(String(start + 1), String(end))} s`);
      }
      await client.query(`
        insert into customer_service_history as h (customer_id, tickets_total, tickets_open, complaints,
          satisfaction_sum, satisfaction_count, last_contact_at, last_complaint_ticket_id, last_complaint_number,
          last_complaint_at)
        select t.customer_id, count(*), count(*) filter (where t.status not in ('RESOLVED', 'CLOSED')),
               count(*) filter (where t.kind = 'COMPLAINT'), coalesce(sum(t.satisfaction), 0), count(t.satisfaction),
               max(t.last_contact_at), c.ticket_id, c.number, c.opened_at
          from service_history_tickets t
          left join lateral (
            select x.ticket_id, x.number, x.opened_at from service_history_tickets x
             where x.customer_id = t.customer_id and x.kind = 'COMPLAINT'
             order by x.opened_at desc, x.ticket_id desc limit 1) c on true
         group by t.customer_id, c.ticket_id, c.number, c.opened_at
        on conflict (customer_id) do update set
          tickets_total = excluded.tickets_total, tickets_open = excluded.tickets_open,
          complaints = excluded.complaints, satisfaction_sum = excluded.satisfaction_sum,
          satisfaction_count = excluded.satisfaction_count, last_contact_at = excluded.last_contact_at,
          last_complaint_ticket_id = excluded.last_complaint_ticket_id,
          last_complaint_number = excluded.last_complaint_number, last_complaint_at = excluded.last_complaint_at`);
      await client.query(
        'analyze customers; analyze service_history_tickets; analyze customer_service_history',
      );
    }),
    ...(databases.kpi ? [loadKpiEngine(databases.kpi, from, to)] : []),
  ]);
}

/**
 * The KPI engine's facts for tickets `from + 1 … to`, then every day cell of the OVERALL, DEPARTMENT and EMPLOYEE
 * dimensions recomputed from all the facts: what the engine's contributions sum to (intake on the opening day, the
 * first response on the acknowledgement's, resolution, SLA and survey on the resolution's; each sketch a multiset of
 * bins; the latest event on department and employee cells).
 */
async function loadKpiEngine(url: string, from: number, to: number): Promise<void> {
  const chunk = 100_000;
  await withClient(url, async (client) => {
    for (let start = from; start < to; start += chunk) {
      const end = Math.min(to, start + chunk);
      await client.query(`
        insert into kpi_ticket_facts (ticket_id, fact, opened_at, acknowledged_at, resolved_at, done,
          response_due_at, resolution_due_at, customer_id)
        select id, jsonb_build_object(
                 'ticketId', id, 'kind', kind, 'category', category, 'channel', channel, 'customerId', customer_id,
                 'customerTier', null, 'assigneeId', assignee_id, 'departmentId', department_id,
                 'openedAt', ${isoSql('created_at')}, 'acknowledgedAt', ${isoSql('acknowledged_at')},
                 'resolvedAt', ${isoSql('resolved_at')}, 'status', status,
                 'responseDueAt', ${isoSql("created_at + interval '1 hour'")},
                 'resolutionDueAt', ${isoSql("created_at + interval '8 hours'")},
                 'snapshotVersion', version, 'firstResponseSeconds', first_response_seconds,
                 'responseVersion', case when first_response_seconds is null then 0 else version end,
                 'resolutionSeconds', case when resolved_at is not null then 14400 end,
                 'withinSla', case when resolved_at is not null then i % 4 <> 0 end,
                 'resolutionVersion', case when resolved_at is not null then version else 0 end,
                 'satisfaction', satisfaction,
                 'surveyVersion', case when satisfaction is not null then version else 0 end,
                 'reopenVersions', '[]'::jsonb, 'mergedIntoId', null, 'complaintEmployeeId', null,
                 'complaintDepartmentId', null, 'complaintVersion', 0,
                 'lastEventAt', ${isoSql('coalesce(closed_at, resolved_at, acknowledged_at, created_at)')}),
               created_at, acknowledged_at, resolved_at, status in ('RESOLVED', 'CLOSED'),
               created_at + interval '1 hour', created_at + interval '8 hours', customer_id
          from ${ticketsBetween(String(start + 1), String(end))} s`);
    }
    await client.query('delete from kpi_day_cells');
    await client.query('drop table if exists bench_parts');
    // One row per fact, dimension and measured part (I intake, R first response, S resolution), on its UTC day.
    await client.query(`
      create temp table bench_parts as
      select d.kind, d.value, p.part, p.day, f.frs, f.rs, f.sla, f.sat, f.resolved, f.complaint, f.last
        from (select fact->>'departmentId' as dep, fact->>'assigneeId' as emp, opened_at, acknowledged_at,
                     resolved_at, (fact->>'firstResponseSeconds')::float8 as frs,
                     (fact->>'resolutionSeconds')::float8 as rs, (fact->>'withinSla')::boolean as sla,
                     (fact->>'satisfaction')::int as sat, resolved_at is not null as resolved,
                     fact->>'kind' = 'COMPLAINT' as complaint, fact->>'lastEventAt' as last
                from kpi_ticket_facts where fact->>'mergedIntoId' is null) f
        cross join lateral (values ('OVERALL', '*'), ('DEPARTMENT', f.dep), ('EMPLOYEE', f.emp)) as d(kind, value)
        cross join lateral (values
          ('I', (f.opened_at at time zone 'UTC')::date),
          ('R', case when f.frs is not null then (f.acknowledged_at at time zone 'UTC')::date end),
          ('S', (f.resolved_at at time zone 'UTC')::date)) as p(part, day)
       where d.value is not null and p.day is not null`);
    // Each sketch as the engine stores it (SketchData): comma-separated counts from the lowest key up, a run of empty
    // bins as −n.
    const bins = (part: string, column: string) => `
      (select kind, value, day, min(key) as lo,
              string_agg(v.x::text, ',' order by key, v.step) filter (where v.x is not null) as counts
         from (select kind, value, day, key, n,
                      key - lag(key) over (partition by kind, value, day order by key) - 1 as gap
                 from (select kind, value, day, ceil(ln(${column}) / ${KPI_SKETCH_LOG_GAMMA})::int as key,
                              count(*) as n
                         from bench_parts where part = '${part}' and ${column} > 0 group by 1, 2, 3, 4) k) g
         cross join lateral (values (0, case when g.gap > 0 then -g.gap end), (1, g.n)) as v(step, x)
        group by 1, 2, 3)`;
    const sketch = (zero: string, binsOf: string) =>
      `jsonb_build_object('alpha', ${KPI_SKETCH_ALPHA}, 'zeroCount', ${zero},
         'offset', coalesce(${binsOf}.lo, 0), 'counts', coalesce(${binsOf}.counts, ''))`;
    await client.query(`
      insert into kpi_day_cells (dimension_kind, dimension_value, day, counters, definition_version)
      select c.kind, c.value, c.day, jsonb_build_object(
               'intake', c.intake, 'intakeResolved', c.intake_resolved, 'complaints', c.complaints, 'reopened', 0,
               'responses', c.responses, 'responseSecondsTotal', c.response_total,
               'responseSketch', ${sketch('c.response_zero', 'rb')},
               'resolved', c.resolved, 'resolutionSecondsTotal', c.resolution_total,
               'resolutionSketch', ${sketch('c.resolution_zero', 'sb')},
               'slaKnown', c.sla_known, 'slaBreached', c.sla_breached, 'surveys', c.surveys,
               'surveyScoreTotal', c.survey_total, 'surveyDistribution', jsonb_build_array(c.s1, c.s2, c.s3, c.s4, c.s5),
               'complaintsAgainst', 0, 'lastEventAt', case when c.kind = 'OVERALL' then null else c.last end), 1
        from (select kind, value, day,
                     count(*) filter (where part = 'I') as intake,
                     count(*) filter (where part = 'I' and resolved) as intake_resolved,
                     count(*) filter (where part = 'I' and complaint) as complaints,
                     count(*) filter (where part = 'R') as responses,
                     coalesce(sum(frs) filter (where part = 'R'), 0) as response_total,
                     count(*) filter (where part = 'R' and frs = 0) as response_zero,
                     count(*) filter (where part = 'S') as resolved,
                     coalesce(sum(rs) filter (where part = 'S'), 0) as resolution_total,
                     count(*) filter (where part = 'S' and rs = 0) as resolution_zero,
                     count(*) filter (where part = 'S' and sla is not null) as sla_known,
                     count(*) filter (where part = 'S' and not sla) as sla_breached,
                     count(*) filter (where part = 'S' and sat is not null) as surveys,
                     coalesce(sum(sat) filter (where part = 'S'), 0) as survey_total,
                     count(*) filter (where part = 'S' and sat = 1) as s1,
                     count(*) filter (where part = 'S' and sat = 2) as s2,
                     count(*) filter (where part = 'S' and sat = 3) as s3,
                     count(*) filter (where part = 'S' and sat = 4) as s4,
                     count(*) filter (where part = 'S' and sat = 5) as s5,
                     max(last) as last
                from bench_parts group by kind, value, day) c
        left join ${bins('R', 'frs')} rb using (kind, value, day)
        left join ${bins('S', 'rs')} sb using (kind, value, day)`);
    await client.query('drop table bench_parts');
    await client.query('analyze kpi_ticket_facts; analyze kpi_day_cells; analyze kpi_departments');
  });
}

/** Row counts, to check a load (tickets, service-history rows, KPI facts). */
export async function loadedCounts(
  databases: ServiceDatabases,
): Promise<{ tickets: number; history: number; kpiFacts: number | null }> {
  const count = (url: string, table: string) =>
    withClient(url, async (client) =>
      Number((await client.query(`select count(*) as n from ${table}`)).rows[0].n),
    );
  const [tickets, history, kpiFacts] = await Promise.all([
    count(databases.ticket, 'tickets'),
    count(databases.customer, 'service_history_tickets'),
    databases.kpi ? count(databases.kpi, 'kpi_ticket_facts') : null,
  ]);
  return { tickets, history, kpiFacts };
}
