// The kpi_definitions history and its state row: the unit of work's store of "the KPI definition" (one aggregate
// whose version is the definition version; each publication adds a history row), and the reads of the engine.
import type { AggregateKind, AggregateRepository } from '@opsgraph/service-kit';
import { repositoryStore } from '@opsgraph/service-kit';
import type { EntityManager } from 'typeorm';
import type { KpiDefinitionParameters } from './kpi-definition.rules';

/** The one KPI definition's aggregate id (audit lines name it). */
export const KPI_DEFINITION_ID = '00000000-0000-4000-8000-00000000d3f1';

export interface KpiDefinition {
  id: string;
  /** The definition version: 1, then one more per publication. */
  version: number;
  parameters: KpiDefinitionParameters;
  note: string | null;
  publishedAt: Date;
  /** The publisher's user id; null for version 1. */
  publishedBy: string | null;
}

/** A definition version as the engine applies it. */
export interface AppliedDefinition {
  version: number;
  parameters: KpiDefinitionParameters;
}

const COLUMNS = `d.version, d.parameters, d.note, d.published_at as "publishedAt", d.published_by as "publishedBy"`;

const withId = (row: Omit<KpiDefinition, 'id'>): KpiDefinition => ({ id: KPI_DEFINITION_ID, ...row });

export class KpiDefinitionRepository implements AggregateRepository<KpiDefinition> {
  constructor(private readonly manager: EntityManager) {}

  /** The latest version, with the state row locked: publications and replays of the definition queue here. */
  async lock(id: string): Promise<KpiDefinition | null> {
    if (id !== KPI_DEFINITION_ID) return null;
    const [row] = await this.manager.query(
      `select ${COLUMNS} from kpi_definition_state s join kpi_definitions d on d.version = s.latest
       for update of s`,
    );
    return withId(row);
  }

  insert(): Promise<void> {
    return Promise.reject(
      new Error('the KPI definition exists from the migrations on; publish a new version'),
    );
  }

  /** Adds the version `definition.version` when the latest is still `expectedVersion`. */
  async update(definition: KpiDefinition, expectedVersion: number): Promise<boolean> {
    const [, affected] = await this.manager.query(
      `with added as (
         insert into kpi_definitions (version, parameters, note, published_at, published_by)
         select $1, $2, $3, $4, $5 from kpi_definition_state where latest = $6
         returning version)
       update kpi_definition_state set latest = (select version from added) where exists (select 1 from added)`,
      [
        definition.version,
        JSON.stringify(definition.parameters),
        definition.note,
        definition.publishedAt,
        definition.publishedBy,
        expectedVersion,
      ],
    );
    return affected === 1;
  }

  /** Every version, newest first. */
  async all(): Promise<KpiDefinition[]> {
    const rows = await this.manager.query(`select ${COLUMNS} from kpi_definitions d order by d.version desc`);
    return rows.map(withId);
  }

  /** The latest and the applied version numbers. */
  async state(): Promise<{ latest: number; applied: number; appliedAt: Date | null }> {
    const [row] = await this.manager.query(
      'select latest, applied, applied_at as "appliedAt" from kpi_definition_state',
    );
    return row;
  }

  /**
   * The version the ticket cells are computed under, its state row shared-locked until the transaction ends: a
   * consumer writing cells and a definition replay never overlap.
   */
  async appliedForShare(): Promise<AppliedDefinition> {
    const [row] = await this.manager.query(
      `select d.version, d.parameters from kpi_definition_state s join kpi_definitions d on d.version = s.applied
       for share of s`,
    );
    return row;
  }

  /** The latest version, the state row locked for the replay that applies it. */
  async latestForReplay(): Promise<AppliedDefinition & { applied: number }> {
    const [row] = await this.manager.query(
      `select d.version, d.parameters, s.applied from kpi_definition_state s
       join kpi_definitions d on d.version = s.latest for update of s`,
    );
    return row;
  }

  async markApplied(version: number, at: Date): Promise<void> {
    await this.manager.query('update kpi_definition_state set applied = $1, applied_at = $2', [version, at]);
  }
}

export const kpiDefinitionKind: AggregateKind<KpiDefinition> = {
  type: 'kpi-definition',
  label: 'KpiDefinition',
  store: repositoryStore(KpiDefinitionRepository),
};
