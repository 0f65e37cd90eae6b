// The incidents table (the unit of work's store and the graph's reads), its timeline and its review's action items.
import type { EventActor } from '@opsgraph/contracts-events';
import { cursorKeys, type PageRequest } from '@opsgraph/graphql-kit';
import { sqlTableStore, type AggregateKind, type SqlColumns } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ActionItem, ActionItemStatus, IncidentRecord } from './incident.rules';

const COLUMNS = `id, number, title, nature, location, category, severity, status, reporter_id as "reporterId",
  reported_by as "reportedBy", occurred_at as "occurredAt", detected_at as "detectedAt",
  affected_customer_ids as "affectedCustomerIds", key_account_ids as "keyAccountIds",
  affected_asset_ids as "affectedAssetIds", affected_services as "affectedServices", plan_id as "planId",
  plan_version as "planVersion", commander_id as "commanderId", roles, activated_at as "activatedAt",
  contained_at as "containedAt", recovering_at as "recoveringAt", resolved_at as "resolvedAt",
  reviewed_at as "reviewedAt", root_cause as "rootCause", lessons, review_recorded_at as "reviewRecordedAt",
  source_alert_id as "sourceAlertId",
  version, created_at as "createdAt", updated_at as "updatedAt"`;

const FIELDS: SqlColumns<IncidentRecord> = [
  ['number', (r) => r.number],
  ['title', (r) => r.title],
  ['nature', (r) => r.nature],
  ['location', (r) => r.location],
  ['category', (r) => r.category],
  ['severity', (r) => r.severity],
  ['status', (r) => r.status],
  ['reporter_id', (r) => r.reporterId],
  ['reported_by', (r) => r.reportedBy],
  ['occurred_at', (r) => r.occurredAt],
  ['detected_at', (r) => r.detectedAt],
  ['affected_customer_ids', (r) => r.affectedCustomerIds],
  ['key_account_ids', (r) => r.keyAccountIds],
  ['affected_asset_ids', (r) => r.affectedAssetIds],
  ['affected_services', (r) => r.affectedServices],
  ['plan_id', (r) => r.planId],
  ['plan_version', (r) => r.planVersion],
  ['commander_id', (r) => r.commanderId],
  ['roles', (r) => JSON.stringify(r.roles)],
  ['activated_at', (r) => r.activatedAt],
  ['contained_at', (r) => r.containedAt],
  ['recovering_at', (r) => r.recoveringAt],
  ['resolved_at', (r) => r.resolvedAt],
  ['reviewed_at', (r) => r.reviewedAt],
  ['root_cause', (r) => r.rootCause],
  ['lessons', (r) => r.lessons],
  ['review_recorded_at', (r) => r.reviewRecordedAt],
  ['source_alert_id', (r) => r.sourceAlertId],
  ['version', (r) => r.version],
  ['created_at', (r) => r.createdAt],
  ['updated_at', (r) => r.updatedAt],
];

export const incidentKind: AggregateKind<IncidentRecord> = {
  type: 'incident',
  label: 'Incident',
  store: sqlTableStore({ table: 'incidents', select: COLUMNS, columns: FIELDS }),
};

export interface TimelineEntry {
  readonly id: string;
  readonly incidentId: string;
  readonly at: Date;
  readonly kind: string;
  readonly note: string | null;
  readonly actorId: string | null;
  readonly actorRole: string;
  readonly details: Record<string, unknown>;
}

export interface IncidentFilter {
  readonly status?: string | null;
  readonly category?: string | null;
}

const ITEM = `id, incident_id as "incidentId", position, description, owner_id as "ownerId", due_on::text as "dueOn",
  status, done_at as "doneAt"`;

export class IncidentRepository {
  constructor(private readonly manager: EntityManager) {}

  async nextNumber(): Promise<number> {
    const [{ seq }] = await this.manager.query(`select nextval('incident_number_seq')::int as seq`);
    return seq;
  }

  async bySourceAlert(alertId: string): Promise<IncidentRecord | null> {
    const rows: IncidentRecord[] = await this.manager.query(
      `select ${COLUMNS} from incidents where source_alert_id = $1`,
      [alertId],
    );
    return rows[0] ?? null;
  }

  byIds(ids: readonly string[]): Promise<IncidentRecord[]> {
    return this.manager.query(`select ${COLUMNS} from incidents where id = any($1)`, [ids]);
  }

