import { NotFoundError, requireCaller } from '@opsgraph/graphql-kit';
import { useCaseMutations } from '@opsgraph/service-kit';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Employee } from '../employees/employee.type';
import type { HrPerformanceContext } from '../context';
import { permissions } from '../permissions';
import { CreateDepartmentInput, UpdateDepartmentInput } from './department.inputs';
import { Department } from './department.type';

const MAINTAINERS = permissions.rolesFor('MAINTAIN_ORGANISATION');

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], {
    description: 'Top-level departments (the operations centre); walk down via children',
  })
  departments(@Ctx() ctx: HrPerformanceContext): Promise<Department[]> {
    requireCaller(ctx);
    return ctx.services.departments.roots();
  }

  @Query(() => Department, {
    description: 'One department by id, for any signed-in caller. Answers NOT_FOUND for an unknown id',
  })
  async department(
    @Arg('id', () => ID, { description: 'The department’s id' }) id: string,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<Department> {
    requireCaller(ctx);
    const department = await ctx.loaders.department.load(id);
    if (!department) throw new NotFoundError('Department', id);
    return department;
  }

  @FieldResolver(() => Department, {
    description: 'The department above this one; null for a top-level department',
    nullable: true,
  })
  parent(
    @Root() department: Department,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<Department | null> | null {
    return department.parentId ? ctx.loaders.department.load(department.parentId) : null;
  }

  @FieldResolver(() => [Department], { description: 'Sub-departments, ordered by code' })
  children(@Root() department: Department, @Ctx() ctx: HrPerformanceContext): Promise<Department[]> {
    return ctx.loaders.children.load(department.id);
  }

  @FieldResolver(() => Employee, {
    description: 'The department’s manager; null when none is appointed',
    nullable: true,
  })
  manager(@Root() department: Department, @Ctx() ctx: HrPerformanceContext): Promise<Employee | null> | null {
    return department.managerId ? ctx.loaders.employee.load(department.managerId) : null;
  }
}

/** The department mutations: each hands its input to the DepartmentService use-case. */
export const DepartmentMutations = useCaseMutations(
  () => Department,
  (ctx: HrPerformanceContext) => ctx.services.departments,
  {
    createDepartment: { useCase: 'create', input: CreateDepartmentInput, roles: MAINTAINERS },
    updateDepartment: {
      useCase: 'update',
      input: UpdateDepartmentInput,
      roles: MAINTAINERS,
      description: 'Rename, re-code, move in the tree or change the manager',
    },
  },
);
