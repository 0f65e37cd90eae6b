// The drills table: the unit of work's store and the graph's reads. Timeline and follow-ups live on the row (jsonb):
// they are recorded and followed up with the drill, never on their own.
import type { AggregateKind } from '@opsgraph/service-kit';
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

export const drillKind: AggregateKind<DrillRecord> = {
  type: 'drill',
  label: 'Drill',
  store: {
    async lock(manager, id) {
      const rows: DrillRecord[] = await manager.query(
        `select ${COLUMNS} from drills where id = $1 for update`,
        [id],
      );
      return rows[0] ? fromRow(rows[0]) : null;
    },
    async insert(manager, row) {
      await manager.query(
        `insert into drills (id, title, scenario, plan_id, plan_version, held_at, participant_ids, timeline, findings,
           follow_ups, version, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          row.id,
          row.title,
          row.scenario,
          row.planId,
          row.planVersion,
          row.heldAt,
          row.participantIds,
          JSON.stringify(row.timeline),
          row.findings,
          JSON.stringify(row.followUps),
          row.version,
          row.createdAt,
          row.updatedAt,
        ],
      );
    },
    async update(manager, row, expectedVersion) {
      const [, affected] = await manager.query(
        'update drills set follow_ups = $2, version = $3, updated_at = $4 where id = $1 and version = $5',
        [row.id, JSON.stringify(row.followUps), row.version, row.updatedAt, expectedVersion],
      );
      return affected === 1;
    },
  },
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
