import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Logger } from '@opsgraph/observability';
import { inRequestTrace, metricsRegistry } from '@opsgraph/observability';
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { CORRELATION_ID_HEADER } from '@opsgraph/contracts-caller';
import type { TokenVerifier } from '../auth/jwt';
import { errorBody } from '../errors';
import { countError, observeRequest, selfTime } from '../metrics';
import { SubgraphClock } from '../subgraphs/subgraph-clock';
import type { GatewayContext } from '../subgraphs/data-source';
import type { Readiness } from '../subgraphs/readiness';
import { admitTrusted, admitTrustedSearch, NOT_LISTED, type TrustedDocuments } from './trusted-documents';

export interface HandlerOptions {
  apollo: ApolloServer<GatewayContext>;
  verifier: TokenVerifier;
  maxBodyBytes: number;
  /** The Apollo Sandbox landing page for a browser without a token. */
  explorer: boolean;
  trustedDocuments?: TrustedDocuments;
  readiness: () => Promise<Readiness>;
  corsOrigins: string[];
  logger: Logger;
  /** False once stopping: readiness fails so that load balancers move away. */
  accepting: () => boolean;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const MISSING_TOKEN = errorBody(
  'Authentication required: send "Authorization: Bearer <token>"',
  'UNAUTHENTICATED',
);
const NOT_FOUND = errorBody('Not found: the graph is at /graphql', 'NOT_FOUND');
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

class BodyTooLarge extends Error {}

/** After a 413: read and discard what the client still sends (so it reads the answer), up to a bound. */
const DISCARD_LIMIT_BYTES = 32 * 1024 * 1024;

function discardRest(req: http.IncomingMessage): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT_BYTES) req.destroy();
  });
  req.resume();
}

function send(res: http.ServerResponse, status: number, body: string, contentType = JSON_TYPE): void {
  res.statusCode = status;
  res.setHeader('content-type', contentType);
  res.end(body);
}

/** The body as text, refusing more than `max` bytes as soon as it is known (Content-Length or while streaming). */
function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (declared > max) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () =>
      resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

