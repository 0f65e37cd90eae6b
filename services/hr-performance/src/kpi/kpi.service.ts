import { BadUserInputError, ForbiddenError, type Caller } from '@opsgraph/graphql-kit';
import type { DataSource } from 'typeorm';
import type { DepartmentRepository } from '../departments/department.repository';
import { subtreeOf } from '../departments/department.rules';
import type { EmployeeRepository } from '../employees/employee.repository';
import { toKpiFact, type KpiKey } from '../projections/ticket-kpi.rules';
import type { TicketKpiRepository } from '../projections/ticket-kpi.repository';
import {
  canSeeDepartmentKpi,
  canSeeEmployeeKpi,
  KPI_ALL_DEPARTMENTS_ROLES,
  KPI_ALL_EMPLOYEES_ROLES,
} from './kpi.access';
import { aggregateKpi, departmentSubject, emptyCounters, type KpiCounters } from './kpi.math';
import { isMonth, monthOf, type Month } from './kpi.period';

export interface KpiServiceDeps {
  dataSource: DataSource;
  repository: TicketKpiRepository;
  employees: EmployeeRepository;
  departments: DepartmentRepository;
  timeZone: string;
  now?: () => Date;
}

/** Reads of the KPI read model, with the access rules of kpi.access.ts. */
export class KpiService {
  private readonly now: () => Date;

  constructor(private readonly deps: KpiServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  currentMonth(): Month {
    return monthOf(this.now(), this.deps.timeZone);
  }

  /** The requested month, or the current one (live figures) when none is given. */
  period(requested: string | null | undefined): Month {
    if (requested === null || requested === undefined) return this.currentMonth();
    if (!isMonth(requested)) throw new BadUserInputError('A period is a month YYYY-MM', 'period');
    return requested;
  }

  async assertMaySeeEmployee(caller: NonNullable<Caller>, employeeId: string): Promise<void> {
    const chain = KPI_ALL_EMPLOYEES_ROLES.includes(caller.role)
      ? new Set<string>()
      : await this.deps.employees.managerChainOf(this.deps.dataSource.manager, employeeId);
    if (!canSeeEmployeeKpi(caller, employeeId, chain)) {
      throw new ForbiddenError('KPI figures are visible to the employee, their managers and HR');
    }
  }

  async assertMaySeeDepartment(caller: NonNullable<Caller>, departmentId: string): Promise<void> {
    const chain = KPI_ALL_DEPARTMENTS_ROLES.includes(caller.role)
      ? new Set<string>()
      : await this.deps.departments.managerChain(this.deps.dataSource.manager, departmentId);
    if (!canSeeDepartmentKpi(caller, chain)) {
      throw new ForbiddenError(
        'Department KPI figures are visible to its managers, HR, directors and analysts',
      );
    }
  }

  /** Stored monthly counters per `subjectId|month` (for the per-request loaders). */
  employeeCounters(keys: readonly KpiKey[]): Promise<Map<string, KpiCounters>> {
    return this.deps.repository.readMonthly(this.deps.dataSource.manager, 'kpi_employee_monthly', keys);
  }

  departmentCounters(keys: readonly KpiKey[]): Promise<Map<string, KpiCounters>> {
    return this.deps.repository.readMonthly(this.deps.dataSource.manager, 'kpi_department_monthly', keys);
  }

  /** A department with every department below it, computed from the ticket facts (a p90 does not add up). */
  async subtreeCounters(departmentId: string, month: Month): Promise<KpiCounters> {
    const manager = this.deps.dataSource.manager;
    const ids = subtreeOf(departmentId, await this.deps.departments.parentLinks(manager));
    const facts = await this.deps.repository.factsForDepartments(manager, ids, month);
    const counters = aggregateKpi(
      facts.map((fact) => toKpiFact(fact, this.deps.timeZone)),
      month,
      departmentSubject(ids),
    );
    return counters.lastEventAt === null ? emptyCounters() : counters;
  }
}
