// SQL of the KPI read model: ticket facts and day cells.
import type { EntityManager } from 'typeorm';
import type { CellCounters, Dimension } from './cell.rules';
import { addDays, type Day } from './period.rules';
import type { TicketFact } from './ticket-fact.rules';

export const KPI_ENGINE_TABLES = ['kpi_ticket_facts', 'kpi_day_cells'];

export interface CellKey {
  dimension: Dimension;
  day: Day;
}

/** The fact's field each dimension cuts by; OVERALL takes every fact. */
const DIMENSION_FIELDS: Record<Dimension['kind'], keyof TicketFact | null> = {
  OVERALL: null,
  DEPARTMENT: 'departmentId',
  EMPLOYEE: 'assigneeId',
  CHANNEL: 'channel',
  KIND: 'kind',
  CATEGORY: 'category',
  CUSTOMER_TIER: 'customerTier',
  ASSET_CATEGORY: null,
  INCIDENT_SEVERITY: null,
};

export const cellKeyText = (key: CellKey): string =>
  `${key.dimension.kind}|${key.dimension.value}|${key.day}`;

export class CellsRepository {
  /** `table`: the ticket cells, or the asset-fault and incident cells (`kpi_ops_day_cells`), same shape. */
  constructor(
    private readonly manager: EntityManager,
    private readonly table: 'kpi_day_cells' | 'kpi_ops_day_cells' = 'kpi_day_cells',
  ) {}

  /** Serialises work on the same tickets across consumers (a row lock cannot cover a fact not yet written). */
  async lockFacts(ticketIds: readonly string[]): Promise<Map<string, TicketFact>> {
    for (const id of [...ticketIds].sort()) {
      await this.manager.query('select pg_advisory_xact_lock(hashtextextended($1, 15))', [`kpi-fact:${id}`]);
    }
    const rows: Array<{ fact: TicketFact }> = await this.manager.query(
      'select fact from kpi_ticket_facts where ticket_id = any($1)',
      [ticketIds],
    );
    return new Map(rows.map((row) => [row.fact.ticketId, row.fact]));
  }

  async saveFact(fact: TicketFact): Promise<void> {
    await this.manager.query(
      `insert into kpi_ticket_facts (ticket_id, fact, opened_at, acknowledged_at, resolved_at, done, response_due_at,
         resolution_due_at, customer_id) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (ticket_id) do update set fact = excluded.fact, opened_at = excluded.opened_at,
         acknowledged_at = excluded.acknowledged_at, resolved_at = excluded.resolved_at, done = excluded.done,
         response_due_at = excluded.response_due_at, resolution_due_at = excluded.resolution_due_at,
         customer_id = excluded.customer_id`,
      [
        fact.ticketId,
        JSON.stringify(fact),
        fact.openedAt,
        fact.acknowledgedAt,
        fact.resolvedAt,
        fact.status === 'RESOLVED' || fact.status === 'CLOSED',
        fact.responseDueAt,
        fact.resolutionDueAt,
        fact.customerId ?? null,
      ],
    );
  }

  /** Serialises the tier lookups and changes of these customers across consumers (sorted: no deadlock). */
  async lockCustomers(customerIds: readonly string[]): Promise<void> {
    for (const id of [...new Set(customerIds)].sort()) {
      await this.manager.query('select pg_advisory_xact_lock(hashtextextended($1, 15))', [
        `kpi-customer:${id}`,
      ]);
    }
  }

  /** The current tier of each known customer (the customer topic's newest version). */
  async tiersOf(customerIds: readonly string[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; tier: string }> = await this.manager.query(
      'select customer_id::text as id, tier from kpi_customers where customer_id = any($1)',
      [customerIds],
    );
    return new Map(rows.map((row) => [row.id, row.tier]));
  }

  /** The facts of one customer, locked per ticket like `lockFacts`. */
  async lockFactsOfCustomer(customerId: string): Promise<TicketFact[]> {
    const rows: Array<{ id: string }> = await this.manager.query(
      'select ticket_id::text as id from kpi_ticket_facts where customer_id = $1',
      [customerId],
    );
    return [...(await this.lockFacts(rows.map((row) => row.id))).values()];
  }

  /** The cell, locked for update (created empty first so that the lock exists); null when it was empty. */
  async lockCell<C = CellCounters>(key: CellKey, empty: C): Promise<C> {
    const params = [key.dimension.kind, key.dimension.value, key.day];
    await this.manager.query(
      `insert into ${this.table} (dimension_kind, dimension_value, day, counters) values ($1, $2, $3, $4)
       on conflict do nothing`,
      [...params, JSON.stringify(empty)],
    );
    const [row]: Array<{ counters: C }> = await this.manager.query(
      `select counters from ${this.table} where dimension_kind = $1 and dimension_value = $2 and day = $3
       for update`,
      params,
    );
    return row.counters;
  }

