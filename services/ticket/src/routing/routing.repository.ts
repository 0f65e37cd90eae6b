// routing_rules: the unit of work's store for rule changes, and the reads and cursor of routing at intake.
import type {
  AssetCategory,
  CustomerTier,
  EmployeeStatus,
  FaultCategory,
  TicketChannel,
  TicketKind,
} from '@opsgraph/contracts-events';
import { sqlTableStore, type AggregateKind, type SqlColumns } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import type { Candidate, RoutingRule, RoutingStrategy } from './routing.rules';

export interface StoredRoutingRule extends RoutingRule {
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface Row {
  id: string;
  version: number;
  name: string;
  position: number;
  active: boolean;
  kinds: TicketKind[];
  categories: FaultCategory[];
  channels: TicketChannel[];
  tiers: CustomerTier[];
  asset_categories: AssetCategory[];
  department_id: string;
  strategy: RoutingStrategy;
  max_load: number | null;
  created_at: Date;
  updated_at: Date;
}

const toRule = (row: Row): StoredRoutingRule => ({
  id: row.id,
  version: row.version,
  name: row.name,
  position: row.position,
  active: row.active,
  kinds: row.kinds,
  categories: row.categories,
  channels: row.channels,
  tiers: row.tiers,
  assetCategories: row.asset_categories,
  departmentId: row.department_id,
  strategy: row.strategy,
  maxLoad: row.max_load,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const COLUMNS: SqlColumns<StoredRoutingRule> = [
  ['version', (r) => r.version],
  ['name', (r) => r.name],
  ['position', (r) => r.position],
  ['active', (r) => r.active],
  ['kinds', (r) => [...r.kinds]],
  ['categories', (r) => [...r.categories]],
  ['channels', (r) => [...r.channels]],
  ['tiers', (r) => [...r.tiers]],
  ['asset_categories', (r) => [...r.assetCategories]],
  ['department_id', (r) => r.departmentId],
  ['strategy', (r) => r.strategy],
  ['max_load', (r) => r.maxLoad],
  ['created_at', (r) => r.createdAt],
  ['updated_at', (r) => r.updatedAt],
];

export const routingRuleKind: AggregateKind<StoredRoutingRule> = {
  type: 'routing-rule',
  label: 'RoutingRule',
  store: sqlTableStore({ table: 'routing_rules', columns: COLUMNS, fromRow: toRule }),
};

export class RoutingRepository {
  constructor(private readonly manager: EntityManager) {}

  async rules(): Promise<StoredRoutingRule[]> {
    const rows: Row[] = await this.manager.query('select * from routing_rules order by position, name');
    return rows.map(toRule);
  }

  async byName(name: string): Promise<StoredRoutingRule | null> {
    const rows: Row[] = await this.manager.query('select * from routing_rules where name = $1', [name]);
    return rows[0] ? toRule(rows[0]) : null;
  }

  async delete(ruleId: string): Promise<void> {
    await this.manager.query('delete from routing_rules where id = $1', [ruleId]);
  }

  /**
   * Locks the rule's row until the ticket's transaction ends and returns who got its last ticket: another replica
   * routing by the same rule waits here, then sees this one's ticket in the loads. null: the rule was deleted
   * meanwhile.
   */
  async lockCursor(ruleId: string): Promise<{ last: string | null } | null> {
    const rows: { last: string | null }[] = await this.manager.query(
      'select last_assignee_id as last from routing_rules where id = $1 for update',
      [ruleId],
    );
    return rows[0] ?? null;
  }

  async advanceCursor(ruleId: string, assigneeId: string): Promise<void> {
    await this.manager.query('update routing_rules set last_assignee_id = $2 where id = $1', [
      ruleId,
      assigneeId,
    ]);
  }

  /** The department's known employees with their load: their tickets whose SLA clock runs. */
  async candidates(departmentId: string): Promise<Candidate[]> {
    const rows: { id: string; status: EmployeeStatus; load: number }[] = await this.manager.query(
      `select e.id, e.status,
              (select count(*)::int from tickets t
                where t.assignee_id = e.id and t.resolved_at is null and t.sla_paused_since is null) as load
         from known_employees e where e.department_id = $1`,
      [departmentId],
    );
    return rows.map((row) => ({ employeeId: row.id, status: row.status, load: row.load }));
  }
}
