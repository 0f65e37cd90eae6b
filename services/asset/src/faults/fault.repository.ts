// Fault records of assets: child rows of the asset aggregate (its row lock serialises changes to its faults).
import type { EntityManager } from 'typeorm';
import { insertRow } from '../sql';

export type FaultStatus = 'REPORTED' | 'IN_REPAIR' | 'REPAIRED';

export interface FaultRecord {
  readonly id: string;
  readonly assetId: string;
  readonly ticketId: string | null;
  readonly description: string;
  readonly status: FaultStatus;
  readonly reportedAt: Date;
  readonly repairStartedAt: Date | null;
  readonly repairedAt: Date | null;
  readonly repairNotes: string | null;
}

const COLUMNS = `id, asset_id as "assetId", ticket_id as "ticketId", description, status, reported_at as "reportedAt",
  repair_started_at as "repairStartedAt", repaired_at as "repairedAt", repair_notes as "repairNotes"`;

export class FaultRepository {
  constructor(private readonly manager: EntityManager) {}

  insert(fault: FaultRecord): Promise<void> {
    return insertRow(this.manager, 'asset_faults', {
      id: fault.id,
      asset_id: fault.assetId,
      ticket_id: fault.ticketId,
      description: fault.description,
      status: fault.status,
      reported_at: fault.reportedAt,
      repair_started_at: fault.repairStartedAt,
      repaired_at: fault.repairedAt,
      repair_notes: fault.repairNotes,
    });
  }

  async update(fault: FaultRecord): Promise<void> {
    await this.manager.query(
      `update asset_faults set status = $2, repair_started_at = $3, repaired_at = $4, repair_notes = $5 where id = $1`,
      [fault.id, fault.status, fault.repairStartedAt, fault.repairedAt, fault.repairNotes],
    );
  }

  async byId(id: string): Promise<FaultRecord | null> {
    const rows: FaultRecord[] = await this.manager.query(
      `select ${COLUMNS} from asset_faults where id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async byTicket(ticketId: string): Promise<FaultRecord | null> {
    const rows: FaultRecord[] = await this.manager.query(
      `select ${COLUMNS} from asset_faults where ticket_id = $1`,
      [ticketId],
    );
    return rows[0] ?? null;
  }

  /** Oldest first. */
  ofAssets(assetIds: readonly string[]): Promise<FaultRecord[]> {
    return this.manager.query(
      `select ${COLUMNS} from asset_faults where asset_id = any($1) order by reported_at, id`,
      [assetIds],
    );
  }

  /** Open faults of the asset, but `except`. */
  async openCount(assetId: string, except: string | null = null): Promise<number> {
    const [{ n }] = await this.manager.query(
      `select count(*)::int as n from asset_faults
       where asset_id = $1 and ($2::uuid is null or id <> $2) and status <> 'REPAIRED'`,
      [assetId, except],
    );
    return n;
  }
}
