import type { ConnectionShape } from '@opsgraph/graphql-kit';
import { metaOf } from '@opsgraph/service-kit';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { CustomerContext } from '../context';
import type { AccessRecord } from '@opsgraph/personal-data';
import {
  PersonalDataAccess,
  PersonalDataAccessConnection,
  PersonalDataAccessLogArgs,
} from './access-log.type';

@Resolver(() => PersonalDataAccess)
export class AccessLogResolver {
  @Query(() => PersonalDataAccessConnection, {
    description: 'ADMIN: reads of customer personal data in clear',
  })
  personalDataAccessLog(
    @Args() args: PersonalDataAccessLogArgs,
    @Ctx() ctx: CustomerContext,
  ): Promise<ConnectionShape<AccessRecord>> {
    return ctx.services.accessLog.page(metaOf(ctx), args);
  }
}
