import {
  CUSTOMER_ID_HEADER,
  DEPARTMENT_ID_HEADER,
  EMPLOYEE_ID_HEADER,
  GATEWAY_SECRET_HEADER,
  ROLE_HEADER,
  USER_ID_HEADER,
  type RoleName,
} from '@opsgraph/contracts-caller';

/** Our subgraphs and gateway always put a `code` in `extensions` (libs/platform/graphql formatError). */
export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions: Record<string, unknown> & { code: string } }[];
}

/** The verified claims the gateway would forward for a caller. */
export interface TestCaller {
  role: RoleName;
  userId?: string;
  employeeId?: string;
  customerId?: string;
  departmentId?: string;
}

export interface SubgraphClient {
  /** One GraphQL request as the gateway sends it (shared secret + claim headers); `null` caller: no claims. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: TestCaller | null,
  ): Promise<GraphQLResult<T>>;
  /** Like `gql`, but fails the test on any error and returns `data`. */
  ok<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: TestCaller | null,
  ): Promise<T>;
}

export function callerHeaders(caller: TestCaller): Record<string, string> {
  const headers: Record<string, string> = {
    [USER_ID_HEADER]: caller.userId ?? `user-${caller.employeeId ?? caller.customerId ?? caller.role}`,
    [ROLE_HEADER]: caller.role,
  };
  if (caller.employeeId) headers[EMPLOYEE_ID_HEADER] = caller.employeeId;
  if (caller.customerId) headers[CUSTOMER_ID_HEADER] = caller.customerId;
  if (caller.departmentId) headers[DEPARTMENT_ID_HEADER] = caller.departmentId;
  return headers;
}

/** Calls a subgraph directly over HTTP the way the gateway does; `defaultCaller` when a call names none. */
export function createSubgraphClient(options: {
  url: string;
  gatewaySecret: string;
  defaultCaller?: TestCaller;
}): SubgraphClient {
  const gql: SubgraphClient['gql'] = async (query, variables = {}, caller = options.defaultCaller ?? null) => {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [GATEWAY_SECRET_HEADER]: options.gatewaySecret,
        ...(caller ? callerHeaders(caller) : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<never>;
  };
  return {
    gql,
    async ok(query, variables, caller) {
      const result = await gql(query, variables, caller);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data as never;
    },
  };
}
