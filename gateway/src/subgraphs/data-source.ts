import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import http from 'node:http';
import https from 'node:https';
import {
  CORRELATION_ID_HEADER,
  CUSTOMER_ID_HEADER,
  DEPARTMENT_ID_HEADER,
  EMPLOYEE_ID_HEADER,
  GATEWAY_HEADER_PREFIX,
  GATEWAY_SECRET_HEADER,
  ROLE_HEADER,
  USER_ID_HEADER,
} from '@opsgraph/contracts-caller';
import { traceHeaders } from '@opsgraph/observability';
import type { Claims } from '../auth/claims';
import type { SubgraphClock } from './subgraph-clock';

export interface GatewayContext {
  /** Absent only for the local landing page, which runs no operation. */
  claims?: Claims;
  correlationId: string;
  /** When set, the subgraph calls of the request are timed on it (the gateway's self-time metric). */
  subgraphClock?: SubgraphClock;
}

export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';
export const SUBGRAPH_TIMEOUT = 'SUBGRAPH_TIMEOUT';

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  gatewaySecret: string;
  timeoutMs: number;
  agent: http.Agent;
  /** Called once per subgraph call with its outcome; for metrics. */
  observe?: (seconds: number, outcome: 'ok' | 'error' | 'timeout') => void;
}

export interface SubgraphReply {
  status: number;
  body: string;
}

/**
 * POSTs to one subgraph over a keep-alive agent with a deadline (AbortSignal). No retries: a retried mutation
 * could run twice.
 */
export function postJson(
  target: URL,
  agent: http.Agent,
  headers: http.OutgoingHttpHeaders,
  body: string,
  timeoutMs: number,
): Promise<SubgraphReply> {
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      { method: 'POST', agent, headers, signal: AbortSignal.timeout(timeoutMs) },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function isTimeout(error: unknown): boolean {
  const { name, cause } = error as { name?: string; cause?: { name?: string } };
  return name === 'TimeoutError' || cause?.name === 'TimeoutError' || name === 'AbortError';
}

/**
 * The gateway → subgraph hop. It drops every `x-opsgraph-*` header that arrived with the request and sets the
 * verified claims, the correlation id and the shared secret itself. `process` is replaced rather than hooked
 * (willSendRequest/fetcher) because the stock path allocates node-fetch Headers and Request objects and goes through
 * make-fetch-happen on every call; this one is a plain keep-alive POST.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly name: string;
  private readonly target: URL;
  private readonly secret: string;
  private readonly timeoutMs: number;
  private readonly agent: http.Agent;
  private readonly observe?: SubgraphDataSourceOptions['observe'];

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url });
    this.name = options.name;
    this.target = new URL(options.url);
    this.secret = options.gatewaySecret;
    this.timeoutMs = options.timeoutMs;
    this.agent = options.agent;
    this.observe = options.observe;
  }

  /** The headers of one subgraph call: incoming `x-opsgraph-*` removed, ours set. */
  headersFor(
    context: Partial<GatewayContext> | undefined,
    incoming?: Iterable<[string, string]>,
  ): http.OutgoingHttpHeaders {
    const headers: http.OutgoingHttpHeaders = {};
    if (incoming) {
      for (const [name, value] of incoming) {
        const lower = name.toLowerCase();
        if (!lower.startsWith(GATEWAY_HEADER_PREFIX)) headers[lower] = value;
      }
    }
    headers['content-type'] = 'application/json';
    headers.accept = 'application/json';
    headers[GATEWAY_SECRET_HEADER] = this.secret;
    const claims = context?.claims;
    if (claims) {
      headers[USER_ID_HEADER] = claims.sub;
      headers[ROLE_HEADER] = claims.role;
      if (claims.employeeId) headers[EMPLOYEE_ID_HEADER] = claims.employeeId;
      if (claims.customerId) headers[CUSTOMER_ID_HEADER] = claims.customerId;
      if (claims.departmentId) headers[DEPARTMENT_ID_HEADER] = claims.departmentId;
    }
    if (context?.correlationId) headers[CORRELATION_ID_HEADER] = context.correlationId;
    // W3C context of the active span (the operation's, or Apollo's fetch span when tracing is on). With the HTTP
    // instrumentation the client span replaces it with its own, one level deeper.
    Object.assign(headers, traceHeaders());
    return headers;
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const headers = this.headersFor(options.context as Partial<GatewayContext>, request.http?.headers);
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
    });
    const started = this.observe ? performance.now() : 0;
    const clock = (options.context as Partial<GatewayContext> | undefined)?.subgraphClock;
    let reply: SubgraphReply;
    clock?.enter();
    try {
      reply = await postJson(this.target, this.agent, headers, body, this.timeoutMs);
    } catch (error) {
      const timedOut = isTimeout(error);
      this.observe?.((performance.now() - started) / 1000, timedOut ? 'timeout' : 'error');
      throw timedOut
        ? new GraphQLError(`Subgraph "${this.name}" did not answer within ${this.timeoutMs} ms`, {
            extensions: { code: SUBGRAPH_TIMEOUT, serviceName: this.name },
          })
        : new GraphQLError(`Subgraph "${this.name}" is unavailable`, {
            extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: this.name },
          });
    } finally {
      clock?.leave();
    }
    this.observe?.((performance.now() - started) / 1000, reply.status < 500 ? 'ok' : 'error');
    let parsed: GatewayGraphQLResponse | undefined;
    try {
      parsed = JSON.parse(reply.body) as GatewayGraphQLResponse;
    } catch {
      parsed = undefined;
    }
    // Subgraphs answer request-level errors (validation, 401 without the secret) with 4xx and a GraphQL body: keep
    // their errors and codes. Anything else that is not a GraphQL response is an unavailable subgraph.
    if (parsed && typeof parsed === 'object' && ('data' in parsed || 'errors' in parsed)) return parsed;
    throw new GraphQLError(
      `Subgraph "${this.name}" answered HTTP ${reply.status} without a GraphQL response`,
      {
        extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: this.name },
      },
    );
  }
}
