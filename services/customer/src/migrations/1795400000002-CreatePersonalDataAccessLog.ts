import { PERSONAL_DATA_ACCESS_LOG_DOWN, PERSONAL_DATA_ACCESS_LOG_UP } from '@opsgraph/personal-data';
import { sqlMigration } from '@opsgraph/persistence';

export const CreatePersonalDataAccessLog1795400000002 = sqlMigration({
  name: 'CreatePersonalDataAccessLog1795400000002',
  up: [...PERSONAL_DATA_ACCESS_LOG_UP],
  down: [...PERSONAL_DATA_ACCESS_LOG_DOWN],
});