  /** `definitionVersion`: the KPI definition that computed the ticket cell (definitions/). */
  async writeCell<C = CellCounters>(
    key: CellKey,
    counters: C | null,
    definitionVersion?: number,
  ): Promise<void> {
    const params = [key.dimension.kind, key.dimension.value, key.day];
    if (counters === null) {
      await this.manager.query(
        `delete from ${this.table} where dimension_kind = $1 and dimension_value = $2 and day = $3`,
        params,
      );
    } else if (definitionVersion !== undefined) {
      await this.manager.query(
        `update ${this.table} set counters = $4, definition_version = $5
         where dimension_kind = $1 and dimension_value = $2 and day = $3`,
        [...params, JSON.stringify(counters), definitionVersion],
      );
    } else {
      await this.manager.query(
        `update ${this.table} set counters = $4
         where dimension_kind = $1 and dimension_value = $2 and day = $3`,
        [...params, JSON.stringify(counters)],
      );
    }
  }

  /** The cells of some dimension values (one value, or a department subtree) between two days, inclusive. */
  async cells<C = CellCounters>(kind: string, values: readonly string[], start: Day, end: Day): Promise<C[]> {
    const rows: Array<{ counters: C }> = await this.manager.query(
      `select counters from ${this.table}
       where dimension_kind = $1 and dimension_value = any($2) and day between $3 and $4`,
      [kind, values, start, end],
    );
    return rows.map((row) => row.counters);
  }

  /**
   * The facts that may contribute to an EMPLOYEE or DEPARTMENT cell: those handled by or blamed on its subject with
   * a moment (opening, first response, resolution) within a day of it, UTC (any zone's day is inside; the pure rule
   * places each moment exactly). Read when a fact holding the cell's latest event left it.
   */
  async factsNearCell(key: CellKey): Promise<TicketFact[]> {
    const [handles, blamed] =
      key.dimension.kind === 'EMPLOYEE'
        ? ['assigneeId', 'complaintEmployeeId']
        : ['departmentId', 'complaintDepartmentId'];
    const from = `${addDays(key.day, -1)}T00:00:00.000Z`;
    const to = `${addDays(key.day, 2)}T00:00:00.000Z`;
    const rows: Array<{ fact: TicketFact }> = await this.manager.query(
      `select fact from kpi_ticket_facts
       where (fact->>'${handles}' = $1 or fact->>'${blamed}' = $1)
         and ((opened_at >= $2 and opened_at < $3) or (acknowledged_at >= $2 and acknowledged_at < $3)
           or (resolved_at >= $2 and resolved_at < $3))`,
      [key.dimension.value, from, to],
    );
    return rows.map((row) => row.fact);
  }

  /** Tickets opened up to `end` and not resolved by then: Σ intake − resolved over every day up to it. */
  async backlogAt(kind: string, values: readonly string[], end: Day): Promise<number> {
    const [row]: Array<{ backlog: string }> = await this.manager.query(
      `select coalesce(sum((counters->>'intake')::int - (counters->>'resolved')::int), 0) as backlog
       from kpi_day_cells where dimension_kind = $1 and dimension_value = any($2) and day <= $3`,
      [kind, values, end],
    );
    return Number(row.backlog);
  }

  /** Facts of one dimension with any moment (opening, first response, resolution) in (from, to]. */
  async windowFacts(dimension: Dimension, from: Date, to: Date): Promise<TicketFact[]> {
    // Asset and incident cuts hold no ticket facts.
    if (dimension.kind === 'ASSET_CATEGORY' || dimension.kind === 'INCIDENT_SEVERITY') return [];
    const field = DIMENSION_FIELDS[dimension.kind];
    const rows: Array<{ fact: TicketFact }> = await this.manager.query(
      `select fact from kpi_ticket_facts
       where ($1::text is null or fact->>$1 = $2)
         and ((opened_at > $3 and opened_at <= $4) or (acknowledged_at > $3 and acknowledged_at <= $4)
           or (resolved_at > $3 and resolved_at <= $4))`,
      [field, dimension.value, from, to],
    );
    return rows.map((row) => row.fact);
  }

  /**
   * Facts with an open deadline due in (now, now + horizon]: the candidates for an at-risk warning (the pure rule
   * decides), optionally of one department.
   */
  async openDeadlines(
    now: Date,
    horizonMs: number,
    departmentId: string | null,
    limit: number,
  ): Promise<TicketFact[]> {
    const until = new Date(now.getTime() + horizonMs);
    const rows: Array<{ fact: TicketFact }> = await this.manager.query(
      `select fact from kpi_ticket_facts
       where not done and ($3::text is null or fact->>'departmentId' = $3)
         and ((acknowledged_at is null and response_due_at > $1 and response_due_at <= $2)
           or (resolved_at is null and resolution_due_at > $1 and resolution_due_at <= $2))
       order by ticket_id limit $4`,
      [now, until, departmentId, limit],
    );
    return rows.map((row) => row.fact);
  }

  /** Every cell in key order: the replay test hashes this. */
  async allCells(): Promise<Array<{ key: string; counters: CellCounters }>> {
    return this.manager.query(
      `select dimension_kind || '|' || dimension_value || '|' || day::text as key, counters
       from kpi_day_cells order by dimension_kind, dimension_value, day`,
    );
  }
}
