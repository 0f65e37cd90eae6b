// Employee.kpi and Department.kpi, contributed to hr-performance's entities (moved here from hr-performance in
// issue #15, docs/architecture.md §Moving a field; hr-performance no longer has a copy).
import { entityReferenceType, requireCaller } from '@opsgraph/graphql-kit';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { KpiContext } from '../subgraph';
import { KpiFiguresType } from './org-figures.type';

/** Entities hr-performance owns, known here by key: this subgraph contributes their `kpi` field. */
export const EmployeeReference = entityReferenceType('Employee', { resolvable: true });
export type EmployeeReference = InstanceType<typeof EmployeeReference>;
export const DepartmentReference = entityReferenceType('Department', { resolvable: true });
export type DepartmentReference = InstanceType<typeof DepartmentReference>;

const PERIOD = { nullable: true, description: 'Month YYYY-MM; default: the current month (live figures)' };

@Resolver(() => EmployeeReference)
export class EmployeeKpiResolver {
  @FieldResolver(() => KpiFiguresType, {
    nullable: true,
    description:
      'Ticket KPI figures of the tickets the employee handles. Visible to the employee, their managers ' +
      '(line and department chain), HR, OPS_DIRECTOR and ADMIN.',
  })
  kpi(
    @Root() employee: EmployeeReference,
    @Arg('period', () => String, PERIOD) period: string | null,
    @Ctx() ctx: KpiContext,
  ): Promise<KpiFiguresType> {
    return ctx.services.orgFigures.employeeFigures(requireCaller(ctx), employee.id, period ?? null);
  }
}

@Resolver(() => DepartmentReference)
export class DepartmentKpiResolver {
  @FieldResolver(() => KpiFiguresType, {
    nullable: true,
    description:
      'Ticket KPI figures of the tickets whose lead department this is (complaints: whose investigation held ' +
      'it responsible). Visible to its managers up the tree, HR, OPS_DIRECTOR, ANALYST and ADMIN.',
  })
  kpi(
    @Root() department: DepartmentReference,
    @Arg('period', () => String, PERIOD) period: string | null,
    @Arg('includeSubdepartments', { defaultValue: false, description: 'Also count the departments below it' })
    includeSubdepartments: boolean,
    @Ctx() ctx: KpiContext,
  ): Promise<KpiFiguresType> {
    return ctx.services.orgFigures.departmentFigures(
      requireCaller(ctx),
      department.id,
      period ?? null,
      includeSubdepartments,
    );
  }
}
