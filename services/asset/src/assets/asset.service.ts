// The asset's use-cases: permission → pure rule → one unit of work (row, audit line and event commit together).
import { AssetCreated } from '@opsgraph/contracts-events';
import type { Caller, RequestMeta } from '@opsgraph/domain';
import type { PageRequest } from '@opsgraph/graphql-kit';
import { draft, type UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { permissions } from '../permissions';
import { assetKind, AssetReads } from './asset.repository';
import { newAsset, type AssetRecord } from './asset.rules';

export class AssetService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private reads(): AssetReads {
    return new AssetReads(this.unitOfWork.dataSource.manager);
  }

  async byId(caller: Caller, id: string): Promise<AssetRecord | null> {
    permissions.require(caller, 'VIEW_ASSETS');
    const [row] = await this.reads().byIds([id]);
    return row ?? null;
  }

  page(caller: Caller, request: PageRequest): Promise<{ rows: AssetRecord[]; total: number }> {
    permissions.require(caller, 'VIEW_ASSETS');
    return this.reads().page(request);
  }

  create(input: { title: string }, meta: RequestMeta & { traceparent?: string }): Promise<AssetRecord> {
    permissions.require(meta.caller, 'CREATE_ASSET');
    return this.unitOfWork.run(meta, (tx) => {
      const created = newAsset(randomUUID(), input.title, tx.now);
      const data = { assetId: created.id, title: created.title, createdAt: tx.now.toISOString() };
      return tx.save(assetKind, null, {
        after: created,
        action: 'CREATED',
        events: [draft(AssetCreated, data)],
        changes: { title: created.title },
      });
    });
  }
}
