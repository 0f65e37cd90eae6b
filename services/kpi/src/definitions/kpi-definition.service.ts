// Publishing and reading KPI definitions: permission → pure check → unit of work (history row, state row, audit
// line; definitions publish no event). A publication does not touch the cells: the definition replay applies it.
import type { Caller, RequestMeta } from '@opsgraph/domain';
import type { UnitOfWork } from '@opsgraph/service-kit';
import { permissions } from '../permissions';
import {
  KPI_DEFINITION_ID,
  KpiDefinitionRepository,
  kpiDefinitionKind,
  type KpiDefinition,
} from './kpi-definition.repository';
import {
  changedParameters,
  checkNote,
  checkParameters,
  type KpiDefinitionParameters,
} from './kpi-definition.rules';

/** A version as the graph shows it: its parameters flat beside it. */
export interface KpiDefinitionView extends KpiDefinition, KpiDefinitionParameters {
  /** The newest version. */
  latest: boolean;
  /** The version the ticket cells are computed under now. */
  applied: boolean;
}

export interface PublishDefinitionInput extends KpiDefinitionParameters {
  note?: string | null;
}

export class KpiDefinitionService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async list(caller: Caller): Promise<KpiDefinitionView[]> {
    permissions.require(caller, 'VIEW_KPIS');
    const repository = new KpiDefinitionRepository(this.unitOfWork.dataSource.manager);
    const [definitions, state] = await Promise.all([repository.all(), repository.state()]);
    return definitions.map((definition) => ({
      ...definition,
      ...definition.parameters,
      latest: definition.version === state.latest,
      applied: definition.version === state.applied,
    }));
  }

  /** Version n + 1 of the definition; the cells keep theirs until the definition replay runs. */
  publish(input: PublishDefinitionInput, meta: RequestMeta): Promise<KpiDefinitionView> {
    const caller = permissions.require(meta.caller, 'MANAGE_MONITORING');
    const parameters = checkParameters(input);
    const note = checkNote(input.note);
    return this.unitOfWork.run(meta, async (tx) => {
      const repository = new KpiDefinitionRepository(tx.manager);
      const before = await tx.load(kpiDefinitionKind, KPI_DEFINITION_ID);
      const after: KpiDefinition = {
        id: KPI_DEFINITION_ID,
        version: before.version,
        parameters,
        note,
        publishedAt: tx.now,
        publishedBy: caller.userId,
      };
      const saved = await tx.save(kpiDefinitionKind, before, {
        after,
        action: 'PUBLISHED',
        changes: { parameters: changedParameters(before.parameters, parameters), note },
      });
      const state = await repository.state();
      return { ...saved, ...saved.parameters, latest: true, applied: saved.version === state.applied };
    });
  }
}
