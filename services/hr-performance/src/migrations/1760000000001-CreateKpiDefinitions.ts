import { sqlMigration } from '@opsgraph/persistence';

/**
 * The seeded default weights per position (service quality, efficiency, customer satisfaction, teamwork,
 * attitude). Frozen here on purpose; `DEFAULT_KPI_WEIGHTS` in kpi-definition.rules.ts is tested against it.
 */
export const SEEDED_KPI_WEIGHTS: readonly (readonly [string, number, number, number, number, number])[] = [
  ['OPS_DIRECTOR', 25, 20, 20, 20, 15],
  ['OPS_MANAGER', 25, 20, 20, 20, 15],
  ['CONTENT_EDITOR', 35, 25, 10, 15, 15],
  ['CAMPAIGN_SPECIALIST', 30, 25, 15, 15, 15],
  ['PROMOTION_SPECIALIST', 30, 25, 15, 15, 15],
  ['CS_SPECIALIST', 25, 20, 35, 10, 10],
  ['TECHNICIAN', 35, 30, 15, 10, 10],
  ['DATA_ANALYST', 35, 25, 10, 15, 15],
  ['PROJECT_MANAGER', 25, 25, 15, 25, 10],
];

const weight = (column: string) => `${column} int not null check (${column} between 0 and 100)`;

export const CreateKpiDefinitions1760000000001 = sqlMigration({
  name: 'CreateKpiDefinitions1760000000001',
  up: [
    // One row per position; the CHECK keeps every stored set at exactly 100.
    `
      create table kpi_definitions (
        position text primary key,
        ${weight('service_quality')},
        ${weight('efficiency')},
        ${weight('customer_satisfaction')},
        ${weight('teamwork')},
        ${weight('attitude')},
        version int not null,
        updated_at timestamptz not null default now(),
        constraint kpi_definitions_total_100
          check (service_quality + efficiency + customer_satisfaction + teamwork + attitude = 100)
      )`,
    async (runner) => {
      for (const [position, ...weights] of SEEDED_KPI_WEIGHTS) {
        await runner.query(
          `insert into kpi_definitions
           (position, service_quality, efficiency, customer_satisfaction, teamwork, attitude, version)
         values ($1, $2, $3, $4, $5, $6, 1)`,
          [position, ...weights],
        );
      }
    },
  ],
  down: ['drop table kpi_definitions'],
});
