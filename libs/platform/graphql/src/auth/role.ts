import { Role } from '@opsgraph/domain';
import { registerEnumType } from 'type-graphql';

// The domain's roles as the GraphQL enum `Role`; one per caller in `x-opsgraph-role`.
registerEnumType(Role, {
  valuesConfig: {
    ADMIN: {
      description:
        'Platform administrator: may do everything, including reading the personal-data access log',
    },
    OPS_DIRECTOR: {
      description: 'Director of the operations centre: manages every department, SLA policies and calendars',
    },
    OPS_MANAGER: {
      description: 'Manager of a department: manages tickets, staff work, rules and plans in scope',
    },
    AGENT: {
      description:
        'Customer-service agent: takes in and handles tickets of their department; sees customer contacts in clear',
    },
    TECHNICIAN: {
      description:
        'Technician: handles fault tickets and asset jobs of their department; sees customer contacts masked',
    },
    HR: {
      description:
        'Human resources: employees, appraisals, training and awards; sees customer contacts masked',
    },
    ANALYST: { description: 'Data analyst: reads figures, KPIs and reports; sees customer contacts masked' },
    CUSTOMER: {
      description: 'A customer portal user: sees only its own customer record and its own tickets',
    },
  },
  name: 'Role',
  description: 'Role of a platform user',
});

export { Role, isRole } from '@opsgraph/domain';
