import type { EntityManager } from 'typeorm';
import { plain, RecordTable, recordKind } from '../record-table';
import { TrainingSessionEntity, type TrainingSessionRecord } from './training-session.entity';

/** The only TypeORM access for training sessions. */
export class TrainingSessionRepository extends RecordTable<TrainingSessionRecord> {
  constructor(manager: EntityManager) {
    super(manager, TrainingSessionEntity);
  }

  async ofPlans(planIds: readonly string[]): Promise<TrainingSessionRecord[]> {
    if (planIds.length === 0) return [];
    const rows: { id: string }[] = await this.manager.query(
      'select id from training_sessions where plan_id = any($1::uuid[]) order by starts_on, id',
      [planIds],
    );
    return this.inOrder(rows.map((row) => row.id));
  }

  /** The sessions the employee is enrolled in, newest first. */
  async attendedBy(employeeId: string): Promise<TrainingSessionRecord[]> {
    const rows: { id: string }[] = await this.manager.query(
      'select id from training_sessions where attendees @> $1::jsonb order by starts_on desc, id',
      [JSON.stringify([{ employeeId }])],
    );
    return this.inOrder(rows.map((row) => row.id));
  }

  private async inOrder(ids: string[]): Promise<TrainingSessionRecord[]> {
    const byId = new Map((await this.findByIds(ids)).map((row) => [row.id, plain(row)]));
    return ids.map((id) => byId.get(id) as TrainingSessionRecord);
  }

  async update(session: TrainingSessionRecord, expectedVersion: number): Promise<boolean> {
    const { attendees, version, updatedAt } = session;
    return this.updateAtVersion(session, expectedVersion, { attendees, version, updatedAt });
  }
}

export const TRAINING_SESSION = recordKind(
  'training',
  'TrainingSession',
  (manager) => new TrainingSessionRepository(manager),
);
