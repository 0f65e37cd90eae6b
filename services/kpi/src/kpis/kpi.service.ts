// The kpi's use-cases: permission → pure rule → one unit of work (row, audit line and event commit together).
import { KpiCreated } from '@opsgraph/contracts-events';
import type { Caller, RequestMeta } from '@opsgraph/domain';
import type { PageRequest } from '@opsgraph/graphql-kit';
import { draft, type UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { permissions } from '../permissions';
import { kpiKind, KpiReads } from './kpi.repository';
import { newKpi, type KpiRecord } from './kpi.rules';

export class KpiService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private reads(): KpiReads {
    return new KpiReads(this.unitOfWork.dataSource.manager);
  }

  async byId(caller: Caller, id: string): Promise<KpiRecord | null> {
    permissions.require(caller, 'VIEW_KPIS');
    const [row] = await this.reads().byIds([id]);
    return row ?? null;
  }

  page(caller: Caller, request: PageRequest): Promise<{ rows: KpiRecord[]; total: number }> {
    permissions.require(caller, 'VIEW_KPIS');
    return this.reads().page(request);
  }

  create(input: { title: string }, meta: RequestMeta & { traceparent?: string }): Promise<KpiRecord> {
    permissions.require(meta.caller, 'CREATE_KPI');
    return this.unitOfWork.run(meta, (tx) => {
      const created = newKpi(randomUUID(), input.title, tx.now);
      const data = { kpiId: created.id, title: created.title, createdAt: tx.now.toISOString() };
      return tx.save(kpiKind, null, {
        after: created,
        action: 'CREATED',
        events: [draft(KpiCreated, data)],
        changes: { title: created.title },
      });
    });
  }
}
