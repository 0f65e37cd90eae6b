// Reliability figures of an asset, a model or a category, read from the fault history (pure rules in
// reliability.rules.ts).
import { BadUserInputError, type Caller } from '@opsgraph/domain';
import type { DataSource } from 'typeorm';
import { permissions } from '../permissions';
import { FaultRepository } from './fault.repository';
import { groupReliability, type AssetHistory, type Reliability } from './reliability.rules';

export interface ReliabilityScope {
  readonly assetId?: string;
  readonly model?: string;
  readonly category?: string;
}

export class ReliabilityService {
  constructor(private readonly dataSource: DataSource) {}

  async of(caller: Caller, scope: ReliabilityScope, from: Date, to: Date): Promise<Reliability> {
    permissions.require(caller, 'VIEW_ASSETS');
    if (!(from.getTime() < to.getTime())) throw new BadUserInputError('from must be before to', 'from');
    return groupReliability(await this.histories(scope), from, to);
  }

  /** Each asset in scope: when it went into service (and left it) and its faults. */
  async histories(scope: ReliabilityScope): Promise<AssetHistory[]> {
    const assets: { id: string; since: Date | null; until: Date | null }[] = await this.dataSource.query(
      `select a.id, a.in_service_since::timestamptz as since,
              case when a.status = 'RETIRED' then a.updated_at end as until
       from assets a
       where ($1::uuid is null or a.id = $1) and ($2::text is null or a.model = $2) and ($3::text is null or a.category = $3)`,
      [scope.assetId ?? null, scope.model ?? null, scope.category ?? null],
    );
    const faults = await new FaultRepository(this.dataSource.manager).ofAssets(assets.map((a) => a.id));
    return assets.map((asset) => ({
      inServiceFrom: asset.since,
      inServiceUntil: asset.until,
      faults: faults.filter((fault) => fault.assetId === asset.id),
    }));
  }
}