  /** Up to `first + 1` incidents after the cursor, newest first, and the total under the filter. */
  async page(
    request: PageRequest,
    filter: IncidentFilter,
  ): Promise<{ rows: IncidentRecord[]; total: number }> {
    const [createdAt, id] = cursorKeys(request.after, ['timestamp', 'uuid']) ?? [null, null];
    const where = `($1::text is null or status = $1) and ($2::text is null or category = $2)`;
    const params = [filter.status ?? null, filter.category ?? null];
    const rows: IncidentRecord[] = await this.manager.query(
      `select ${COLUMNS} from incidents
       where ${where} and ($3::timestamptz is null or (created_at, id) < ($3::timestamptz, $4::uuid))
       order by created_at desc, id desc limit $5`,
      [...params, createdAt, id, request.first + 1],
    );
    const [{ total }] = await this.manager.query(
      `select count(*)::int as total from incidents where ${where}`,
      params,
    );
    return { rows, total };
  }

  /** The incidents naming any of `ids` in `column` (an id array), newest first. */
  involving(
    column: 'affected_asset_ids' | 'affected_customer_ids',
    ids: readonly string[],
  ): Promise<IncidentRecord[]> {
    return this.manager.query(
      `select ${COLUMNS} from incidents where ${column} && $1::uuid[] order by occurred_at desc, id desc`,
      [ids],
    );
  }

  /** The incidents the employees command or hold a role in, newest first. */
  commandedBy(employeeIds: readonly string[]): Promise<IncidentRecord[]> {
    return this.manager.query(
      `select ${COLUMNS} from incidents
       where commander_id = any($1::uuid[])
          or exists (select 1 from jsonb_array_elements(roles) r where r->>'employeeId' = any($1::text[]))
       order by occurred_at desc, id desc`,
      [employeeIds],
    );
  }

  timelineOf(incidentIds: readonly string[]): Promise<TimelineEntry[]> {
    return this.manager.query(
      `select id, incident_id as "incidentId", at, kind, note, actor_id as "actorId", actor_role as "actorRole", details
       from incident_timeline where incident_id = any($1) order by at, id`,
      [incidentIds],
    );
  }

  async appendTimeline(
    incidentId: string,
    entry: {
      at: Date;
      kind: string;
      note?: string | null;
      actor: EventActor;
      details?: Record<string, unknown>;
    },
  ): Promise<void> {
    await this.manager.query(
      `insert into incident_timeline (id, incident_id, at, kind, note, actor_id, actor_role, details)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        randomUUID(),
        incidentId,
        entry.at,
        entry.kind,
        entry.note ?? null,
        entry.actor.id,
        entry.actor.role,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  actionItemsOf(incidentIds: readonly string[]): Promise<ActionItem[]> {
    return this.manager.query(
      `select ${ITEM} from incident_action_items where incident_id = any($1) order by incident_id, position`,
      [incidentIds],
    );
  }

  async replaceActionItems(incidentId: string, items: readonly ActionItem[]): Promise<void> {
    await this.manager.query('delete from incident_action_items where incident_id = $1', [incidentId]);
    for (const item of items) {
      await this.manager.query(
        `insert into incident_action_items (id, incident_id, position, description, owner_id, due_on, status, done_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          item.id,
          incidentId,
          item.position,
          item.description,
          item.ownerId,
          item.dueOn,
          item.status,
          item.doneAt,
        ],
      );
    }
  }

  /** The item, locked; null when absent. */
  async lockActionItem(id: string): Promise<ActionItem | null> {
    const rows: ActionItem[] = await this.manager.query(
      `select ${ITEM} from incident_action_items where id = $1 for update`,
      [id],
    );
    return rows[0] ?? null;
  }

  async setActionItemStatus(id: string, status: ActionItemStatus, doneAt: Date | null): Promise<void> {
    await this.manager.query('update incident_action_items set status = $2, done_at = $3 where id = $1', [
      id,
      status,
      doneAt,
    ]);
  }

  /** Action items not done whose due day is before `today`, soonest due first. */
  overdueActionItems(today: string, limit: number): Promise<ActionItem[]> {
    return this.manager.query(
      `select ${ITEM} from incident_action_items where status <> 'DONE' and due_on < $1::date
       order by due_on, id limit $2`,
      [today, limit],
    );
  }
}
