import { PERSONAL_DATA_ACCESS_LOG_DOWN, PERSONAL_DATA_ACCESS_LOG_UP } from '@opsgraph/personal-data';
import { sqlMigration } from '@opsgraph/persistence';

/** Every read of a ticket's contact in clear is recorded here, as the customer service records its own (§11.4). */
export const CreatePersonalDataAccessLog1762000000008 = sqlMigration({
  name: 'CreatePersonalDataAccessLog1762000000008',
  up: [...PERSONAL_DATA_ACCESS_LOG_UP],
  down: [...PERSONAL_DATA_ACCESS_LOG_DOWN],
});
