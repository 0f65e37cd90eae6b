import { BadUserInputError, type RequestMeta } from '@opsgraph/domain';
import { pageRequest, toConnection, type ConnectionShape } from '@opsgraph/graphql-kit';
import type { DataSource } from 'typeorm';
import { permissions } from '../permissions';
import { AccessLogRepository, type AccessRecord } from '@opsgraph/personal-data';
import type { PersonalDataAccessLogArgs } from './access-log.type';

export class AccessLogService {
  constructor(private readonly dataSource: DataSource) {}

  /** ADMIN only: who read which customer's personal data, newest first. */
  async page(meta: RequestMeta, args: PersonalDataAccessLogArgs): Promise<ConnectionShape<AccessRecord>> {
    permissions.require(meta.caller, 'READ_THE_PERSONAL_DATA_ACCESS_LOG');
    const page = pageRequest(args);
    const after = page.after?.[0] ?? null;
    if (after !== null && (typeof after !== 'string' || !/^\d{1,18}$/.test(after))) {
      throw new BadUserInputError('Invalid cursor in "after"', 'after');
    }
    const { rows, total } = await new AccessLogRepository(this.dataSource.manager).page(
      args.filter ?? {},
      page.first + 1,
      after,
    );
    return toConnection(rows, page.first, (row) => [row.id], total);
  }
}
