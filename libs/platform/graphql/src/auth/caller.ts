import {
  CUSTOMER_ID_HEADER,
  DEPARTMENT_ID_HEADER,
  EMPLOYEE_ID_HEADER,
  ROLE_HEADER,
  USER_ID_HEADER,
} from '@opsgraph/contracts-caller';
import type { Caller } from '@opsgraph/domain';
import { isRole } from './role';

export type { Caller } from '@opsgraph/domain';

/** Node's IncomingHttpHeaders, Apollo's HeaderMap, a fetch Headers or a plain record. */
export type HeadersLike =
  { get(name: string): string | null | undefined } | Record<string, string | string[] | undefined>;

export function headerValue(headers: HeadersLike, name: string): string | undefined {
  const raw =
    typeof headers.get === 'function'
      ? (headers as { get(name: string): string | null | undefined }).get(name)
      : (headers as Record<string, string | string[] | undefined>)[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** `null` when there is no user id or the role is not one we know: such a request is anonymous. */
export function callerFromHeaders(headers: HeadersLike): Caller {
  const userId = headerValue(headers, USER_ID_HEADER);
  const role = headerValue(headers, ROLE_HEADER);
  if (!userId || !isRole(role)) return null;
  const caller: NonNullable<Caller> = { userId, role };
  const employeeId = headerValue(headers, EMPLOYEE_ID_HEADER);
  const customerId = headerValue(headers, CUSTOMER_ID_HEADER);
  const departmentId = headerValue(headers, DEPARTMENT_ID_HEADER);
  if (employeeId) caller.employeeId = employeeId;
  if (customerId) caller.customerId = customerId;
  if (departmentId) caller.departmentId = departmentId;
  return caller;
}
