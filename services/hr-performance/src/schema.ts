import { buildFederatedSchema } from '@opsgraph/graphql-kit';
import type { GraphQLSchema } from 'graphql';
import { departmentReference } from './departments/department.reference';
import { DepartmentResolver } from './departments/department.resolver';
import { employeeReference } from './employees/employee.reference';
import { EmployeeResolver } from './employees/employee.resolver';
import { KpiDefinitionResolver } from './kpi-definitions/kpi-definition.resolver';
import { DepartmentKpiResolver, EmployeeKpiResolver } from './kpi/kpi.resolver';

/** The hr-performance subgraph schema; needs no database (print-sdl.ts builds it too). */
export function buildHrPerformanceSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      DepartmentResolver,
      EmployeeResolver,
      KpiDefinitionResolver,
      EmployeeKpiResolver,
      DepartmentKpiResolver,
    ],
    referenceResolvers: {
      Employee: employeeReference,
      Department: departmentReference,
    },
  });
}
