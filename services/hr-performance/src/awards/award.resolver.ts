import { requireCaller } from '@opsgraph/graphql-kit';
import { useCaseMutations } from '@opsgraph/service-kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HrPerformanceContext } from '../context';
import { Employee } from '../employees/employee.type';
import { permissions } from '../permissions';
import type { AwardRecord } from './award.entity';
import { Award, DecideAwardInput, NominateForAwardInput } from './award.type';

@Resolver(() => Employee)
export class EmployeeAwardResolver {
  @FieldResolver(() => [Award], {
    description: 'Nominations and awards: the employee, their managers and HR',
  })
  awards(@Root() employee: Employee, @Ctx() ctx: HrPerformanceContext): Promise<AwardRecord[]> {
    return ctx.services.awards.ofEmployee(requireCaller(ctx), employee.id);
  }
}

export const AwardMutations = useCaseMutations(
  () => Award,
  (ctx: HrPerformanceContext) => ctx.services.awards,
  {
    nominateForAward: {
      useCase: 'nominate',
      input: NominateForAwardInput,
      description: 'The employee’s managers or HR nominate (one per employee, kind and period)',
    },
    decideAward: {
      useCase: 'decide',
      input: DecideAwardInput,
      roles: permissions.rolesFor('MAINTAIN_ORGANISATION'),
      description: 'HR or the director approve or reject a nomination',
    },
  },
);
