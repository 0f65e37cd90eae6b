import { NotFoundError, requireCaller } from '@opsgraph/graphql-kit';
import { metaOf } from '@opsgraph/service-kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
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

  @Authorized(...MAINTAINERS)
  @Mutation(() => Department)
  createDepartment(
    @Arg('input') input: CreateDepartmentInput,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<Department> {
    return ctx.services.departments.create(metaOf(ctx), input);
  }

  @Authorized(...MAINTAINERS)
  @Mutation(() => Department, { description: 'Rename, re-code, move in the tree or change the manager' })
  updateDepartment(
    @Arg('input') input: UpdateDepartmentInput,
    @Ctx() ctx: HrPerformanceContext,
  ): Promise<Department> {
    return ctx.services.departments.update(metaOf(ctx), input);
  }
}
