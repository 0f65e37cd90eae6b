import { CreateOrganisation1760000000000 } from './1760000000000-CreateOrganisation';
import { CreateKpiDefinitions1760000000001 } from './1760000000001-CreateKpiDefinitions';
import { CreateKpiReadModel1760000000002 } from './1760000000002-CreateKpiReadModel';
import { CreateAppraisals1760000000003 } from './1760000000003-CreateAppraisals';
import { CreateTraining1760000000004 } from './1760000000004-CreateTraining';
import { CreateIncentives1760000000005 } from './1760000000005-CreateIncentives';
import { CreatePraiseCredits1760000000006 } from './1760000000006-CreatePraiseCredits';
import { KpiFactsMergedInto1760000000007 } from './1760000000007-KpiFactsMergedInto';
import { KpiFromSnapshots1760000000008 } from './1760000000008-KpiFromSnapshots';

/** The hr-performance service's own migrations, in order (the platform's and the audit log's come first). */
export const hrPerformanceMigrations = [
  CreateOrganisation1760000000000,
  CreateKpiDefinitions1760000000001,
  CreateKpiReadModel1760000000002,
  CreateAppraisals1760000000003,
  CreateTraining1760000000004,
  CreateIncentives1760000000005,
  CreatePraiseCredits1760000000006,
  KpiFactsMergedInto1760000000007,
  KpiFromSnapshots1760000000008,
];
