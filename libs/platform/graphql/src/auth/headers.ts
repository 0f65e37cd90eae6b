/** Headers the gateway sets (always overwriting what the client sent) on every subgraph request. */
export const GATEWAY_SECRET_HEADER = 'x-opsgraph-gateway-secret';
export const USER_ID_HEADER = 'x-opsgraph-user-id';
export const ROLE_HEADER = 'x-opsgraph-role';
export const EMPLOYEE_ID_HEADER = 'x-opsgraph-employee-id';
export const CUSTOMER_ID_HEADER = 'x-opsgraph-customer-id';
export const DEPARTMENT_ID_HEADER = 'x-opsgraph-department-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** Every caller header, e.g. for the gateway to delete before setting its own. */
export const CALLER_HEADERS = [
  USER_ID_HEADER,
  ROLE_HEADER,
  EMPLOYEE_ID_HEADER,
  CUSTOMER_ID_HEADER,
  DEPARTMENT_ID_HEADER,
] as const;
