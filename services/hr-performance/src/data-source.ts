// The one DataSource of the hr-performance service: explicit entities and migrations (the platform's outbox and
// inbox first). The KPI read model is reached by SQL in its repository, not through entities.
import { createDataSource, platformMigrations } from '@opsgraph/persistence';
import type { DataSource } from 'typeorm';
import { DepartmentEntity } from './departments/department.entity';
import { EmployeeEntity } from './employees/employee.entity';
import { KpiDefinitionEntity } from './kpi-definitions/kpi-definition.entity';
import { hrPerformanceMigrations } from './migrations';

export const entities = [DepartmentEntity, EmployeeEntity, KpiDefinitionEntity];
export const migrations = [...platformMigrations, ...hrPerformanceMigrations];

export function createHrPerformanceDataSource(url: string, applicationName = 'hr-performance'): DataSource {
  return createDataSource({ url, applicationName, entities, migrations });
}
