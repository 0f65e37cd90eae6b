// The operations the gateway and scale benchmarks send, and the caller they send them as.
import { signHs256 } from '../lib/jwt';
import { BENCH_GATEWAY_SECRET, BENCH_JWT_SECRET } from './subgraphs';

/** (a), (b): a ticket list, served by the ticket subgraph alone. */
export const TICKET_LIST = `query TicketList {
  tickets(first: 20) {
    edges { node { id number subject status priority channel createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** (c)–(e): tickets → customer (customer subgraph) → assignee → department (hr-performance subgraph). */
export const FEDERATED = `query TicketsAcrossSubgraphs {
  tickets(first: 20) {
    edges {
      node {
        id number status priority
        customer { id name tier }
        assignee { id name department { id name } }
      }
    }
  }
}`;

/** Scale: a filtered page (index-backed listing: status and priority, newest first). */
export const FILTERED_PAGE = `query FilteredTickets {
  tickets(first: 20, filter: { status: [IN_PROGRESS], priority: [P2] }) {
    edges { node { id number subject status priority createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const SERVICE_HISTORY = `query ServiceHistory($id: ID!) {
  customer(id: $id) {
    id name
    serviceHistory {
      ticketsTotal ticketsOpen complaints lastContactAt averageSatisfaction surveysAnswered
      lastComplaint { number openedAt }
    }
  }
}`;

export const DEPARTMENT_KPI = `query DepartmentKpi($id: ID!, $period: String!) {
  department(id: $id) {
    id name
    kpi(period: $period) {
      period ticketsHandled ticketsResolved resolutionRate resolvedWithinSlaShare surveyCount averageSatisfaction
      firstResponse { count averageSeconds p90Seconds }
    }
  }
}`;

export const body = (query: string, variables?: Record<string, unknown>) =>
  JSON.stringify({ query, ...(variables ? { variables } : {}) });

const ADMIN = { sub: 'bench-admin', role: 'ADMIN' };

/** Our gateway: a signed token (it verifies it and sets the claim headers itself). */
export function bearerHeaders(): Record<string, string> {
  return { authorization: `Bearer ${signHs256(ADMIN, BENCH_JWT_SECRET)}` };
}

/** The subgraph directly, and the peer gateways that pass them on: the shared secret and the claim headers. */
export function claimHeaders(): Record<string, string> {
  return {
    'x-opsgraph-gateway-secret': BENCH_GATEWAY_SECRET,
    'x-opsgraph-user-id': ADMIN.sub,
    'x-opsgraph-role': ADMIN.role,
  };
}

export async function post(url: string, payload: string, headers: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: payload,
  });
}

/** Sends one request and returns its data; throws on HTTP or GraphQL errors. */
export async function graphql<T>(url: string, payload: string, headers: Record<string, string>): Promise<T> {
  const response = await post(url, payload, headers);
  const reply = (await response.json()) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (!response.ok || reply.errors || !reply.data) {
    throw new Error(`${url}: HTTP ${response.status} ${JSON.stringify(reply.errors ?? reply).slice(0, 500)}`);
  }
  return reply.data;
}
