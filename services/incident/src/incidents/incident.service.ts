// The incident's use-cases: permission → pure rule → one unit of work (row, audit line and event commit together).
import { IncidentCreated } from '@opsgraph/contracts-events';
import type { Caller, RequestMeta } from '@opsgraph/domain';
import type { PageRequest } from '@opsgraph/graphql-kit';
import { draft, type UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { permissions } from '../permissions';
import { incidentKind, IncidentReads } from './incident.repository';
import { newIncident, type IncidentRecord } from './incident.rules';

export class IncidentService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private reads(): IncidentReads {
    return new IncidentReads(this.unitOfWork.dataSource.manager);
  }

  async byId(caller: Caller, id: string): Promise<IncidentRecord | null> {
    permissions.require(caller, 'VIEW_INCIDENTS');
    const [row] = await this.reads().byIds([id]);
    return row ?? null;
  }

  page(caller: Caller, request: PageRequest): Promise<{ rows: IncidentRecord[]; total: number }> {
    permissions.require(caller, 'VIEW_INCIDENTS');
    return this.reads().page(request);
  }

  create(input: { title: string }, meta: RequestMeta & { traceparent?: string }): Promise<IncidentRecord> {
    permissions.require(meta.caller, 'CREATE_INCIDENT');
    return this.unitOfWork.run(meta, (tx) => {
      const created = newIncident(randomUUID(), input.title, tx.now);
      const data = { incidentId: created.id, title: created.title, createdAt: tx.now.toISOString() };
      return tx.save(incidentKind, null, {
        after: created,
        action: 'CREATED',
        events: [draft(IncidentCreated, data)],
        changes: { title: created.title },
      });
    });
  }
}
