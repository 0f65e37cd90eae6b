// Bulk SQL that fills the three service databases (after their own migrations ran) with tickets and the read-model
// rows those tickets' events would have produced: the ticket service's `tickets`, the customer service's service
// history (`service_history_tickets` + the per-customer summary) and the HR service's KPI read model
// (`kpi_ticket_facts` + monthly counters per department and employee). Ids are derived from numbers (md5 → uuid), so
// the databases agree without passing ids around, and loading can grow a data set in stages (10k → 100k → 1M).
import { createHash } from 'node:crypto';
import { Client } from 'pg';

export const DEPARTMENTS = 12;
export const EMPLOYEES = 240;
/** The month the KPI query asks for: the first tickets' month, present at every size. */
export const KPI_MONTH = '2024-01';

export interface ServiceDatabases {
  ticket: string;
  customer: string;
  hrPerformance: string;
}

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
  timestamptz '2024-01-01 00:00:00+00' + i * interval '30 seconds' as created_at,
  1 + i % 5 as version`;

// Derived from the columns above (an outer select over `TICKET`).
const DERIVED = `
  t.*,
  case when t.status in ('NEW', 'ACKNOWLEDGED') then null else t.employee_id end as assignee_id,
  case when t.status <> 'NEW' then t.created_at + interval '10 minutes' end as acknowledged_at,
  case when t.status in ('RESOLVED', 'CLOSED') then t.created_at + interval '4 hours' end as resolved_at,
  case when t.status = 'CLOSED' then t.created_at + interval '1 day' end as closed_at,
  case when t.status = 'CLOSED' then 1 + (t.i / 3) % 5 end as satisfaction`;

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
    withClient(databases.hrPerformance, async (client) => {
      for (let start = from; start < to; start += chunk) {
        const end = Math.min(to, start + chunk);
        await client.query(`
          insert into kpi_ticket_facts (ticket_id, kind, handler_id, department_id, opened_at, acknowledged_at,
            resolved_at, snapshot_version, first_response_seconds, response_version, within_sla, resolution_seconds,
            resolution_version, satisfaction, survey_version, complaint_employee_id, complaint_department_id,
            complaint_version, last_event_at, intake_month, response_month, resolution_month, complaint_month)
          select id, kind, assignee_id, department_id, created_at, acknowledged_at, resolved_at, version,
                 case when acknowledged_at is not null then 600 end, version,
                 case when resolved_at is not null then i % 4 <> 0 end,
                 case when resolved_at is not null then 14400 end, version, satisfaction,
                 case when satisfaction is not null then version else 0 end, null, null, 0,
                 coalesce(closed_at, resolved_at, acknowledged_at, created_at),
                 to_char(created_at at time zone 'UTC', 'YYYY-MM'),
                 to_char(acknowledged_at at time zone 'UTC', 'YYYY-MM'),
                 to_char(resolved_at at time zone 'UTC', 'YYYY-MM'), null
            from ${ticketsBetween(String(start + 1), String(end))} s`);
      }
      for (const [table, subject, column] of [
        ['kpi_department_monthly', 'department_id', 'department_id'],
        ['kpi_employee_monthly', 'employee_id', 'handler_id'],
      ]) {
        await client.query(`
          insert into ${table} as k (${subject}, month, tickets_handled, tickets_handled_resolved, tickets_resolved,
            resolved_with_sla_known, resolved_within_sla, first_response_count, first_response_total_seconds,
            first_response_p90_seconds, survey_count, survey_score_total, complaints_against, last_event_at)
          select ${column}, intake_month, count(*), count(resolved_at), count(resolved_at), count(within_sla),
                 count(*) filter (where within_sla), count(first_response_seconds),
                 coalesce(sum(first_response_seconds), 0),
                 percentile_disc(0.9) within group (order by first_response_seconds), count(satisfaction),
                 coalesce(sum(satisfaction), 0), 0, max(last_event_at)
            from kpi_ticket_facts where ${column} is not null
           group by ${column}, intake_month
          on conflict (${subject}, month) do update set
            tickets_handled = excluded.tickets_handled, tickets_handled_resolved = excluded.tickets_handled_resolved,
            tickets_resolved = excluded.tickets_resolved, resolved_with_sla_known = excluded.resolved_with_sla_known,
            resolved_within_sla = excluded.resolved_within_sla, first_response_count = excluded.first_response_count,
            first_response_total_seconds = excluded.first_response_total_seconds,
            first_response_p90_seconds = excluded.first_response_p90_seconds, survey_count = excluded.survey_count,
            survey_score_total = excluded.survey_score_total, last_event_at = excluded.last_event_at`);
      }
      await client.query(
        'analyze kpi_ticket_facts; analyze kpi_department_monthly; analyze kpi_employee_monthly',
      );
    }),
  ]);
}

/** Row counts, to check a load (tickets, service-history rows, KPI facts). */
export async function loadedCounts(
  databases: ServiceDatabases,
): Promise<{ tickets: number; history: number; facts: number }> {
  const count = (url: string, table: string) =>
    withClient(url, async (client) =>
      Number((await client.query(`select count(*) as n from ${table}`)).rows[0].n),
    );
  const [tickets, history, facts] = await Promise.all([
    count(databases.ticket, 'tickets'),
    count(databases.customer, 'service_history_tickets'),
    count(databases.hrPerformance, 'kpi_ticket_facts'),
  ]);
  return { tickets, history, facts };
}
