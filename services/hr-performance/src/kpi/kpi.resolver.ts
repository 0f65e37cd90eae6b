import { requireCaller } from '@opsgraph/graphql-kit';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Department } from '../departments/department.type';
import { Employee } from '../employees/employee.type';
import type { HrPerformanceContext } from '../context';
import { emptyCounters, type KpiCounters } from './kpi.math';
import { KpiFigures, toKpiFiguresType } from './kpi.type';

const PERIOD = { nullable: true, description: 'Month YYYY-MM; default: the current month (live figures)' };

/** The figures of one month: the caller must pass `maySee`; `countersOf` reads that month's counters. */
async function figuresOf(
  ctx: HrPerformanceContext,
  period: string | null,
  maySee: (caller: ReturnType<typeof requireCaller>) => Promise<void>,
  countersOf: (month: string) => Promise<KpiCounters | null>,
): Promise<KpiFigures> {
  const caller = requireCaller(ctx);
  const month = ctx.services.kpi.period(period);
  await maySee(caller);
  const counters = (await countersOf(month)) ?? emptyCounters();
  return toKpiFiguresType(month, month === ctx.services.kpi.currentMonth(), counters);
}

@Resolver(() => Employee)
export class EmployeeKpiResolver {
  @FieldResolver(() => KpiFigures, {
    nullable: true,
    description:
      'Ticket KPI figures of the tickets the employee handles. Visible to the employee, their managers ' +
      '(line and department chain), HR, OPS_DIRECTOR and ADMIN.',
  })
  async kpi(
    @Root() employee: Employee,
    @Arg('period', () => String, PERIOD) period: string | null,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<KpiFigures> {
    return figuresOf(
      ctx,
      period,
      (caller) => ctx.services.kpi.assertMaySeeEmployee(caller, employee.id),
      (month) => ctx.loaders.employeeKpi.load(`${employee.id}|${month}`),
    );
  }
}

@Resolver(() => Department)
export class DepartmentKpiResolver {
  @FieldResolver(() => KpiFigures, {
    nullable: true,
    description:
      'Ticket KPI figures of the tickets whose lead department this is (complaints: whose investigation held ' +
      'it responsible). Visible to its managers up the tree, HR, OPS_DIRECTOR, ANALYST and ADMIN.',
  })
  async kpi(
    @Root() department: Department,
    @Arg('period', () => String, PERIOD) period: string | null,
    @Arg('includeSubdepartments', { defaultValue: false, description: 'Also count the departments below it' })
    includeSubdepartments: boolean,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<KpiFigures> {
    return figuresOf(
      ctx,
      period,
      (caller) => ctx.services.kpi.assertMaySeeDepartment(caller, department.id),
      (month) =>
        includeSubdepartments
          ? ctx.services.kpi.subtreeCounters(department.id, month)
          : ctx.loaders.departmentKpi.load(`${department.id}|${month}`),
    );
  }
}
