// SQL of the KPI read model: ticket facts and day cells.
import type { EntityManager } from 'typeorm';
import { lockKeys } from './advisory-locks';
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
    await lockKeys(
      this.manager,
      ticketIds.map((id) => `kpi-fact:${id}`),
    );
    const rows: Array<{ fact: TicketFact }> = await this.manager.query(
      'select fact from kpi_ticket_facts where ticket_id = any($1)',
      [ticketIds],
    );
    return new Map(rows.map((row) => [row.fact.ticketId, row.fact]));
  }

  /** Inserts or replaces the facts (one per ticket), with their indexed columns, in one statement. */
  async saveFacts(facts: readonly TicketFact[]): Promise<void> {
    if (facts.length === 0) return;
    const sorted = [...new Map(facts.map((fact) => [fact.ticketId, fact])).values()].sort((a, b) =>
      a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0,
    );
    await this.manager.query(
      `insert into kpi_ticket_facts (ticket_id, fact, opened_at, acknowledged_at, resolved_at, done, response_due_at,
         resolution_due_at, customer_id)
       select * from unnest($1::uuid[], $2::jsonb[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[],
         $6::boolean[], $7::timestamptz[], $8::timestamptz[], $9::uuid[])
       on conflict (ticket_id) do update set fact = excluded.fact, opened_at = excluded.opened_at,
         acknowledged_at = excluded.acknowledged_at, resolved_at = excluded.resolved_at, done = excluded.done,
         response_due_at = excluded.response_due_at, resolution_due_at = excluded.resolution_due_at,
         customer_id = excluded.customer_id`,
      [
        sorted.map((fact) => fact.ticketId),
        sorted.map((fact) => JSON.stringify(fact)),
        sorted.map((fact) => fact.openedAt),
        sorted.map((fact) => fact.acknowledgedAt),
        sorted.map((fact) => fact.resolvedAt),
        sorted.map((fact) => fact.status === 'RESOLVED' || fact.status === 'CLOSED'),
        sorted.map((fact) => fact.responseDueAt),
        sorted.map((fact) => fact.resolutionDueAt),
        sorted.map((fact) => fact.customerId ?? null),
      ],
    );
  }

  /** Serialises the tier lookups and changes of these customers across consumers (sorted: no deadlock). */
  async lockCustomers(customerIds: readonly string[]): Promise<void> {
    await lockKeys(
      this.manager,
      customerIds.map((id) => `kpi-customer:${id}`),
    );
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

  /**
   * The cells, locked for update in the order given (callers sort the keys: no deadlock), each created empty first
   * so that its lock exists; an empty cell reads as `empty`. In the order of `keys`, in two round trips.
   */
  async lockCells<C = CellCounters>(keys: readonly CellKey[], empty: C): Promise<C[]> {
    const locked = new Map<number, C>();
    // A cell emptied (deleted) by a transaction that committed between the insert and the lock is missed by the
    // select: it is created again and locked on the next pass.
    for (let pass = 1; locked.size < keys.length; pass++) {
      if (pass > 3) throw new Error(`kpi cells kept vanishing while being locked (${keys.length} cells)`);
      const missing = keys.flatMap((key, index) => (locked.has(index) ? [] : [{ key, index }]));
      const params = [
        missing.map(({ key }) => key.dimension.kind),
        missing.map(({ key }) => key.dimension.value),
        missing.map(({ key }) => key.day),
      ];
      await this.manager.query(
        `insert into ${this.table} (dimension_kind, dimension_value, day, counters)
         select kind, value, day, $4::jsonb
         from unnest($1::text[], $2::text[], $3::date[]) with ordinality as c(kind, value, day, n) order by n
         on conflict do nothing`,
        [...params, JSON.stringify(empty)],
      );
      const rows: Array<{ n: string; counters: C }> = await this.manager.query(
        `select c.n, d.counters
         from unnest($1::text[], $2::text[], $3::date[]) with ordinality as c(kind, value, day, n)
         join ${this.table} d on d.dimension_kind = c.kind and d.dimension_value = c.value and d.day = c.day
         order by c.n for update of d`,
        params,
      );
      for (const row of rows) locked.set(missing[Number(row.n) - 1].index, row.counters);
    }
    return keys.map((_, index) => locked.get(index) as C);
  }

  /**
   * Writes locked cells in two statements: null deletes the cell (empty cells have no row). `definitionVersion`:
   * the KPI definition that computed the ticket cells (definitions/).
   */
  async writeCells<C = CellCounters>(
    cells: ReadonlyArray<{ key: CellKey; counters: C | null }>,
    definitionVersion?: number,
  ): Promise<void> {
    const emptied = cells.filter((cell) => cell.counters === null);
    const kept = cells.filter((cell) => cell.counters !== null);
    const keyParams = (list: typeof cells) => [
      list.map(({ key }) => key.dimension.kind),
      list.map(({ key }) => key.dimension.value),
      list.map(({ key }) => key.day),
    ];
    if (emptied.length > 0) {
      await this.manager.query(
        `delete from ${this.table} d using unnest($1::text[], $2::text[], $3::date[]) as c(kind, value, day)
         where d.dimension_kind = c.kind and d.dimension_value = c.value and d.day = c.day`,
        keyParams(emptied),
      );
    }
    if (kept.length > 0) {
      await this.manager.query(
        `update ${this.table} d set counters = c.counters
           ${definitionVersion === undefined ? '' : ', definition_version = $5'}
         from unnest($1::text[], $2::text[], $3::date[], $4::jsonb[]) as c(kind, value, day, counters)
         where d.dimension_kind = c.kind and d.dimension_value = c.value and d.day = c.day`,
        [
          ...keyParams(kept),
          kept.map(({ counters }) => JSON.stringify(counters)),
          ...(definitionVersion === undefined ? [] : [definitionVersion]),
        ],
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
