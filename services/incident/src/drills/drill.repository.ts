// The drills table: the unit of work's store and the graph's reads. Timeline and follow-ups live on the row (jsonb):
// they are recorded and followed up with the drill, never on their own.
import { sqlTableStore, type AggregateKind, type SqlColumns } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import type { DrillRecord } from './drill.rules';

const COLUMNS = `id, title, scenario, plan_id as "planId", plan_version as "planVersion", held_at as "heldAt",
  participant_ids as "participantIds", timeline, findings, follow_ups as "followUps", version,
  created_at as "createdAt", updated_at as "updatedAt"`;

/** jsonb keeps instants as text: back to Dates. */
function fromRow(row: DrillRecord): DrillRecord {
  return {
    ...row,
    timeline: row.timeline.map((entry) => ({ ...entry, at: new Date(entry.at) })),
    followUps: row.followUps.map((item) => ({ ...item, doneAt: item.doneAt && new Date(item.doneAt) })),
  };
}

const FIELDS: SqlColumns<DrillRecord> = [
  ['title', (r) => r.title],
  ['scenario', (r) => r.scenario],
  ['plan_id', (r) => r.planId],
  ['plan_version', (r) => r.planVersion],
  ['held_at', (r) => r.heldAt],
  ['participant_ids', (r) => r.participantIds],
  ['timeline', (r) => JSON.stringify(r.timeline)],
  ['findings', (r) => r.findings],
  ['follow_ups', (r) => JSON.stringify(r.followUps)],
  ['version', (r) => r.version],
  ['created_at', (r) => r.createdAt],
  ['updated_at', (r) => r.updatedAt],
];

export const drillKind: AggregateKind<DrillRecord> = {
  type: 'drill',
  label: 'Drill',
  store: sqlTableStore({ table: 'drills', select: COLUMNS, columns: FIELDS, fromRow }),
};

export class DrillReads {
  constructor(private readonly manager: EntityManager) {}

  async byIds(ids: readonly string[]): Promise<DrillRecord[]> {
    const rows: DrillRecord[] = await this.manager.query(`select ${COLUMNS} from drills where id = any($1)`, [
      ids,
    ]);
    return rows.map(fromRow);
  }

  /** The drills of the plans, latest first. */
  async ofPlans(planIds: readonly string[]): Promise<DrillRecord[]> {
    const rows: DrillRecord[] = await this.manager.query(
      `select ${COLUMNS} from drills where plan_id = any($1) order by held_at desc, id`,
      [planIds],
    );
    return rows.map(fromRow);
  }

  /** Drills with a follow-up not done and due before `today`. */
  async withOverdueFollowUps(today: string, limit: number): Promise<DrillRecord[]> {
    const rows: DrillRecord[] = await this.manager.query(
      `select ${COLUMNS} from drills d where exists (
         select 1 from jsonb_array_elements(d.follow_ups) f where f->>'status' <> 'DONE' and (f->>'dueOn') < $1)
       order by held_at, id limit $2`,
      [today, limit],
    );
    return rows.map(fromRow);
  }
}
