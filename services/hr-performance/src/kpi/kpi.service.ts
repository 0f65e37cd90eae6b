import { BadUserInputError, ForbiddenError, type Clock, type KnownCaller } from '@opsgraph/domain';
import type { DataSource } from 'typeorm';
import { DepartmentRepository } from '../departments/department.repository';
import { subtreeOf } from '../departments/department.rules';
import { EmployeeRepository } from '../employees/employee.repository';
import { permissions } from '../permissions';
import { toKpiFact, type KpiKey } from '../projections/ticket-kpi.rules';
import { TicketKpiRepository } from '../projections/ticket-kpi.repository';
import { canSeeDepartmentKpi, canSeeEmployeeKpi } from './kpi.access';
import { aggregateKpi, departmentSubject, emptyCounters, type KpiCounters } from './kpi.math';
import { isMonth, monthOf, type Month } from './kpi.period';

/** Reads of the KPI read model, with the access rules of kpi.access.ts. */
export class KpiService {
  constructor(private readonly deps: { dataSource: DataSource; clock: Clock; timeZone: string }) {}

  currentMonth(): Month {
    return monthOf(this.deps.clock(), this.deps.timeZone);
  }

  /** The requested month, or the current one (live figures) when none is given. */
  period(requested: string | null | undefined): Month {
    if (requested === null || requested === undefined) return this.currentMonth();
    if (!isMonth(requested)) throw new BadUserInputError('A period is a month YYYY-MM', 'period');
    return requested;
  }

  async assertMaySeeEmployee(caller: KnownCaller, employeeId: string): Promise<void> {
    const chain = permissions.can(caller, 'SEE_ANY_EMPLOYEE_KPI')
      ? new Set<string>()
      : await new EmployeeRepository(this.deps.dataSource.manager).managerChainOf(employeeId);
    if (!canSeeEmployeeKpi(caller, employeeId, chain)) {
      throw new ForbiddenError('KPI figures are visible to the employee, their managers and HR');
    }
  }

  async assertMaySeeDepartment(caller: KnownCaller, departmentId: string): Promise<void> {
    const chain = permissions.can(caller, 'SEE_ANY_DEPARTMENT_KPI')
      ? new Set<string>()
      : await new DepartmentRepository(this.deps.dataSource.manager).managerChain(departmentId);
    if (!canSeeDepartmentKpi(caller, chain)) {
      throw new ForbiddenError(
        'Department KPI figures are visible to its managers, HR, directors and analysts',
      );
    }
  }

  /** Stored monthly counters per `subjectId|month` (for the per-request loaders). */
  employeeCounters(keys: readonly KpiKey[]): Promise<Map<string, KpiCounters>> {
    return new TicketKpiRepository(this.deps.dataSource.manager).readMonthly('kpi_employee_monthly', keys);
  }

  departmentCounters(keys: readonly KpiKey[]): Promise<Map<string, KpiCounters>> {
    return new TicketKpiRepository(this.deps.dataSource.manager).readMonthly('kpi_department_monthly', keys);
  }

  /** A department with every department below it, computed from the ticket facts (a p90 does not add up). */
  async subtreeCounters(departmentId: string, month: Month): Promise<KpiCounters> {
    const manager = this.deps.dataSource.manager;
    const ids = subtreeOf(departmentId, await new DepartmentRepository(manager).parentLinks());
    const facts = await new TicketKpiRepository(manager).factsForDepartments(ids, month);
    const counters = aggregateKpi(
      facts.map((fact) => toKpiFact(fact, this.deps.timeZone)),
      month,
      departmentSubject(ids),
    );
    return counters.lastEventAt === null ? emptyCounters() : counters;
  }
}