function toHeaderMap(req: http.IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  const raw = req.headers;
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/**
 * Node `http` → Apollo Server, plus `/healthz`, `/readyz` and `/metrics`. Every GraphQL request needs a valid token
 * (401 otherwise, before the body is read); probes and metrics are open, as they are for the subgraphs.
 */
export function createRequestHandler(options: HandlerOptions): http.RequestListener {
  const { apollo, verifier, maxBodyBytes, explorer, trustedDocuments, logger } = options;
  const corsOrigins = new Set(options.corsOrigins);
  const tooLarge = errorBody(`Request body exceeds ${maxBodyBytes} bytes`, 'PAYLOAD_TOO_LARGE', {
    max: maxBodyBytes,
  });

  const finish = (started: number, status: number, code?: string) => {
    if (code) countError(code);
    observeRequest(status, (performance.now() - started) / 1000);
  };

  const refuse = (res: http.ServerResponse, started: number, status: number, code: string, body: string) => {
    if (status === 401) res.setHeader('www-authenticate', 'Bearer');
    send(res, status, body);
    finish(started, status, code);
  };

  async function graphql(req: http.IncomingMessage, res: http.ServerResponse, search: string): Promise<void> {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const origin = req.headers.origin;
    if (origin !== undefined && corsOrigins.has(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      if (method === 'OPTIONS') {
        res.setHeader('access-control-allow-methods', 'GET, POST');
        res.setHeader(
          'access-control-allow-headers',
          [
            'authorization',
            'content-type',
            'apollo-require-preflight',
            'x-apollo-operation-name',
            'x-correlation-id',
            'apollographql-client-name',
            'apollographql-client-version',
            'traceparent',
            'tracestate',
          ].join(', '),
        );
        res.setHeader('access-control-max-age', '600');
        res.statusCode = 204;
        res.end();
        return;
      }
    }

    const incomingId = req.headers[CORRELATION_ID_HEADER];
    const correlationId =
      typeof incomingId === 'string' && CORRELATION_ID.test(incomingId) ? incomingId : randomUUID();
    res.setHeader(CORRELATION_ID_HEADER, correlationId);

    const authorization = req.headers.authorization;
    let context: GatewayContext;
    if (authorization) {
      try {
        context = {
          claims: await verifier.verify(authorization),
          correlationId,
          subgraphClock: new SubgraphClock(),
        };
      } catch (error) {
        refuse(res, started, 401, 'UNAUTHENTICATED', errorBody((error as Error).message, 'UNAUTHENTICATED'));
        return;
      }
    } else if (explorer && method === 'GET' && search === '' && req.headers.accept?.includes('text/html')) {
      // The local landing page (Apollo Sandbox) only; every operation it sends needs the token set in its headers.
      context = { correlationId };
    } else {
      refuse(res, started, 401, 'UNAUTHENTICATED', MISSING_TOKEN);
      return;
    }

    let body: unknown;
    if (method === 'POST') {
      let text: string;
      try {
        text = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) {
          req.destroy();
          return;
        }
        discardRest(req);
        refuse(res, started, 413, 'PAYLOAD_TOO_LARGE', tooLarge);
        return;
      }
      if (req.headers['content-type']?.startsWith('application/json')) {
        try {
          body = JSON.parse(text);
        } catch {
          refuse(
            res,
            started,
            400,
            'BAD_REQUEST',
            errorBody('Request body is not valid JSON', 'BAD_REQUEST'),
          );
          return;
        }
      } else {
        body = text;
      }
    }

    if (trustedDocuments && context.claims) {
      const admitted =
        method === 'GET'
          ? admitTrustedSearch(trustedDocuments, search)
          : admitTrusted(trustedDocuments, body);
      if (!admitted.ok) {
        refuse(res, started, 400, NOT_LISTED, errorBody(admitted.message, NOT_LISTED));
        return;
      }
      if ('search' in admitted) search = admitted.search;
      else body = admitted.body;
    }

    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers: toHeaderMap(req), search, body },
      context: () => Promise.resolve(context),
    });
    const status = result.status ?? 200;
    res.statusCode = status;
    for (const [name, value] of result.headers) res.setHeader(name, value);
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
    finish(started, status);
    if (context.subgraphClock) {
      selfTime.observe((performance.now() - started - context.subgraphClock.busyMs()) / 1000);
    }
  }

  async function readyz(res: http.ServerResponse): Promise<void> {
    if (!options.accepting()) {
      send(res, 503, JSON.stringify({ status: 'stopping' }));
      return;
    }
    const readiness = await options.readiness();
    send(res, readiness.status === 'unavailable' ? 503 : 200, JSON.stringify(readiness));
  }

  async function metrics(res: http.ServerResponse): Promise<void> {
    send(res, 200, await metricsRegistry.metrics(), metricsRegistry.contentType);
  }

  return (req, res) => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const pathname = query === -1 ? url : url.slice(0, query);
    let work: Promise<void> | undefined;
    switch (pathname) {
      case '/graphql':
      case '/':
        // The operation's trace (a child of the client's `traceparent`, if any): carried to the subgraphs.
        work = inRequestTrace(
          `${req.method ?? 'GET'} ${pathname}`,
          req.headers,
          { 'http.request.method': req.method ?? 'GET', 'url.path': pathname },
          () => graphql(req, res, query === -1 ? '' : url.slice(query + 1)),
        );
        break;
      case '/healthz':
        send(res, 200, '{"status":"ok"}');
        return;
      case '/readyz':
        work = readyz(res);
        break;
      case '/metrics':
        work = metrics(res);
        break;
      default:
        send(res, 404, NOT_FOUND);
        return;
    }
    work.catch((error: unknown) => {
      logger.error({ err: error }, 'gateway request failed');
      if (!res.headersSent) send(res, 500, errorBody('Internal server error', 'INTERNAL'));
      else res.destroy();
    });
  };
}
