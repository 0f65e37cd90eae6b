import { CreateKpis1796217628333 } from './1796217628333-CreateKpis';
import { CreateKpiCells1796300000000 } from './1796300000000-CreateKpiCells';
import { CreateMonitoring1796300000001 } from './1796300000001-CreateMonitoring';
import { CreateTargets1796300000002 } from './1796300000002-CreateTargets';
import { CreateSlaWarnings1796300000003 } from './1796300000003-CreateSlaWarnings';
import { CreateOpsCells1796300000004 } from './1796300000004-CreateOpsCells';
import { CreateDepartmentTree1796300000005 } from './1796300000005-CreateDepartmentTree';
import { CreateKpiAssets1796300000006 } from './1796300000006-CreateKpiAssets';
import { CreateSnapshots1796300000007 } from './1796300000007-CreateSnapshots';
import { CreateCustomerTiers1796300000008 } from './1796300000008-CreateCustomerTiers';
import { CreateKpiDefinitions1796300000012 } from './1796300000012-CreateKpiDefinitions';
import { CreateOrgDirectory1796300000020 } from './1796300000020-CreateOrgDirectory';
import { OrgFiguresFromCells1796300000021 } from './1796300000021-OrgFiguresFromCells';
import { SketchBinRuns1796300000022 } from './1796300000022-SketchBinRuns';

/** In order; the platform's migrations (outbox, inbox, audit log) run before these. */
export const migrations = [
  CreateKpis1796217628333,
  CreateKpiCells1796300000000,
  CreateMonitoring1796300000001,
  CreateTargets1796300000002,
  CreateSlaWarnings1796300000003,
  CreateOpsCells1796300000004,
  CreateDepartmentTree1796300000005,
  CreateKpiAssets1796300000006,
  CreateSnapshots1796300000007,
  CreateCustomerTiers1796300000008,
  CreateKpiDefinitions1796300000012,
  CreateOrgDirectory1796300000020,
  OrgFiguresFromCells1796300000021,
  SketchBinRuns1796300000022,
];
