// Ticket listing criteria → SQL predicates. Pure: the fragments are constants, every value is a named parameter
// (never interpolated). The repository puts them into its queries; the EXPLAIN test runs those exact queries.
import type { FaultCategory, TicketChannel, TicketKind } from '@opsgraph/contracts-events';
import type { TicketScope } from './ticket.access';
import type { TicketStatus } from './ticket.lifecycle';
import type { Priority } from './ticket.priority';

export interface TicketCriteria {
  readonly status?: readonly TicketStatus[];
  readonly kind?: readonly TicketKind[];
  readonly category?: readonly FaultCategory[];
  readonly channel?: readonly TicketChannel[];
  readonly priority?: readonly Priority[];
  readonly customerId?: string;
  readonly assigneeId?: string;
  readonly departmentId?: string;
  readonly assetId?: string;
  readonly incidentId?: string;
  /** Inclusive lower and exclusive upper bounds. */
  readonly createdFrom?: Date;
  readonly createdBefore?: Date;
  readonly resolvedFrom?: Date;
  readonly resolvedBefore?: Date;
  /** true: at least one deadline breached; false: none. */
  readonly breached?: boolean;
  /** Case-insensitive substring of the subject. */
  readonly subjectContains?: string;
}

/** Position in the listing order (created_at desc, id desc). */
export interface Keyset {
  readonly createdAt: Date;
  readonly id: string;
}

export interface Predicates {
  readonly clauses: string[];
  readonly params: Record<string, unknown>;
}

/** Parents whose tickets other subgraphs list (Customer.tickets, Employee.assignedTickets, …). */
export const PARENT_COLUMNS = {
  customer: 'customer_id',
  assignee: 'assignee_id',
  asset: 'asset_id',
  incident: 'incident_id',
} as const;
export type TicketParent = keyof typeof PARENT_COLUMNS;

const LIST_FILTERS = [
  ['status', 'status'],
  ['kind', 'kind'],
  ['category', 'category'],
  ['channel', 'channel'],
  ['priority', 'priority'],
] as const;

const ID_FILTERS = [
  ['customerId', 'customer_id'],
  ['assigneeId', 'assignee_id'],
  ['departmentId', 'department_id'],
  ['assetId', 'asset_id'],
  ['incidentId', 'incident_id'],
] as const;

export function ticketPredicates(
  alias: string,
  criteria: TicketCriteria,
  scope: TicketScope,
  after: Keyset | null = null,
): Predicates {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const col = (name: string) => `${alias}.${name}`;

  for (const [key, column] of LIST_FILTERS) {
    const values = criteria[key];
    if (values === undefined) continue;
    // A single value keeps the predicate an equality, which the planner matches to the (column, created_at) index.
    if (values.length === 1) clauses.push(`${col(column)} = :${key}`);
    else clauses.push(`${col(column)} = any(:${key})`);
    params[key] = values.length === 1 ? values[0] : [...values];
  }
  for (const [key, column] of ID_FILTERS) {
    const value = criteria[key];
    if (value === undefined) continue;
    clauses.push(`${col(column)} = :${key}`);
    params[key] = value;
  }
  range(clauses, params, col('created_at'), 'created', criteria.createdFrom, criteria.createdBefore);
  range(clauses, params, col('resolved_at'), 'resolved', criteria.resolvedFrom, criteria.resolvedBefore);
  if (criteria.breached === true) {
    clauses.push(
      `(${col('response_breached_at')} is not null or ${col('resolution_breached_at')} is not null)`,
    );
  } else if (criteria.breached === false) {
    clauses.push(`${col('response_breached_at')} is null and ${col('resolution_breached_at')} is null`);
  }
  if (criteria.subjectContains !== undefined) {
    clauses.push(`${col('subject')} ilike :subjectPattern`);
    params['subjectPattern'] = `%${escapeLike(criteria.subjectContains)}%`;
  }

  const scoped = scopePredicate(col, scope);
  clauses.push(...scoped.clauses);
  Object.assign(params, scoped.params);

  if (after !== null) {
    // Row comparison: the btree index on (created_at desc, id desc) seeks straight to it.
    clauses.push(`(${col('created_at')}, ${col('id')}) < (:afterCreatedAt, :afterId)`);
    params['afterCreatedAt'] = after.createdAt;
    params['afterId'] = after.id;
  }
  return { clauses, params };
}

export function scopePredicate(col: (name: string) => string, scope: TicketScope): Predicates {
  switch (scope.kind) {
    case 'ALL':
      return { clauses: [], params: {} };
    case 'CUSTOMER':
      return {
        clauses: [`${col('customer_id')} = :scopeCustomerId`],
        params: { scopeCustomerId: scope.customerId },
      };
    case 'DEPARTMENT': {
      const intake = `(${col('status')} = 'NEW' and ${col('department_id')} is null)`;
      const own = `${col('department_id')} = :scopeDepartmentId`;
      if (scope.departmentId === null) return { clauses: [scope.intake ? intake : 'false'], params: {} };
      return {
        clauses: [scope.intake ? `(${own} or ${intake})` : own],
        params: { scopeDepartmentId: scope.departmentId },
      };
    }
  }
}

function range(
  clauses: string[],
  params: Record<string, unknown>,
  column: string,
  name: string,
  from: Date | undefined,
  before: Date | undefined,
): void {
  if (from !== undefined) {
    clauses.push(`${column} >= :${name}From`);
    params[`${name}From`] = from;
  }
  if (before !== undefined) {
    clauses.push(`${column} < :${name}Before`);
    params[`${name}Before`] = before;
  }
}

/** LIKE wildcards in user text match literally (backslash is PostgreSQL's default LIKE escape). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
