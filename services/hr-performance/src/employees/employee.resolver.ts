import {
  BadUserInputError,
  ForbiddenError,
  isUuid,
  NotFoundError,
  pageRequest,
  requireCaller,
  toConnection,
  type ConnectionShape,
} from '@opsgraph/graphql-kit';
import { useCaseMutations } from '@opsgraph/service-kit';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { EmployeeRecord } from './employee.record';
import type { HrPerformanceContext } from '../context';
import { Department } from '../departments/department.type';
import { permissions } from '../permissions';
import { canReadEmploymentHistory } from './employee.access';
import {
  EmployeesArgs,
  HireEmployeeInput,
  RecordCareerMoveInput,
  RecordEmployeeLeftInput,
  TransferEmployeeInput,
  UpdateEmployeeInput,
} from './employee.inputs';
import { Employee, EmployeeConnection, EmployeeHistoryEntry } from './employee.type';

const MAINTAINERS = permissions.rolesFor('MAINTAIN_ORGANISATION');

/** The (employeeNumber, id) keyset of a cursor; anything else in it is a bad cursor, not a database error. */
function keyset(after: unknown[] | null): [string, string] | null {
  if (after === null) return null;
  const [employeeNumber, id] = after;
  if (
    after.length !== 2 ||
    typeof employeeNumber !== 'string' ||
    employeeNumber.includes('\u0000') ||
    typeof id !== 'string' ||
    !isUuid(id)
  ) {
    throw new BadUserInputError('Invalid cursor in "after"', 'after');
  }
  return after as [string, string];
}

@Resolver(() => Employee)
export class EmployeeResolver {
  @Query(() => Employee, {
    description: 'One employee by id, for any signed-in caller. Answers NOT_FOUND for an unknown id',
  })
  async employee(
    @Arg('id', () => ID, { description: 'The employee’s id' }) id: string,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<Employee> {
    requireCaller(ctx);
    const employee = await ctx.loaders.employee.load(id);
    if (!employee) throw new NotFoundError('Employee', id);
    return employee;
  }

  @Query(() => EmployeeConnection, { description: 'The staff directory, ordered by employee number' })
  async employees(
    @Args() args: EmployeesArgs,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<ConnectionShape<Employee>> {
    requireCaller(ctx);
    const page = pageRequest(args);
    const { rows, total } = await ctx.services.employees.page(
      args.filter ?? {},
      page.first + 1,
      keyset(page.after),
    );
    return toConnection(rows, page.first, (row) => [row.employeeNumber, row.id], total);
  }

  @FieldResolver(() => Department, { description: 'The department the employee belongs to' })
  async department(@Root() employee: Employee, @Ctx() ctx: HrPerformanceContext): Promise<Department> {
    return (await ctx.loaders.department.load(employee.departmentId)) as Department;
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'Line manager' })
  manager(@Root() employee: Employee, @Ctx() ctx: HrPerformanceContext): Promise<Employee | null> | null {
    return employee.managerId ? ctx.loaders.employee.load(employee.managerId) : null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Pay grade 1–30: visible to the employee, HR, OPS_DIRECTOR and ADMIN',
  })
  payGrade(@Root() employee: EmployeeRecord, @Ctx() ctx: HrPerformanceContext): number | null {
    if (!canReadEmploymentHistory(requireCaller(ctx), employee.id)) {
      throw new ForbiddenError('A pay grade is visible to the employee and HR');
    }
    return employee.payGrade;
  }

  @FieldResolver(() => [EmployeeHistoryEntry], {
    nullable: true,
    description:
      'Employment record changes, oldest first: visible to the employee, HR, OPS_DIRECTOR and ADMIN',
  })
  async history(
    @Root() employee: Employee,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<EmployeeHistoryEntry[]> {
    const caller = requireCaller(ctx);
    if (!canReadEmploymentHistory(caller, employee.id)) {
      throw new ForbiddenError('An employment history is visible to the employee and HR');
    }
    const entries = await ctx.services.employees.history(employee.id);
    return entries.map((entry) => {
      const values = entry.changes as Record<string, unknown>;
      return {
        version: entry.aggregateVersion,
        action: entry.action,
        occurredAt: entry.occurredAt,
        actorRole: entry.actorRole,
        departmentId: values.departmentId as string,
        position: values.position as Employee['position'],
        managerId: (values.managerId as string | null) ?? null,
        status: values.status as Employee['status'],
        effectiveDate: (values.effectiveDate as string | undefined) ?? null,
      };
    });
  }
}

/** The employment mutations: each hands its input to the EmployeeService use-case. */
export const EmployeeMutations = useCaseMutations(
  () => Employee,
  (ctx: HrPerformanceContext) => ctx.services.employees,
  {
    hireEmployee: { useCase: 'hire', input: HireEmployeeInput, roles: MAINTAINERS },
    transferEmployee: {
      useCase: 'transfer',
      input: TransferEmployeeInput,
      roles: MAINTAINERS,
      description: 'Move an employee to another department (position and manager may change)',
    },
    updateEmployee: {
      useCase: 'update',
      input: UpdateEmployeeInput,
      roles: MAINTAINERS,
      description: 'Name, position, line manager, or ACTIVE ⇄ ON_LEAVE',
    },
    recordCareerMove: {
      useCase: 'recordCareerMove',
      input: RecordCareerMoveInput,
      roles: MAINTAINERS,
      description: 'Promotion, demotion, rotation (輪崗) or pay-grade change; audited and published',
    },
    recordEmployeeLeft: {
      useCase: 'recordLeft',
      input: RecordEmployeeLeftInput,
      roles: MAINTAINERS,
      description: 'The employee leaves; they must no longer manage anyone',
    },
  },
);
