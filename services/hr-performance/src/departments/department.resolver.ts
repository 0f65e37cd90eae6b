import { NotFoundError, requireCaller, Role } from '@opsgraph/graphql-kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Employee } from '../employees/employee.type';
import { actorOf, type HrPerformanceContext } from '../context';
import { CreateDepartmentInput, UpdateDepartmentInput } from './department.inputs';
import { Department } from './department.type';

/** Who maintains the organisation. Every authenticated caller may read the directory. */
export const ORGANISATION_MAINTAINERS = [Role.ADMIN, Role.HR, Role.OPS_DIRECTOR];

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], {
    description: 'Top-level departments (the operations centre); walk down via children',
  })
  departments(@Ctx() ctx: HrPerformanceContext): Promise<Department[]> {
    requireCaller(ctx);
    return ctx.services.departments.roots();
  }

  @Query(() => Department)
  async department(@Arg('id', () => ID) id: string, @Ctx() ctx: HrPerformanceContext): Promise<Department> {
    requireCaller(ctx);
    const department = await ctx.loaders.department.load(id);
    if (!department) throw new NotFoundError('Department', id);
    return department;
  }

  @FieldResolver(() => Department, { nullable: true })
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

  @FieldResolver(() => Employee, { nullable: true })
  manager(@Root() department: Department, @Ctx() ctx: HrPerformanceContext): Promise<Employee | null> | null {
    return department.managerId ? ctx.loaders.employee.load(department.managerId) : null;
  }

  @Authorized(...ORGANISATION_MAINTAINERS)
  @Mutation(() => Department)
  createDepartment(
    @Arg('input') input: CreateDepartmentInput,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<Department> {
    return ctx.services.departments.create(actorOf(requireCaller(ctx), ctx), input);
  }

  @Authorized(...ORGANISATION_MAINTAINERS)
  @Mutation(() => Department, { description: 'Rename, re-code, move in the tree or change the manager' })
  updateDepartment(
    @Arg('input') input: UpdateDepartmentInput,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<Department> {
    return ctx.services.departments.update(actorOf(requireCaller(ctx), ctx), input);
  }
}
