import type { Caller, SubgraphContext } from '@opsgraph/graphql-kit';
import { createLoader } from '@opsgraph/graphql-kit';
import DataLoader from 'dataloader';
import type { DepartmentEntity } from './departments/department.entity';
import type { DepartmentService } from './departments/department.service';
import type { EmployeeEntity } from './employees/employee.entity';
import type { EmployeeService } from './employees/employee.service';
import type { KpiDefinitionService } from './kpi-definitions/kpi-definition.service';
import type { KpiCounters } from './kpi/kpi.math';
import type { KpiService } from './kpi/kpi.service';
import type { KpiKey } from './projections/ticket-kpi.rules';
import type { Actor } from './request';

export interface HrPerformanceServices {
  departments: DepartmentService;
  employees: EmployeeService;
  kpiDefinitions: KpiDefinitionService;
  kpi: KpiService;
}

/** Per-request DataLoaders: one query per kind of lookup, however many entities a response holds. */
export interface HrPerformanceLoaders {
  department: DataLoader<string, DepartmentEntity | null>;
  employee: DataLoader<string, EmployeeEntity | null>;
  children: DataLoader<string, DepartmentEntity[]>;
  /** Keyed `subjectId|YYYY-MM`; null when nothing counted in that month. */
  employeeKpi: DataLoader<string, KpiCounters | null>;
  departmentKpi: DataLoader<string, KpiCounters | null>;
}

export type HrPerformanceContext = SubgraphContext<{
  services: HrPerformanceServices;
  loaders: HrPerformanceLoaders;
}>;

const toKey = (key: string): KpiKey => {
  const [subjectId, month] = key.split('|');
  return { subjectId, month };
};

function countersLoader(read: (keys: KpiKey[]) => Promise<Map<string, KpiCounters>>) {
  return new DataLoader<string, KpiCounters | null>(async (keys) => {
    const rows = await read(keys.map(toKey));
    return keys.map((key) => rows.get(key) ?? null);
  });
}

export function createHrPerformanceContext(services: HrPerformanceServices): {
  services: HrPerformanceServices;
  loaders: HrPerformanceLoaders;
} {
  return {
    services,
    loaders: {
      department: createLoader(
        (ids) => services.departments.findByIds(ids),
        (row) => row.id,
      ),
      employee: createLoader(
        (ids) => services.employees.findByIds(ids),
        (row) => row.id,
      ),
      children: new DataLoader<string, DepartmentEntity[]>(async (parentIds) => {
        const children = await services.departments.childrenOf(parentIds);
        return parentIds.map((id) => children.filter((child) => child.parentId === id));
      }),
      employeeKpi: countersLoader((keys) => services.kpi.employeeCounters(keys)),
      departmentKpi: countersLoader((keys) => services.kpi.departmentCounters(keys)),
    },
  };
}

export function actorOf(caller: NonNullable<Caller>, ctx: { correlationId: string }): Actor {
  return { userId: caller.userId, role: caller.role, correlationId: ctx.correlationId };
}
