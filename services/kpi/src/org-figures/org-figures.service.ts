// Employee.kpi and Department.kpi: validate the period, check the caller against the directory's manager chains,
// merge the subject's day cells of the month (for a subtree, those of every department in it) into its figures.
import { BadUserInputError, ForbiddenError, type Clock, type KnownCaller } from '@opsgraph/domain';
import type { DataSource } from 'typeorm';
import { subtreeOf } from '../departments/department-tree.projection';
import { permissions } from '../permissions';
import { canSeeDepartmentKpi, canSeeEmployeeKpi } from './kpi-access.rules';
import { mergeCells } from '../engine/cell.rules';
import { CellsRepository } from '../engine/cells.repository';
import { daysOfMonth, isMonth, monthlyFigures, monthOf, type Month } from './monthly-figures.rules';
import { OrgFiguresRepository } from './org-figures.repository';
import { toKpiFiguresType, type KpiFiguresType } from './org-figures.type';

export class OrgFiguresService {
  constructor(private readonly deps: { dataSource: DataSource; clock: Clock; timeZone: string }) {}

  private get repository(): OrgFiguresRepository {
    return new OrgFiguresRepository(this.deps.dataSource.manager);
  }

  /** The requested month, or the current one (live figures) when none is given. */
  period(requested: string | null | undefined): Month {
    if (requested === null || requested === undefined) return monthOf(this.deps.clock(), this.deps.timeZone);
    if (!isMonth(requested)) throw new BadUserInputError('A period is a month YYYY-MM', 'period');
    return requested;
  }

  async employeeFigures(
    caller: KnownCaller,
    employeeId: string,
    period: string | null,
  ): Promise<KpiFiguresType> {
    const month = this.period(period);
    const chain = permissions.can(caller, 'SEE_ANY_EMPLOYEE_KPI')
      ? new Set<string>()
      : await this.repository.managerChainOfEmployee(employeeId);
    if (!canSeeEmployeeKpi(caller, employeeId, chain)) {
      throw new ForbiddenError('KPI figures are visible to the employee, their managers and HR');
    }
    return this.figuresOf('EMPLOYEE', [employeeId], month);
  }

  async departmentFigures(
    caller: KnownCaller,
    departmentId: string,
    period: string | null,
    includeSubdepartments: boolean,
  ): Promise<KpiFiguresType> {
    const month = this.period(period);
    const chain = permissions.can(caller, 'SEE_ANY_DEPARTMENT_KPI')
      ? new Set<string>()
      : await this.repository.managerChainOfDepartment(departmentId);
    if (!canSeeDepartmentKpi(caller, chain)) {
      throw new ForbiddenError(
        'Department KPI figures are visible to its managers, HR, directors and analysts',
      );
    }
    const ids = includeSubdepartments
      ? await subtreeOf(this.deps.dataSource.manager, departmentId)
      : [departmentId];
    return this.figuresOf('DEPARTMENT', ids, month);
  }

  /** At most 31 cells per subject value: the same work at any ticket volume. */
  private async figuresOf(
    kind: 'EMPLOYEE' | 'DEPARTMENT',
    ids: readonly string[],
    month: Month,
  ): Promise<KpiFiguresType> {
    const days = daysOfMonth(month);
    const cells = await new CellsRepository(this.deps.dataSource.manager).cells(
      kind,
      ids,
      days.start,
      days.end,
    );
    const live = month === monthOf(this.deps.clock(), this.deps.timeZone);
    return toKpiFiguresType(month, live, monthlyFigures(mergeCells(cells)));
  }
}
