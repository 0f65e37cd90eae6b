import { CreateCustomers1795400000000 } from './1795400000000-CreateCustomers';
import { CreateRevisits1795400000001 } from './1795400000001-CreateRevisits';
import { CreatePersonalDataAccessLog1795400000002 } from './1795400000002-CreatePersonalDataAccessLog';
import { CreateServiceHistory1795400000003 } from './1795400000003-CreateServiceHistory';
import { MoveCustomerChangesToAuditLog1795400000004 } from './1795400000004-MoveCustomerChangesToAuditLog';
import { AddServiceHistoryMerges1795400000005 } from './1795400000005-AddServiceHistoryMerges';

/** The customer service's own migrations, in order (the platform's and the kit's audit_log come first). */
export const customerMigrations = [
  CreateCustomers1795400000000,
  CreateRevisits1795400000001,
  CreatePersonalDataAccessLog1795400000002,
  CreateServiceHistory1795400000003,
  MoveCustomerChangesToAuditLog1795400000004,
  AddServiceHistoryMerges1795400000005,
];
