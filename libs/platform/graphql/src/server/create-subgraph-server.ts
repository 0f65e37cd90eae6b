import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  collectDefaultMetricsOnce,
  inRequestTrace,
  metricsRegistry,
  newCorrelationId,
  runWithCorrelation,
  type Logger,
} from '@opsgraph/observability';
import type { GraphQLSchema } from 'graphql';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callerFromHeaders, headerValue, type Caller } from '../auth/caller';
import { CORRELATION_ID_HEADER, GATEWAY_SECRET_HEADER } from '@opsgraph/contracts-caller';
import { createFormatError, isDevelopment } from '../errors/format-error';
import type { SubgraphContext } from './context';
import { secretMatches } from './gateway-secret';
import { BodyTooLargeError, DEFAULT_BODY_LIMIT_BYTES, readBody, sendGraphQLError, sendJson } from './http-io';
import { httpRequestDuration, resolverErrorMetricsPlugin } from './server-metrics';

export interface SubgraphServerOptions<TExtra extends object> {
  /** Subgraph name, e.g. `ticket`; a metrics label. */
  name: string;
  schema: GraphQLSchema;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Shared with the gateway; requests to /graphql without it get 401. */
  gatewaySecret: string;
  /** Also accepted while a rotation is under way (docs/deploy.md, "Rotate the gateway secret"). */
  previousGatewaySecret?: string;
  /** Per-request additions to the context, e.g. DataLoaders. */
  createContext?: (caller: Caller, req: IncomingMessage) => TExtra | Promise<TExtra>;
  /** Readiness (Postgres, Kafka…): `false` or a throw or a timeout means 503. */
  readiness: () => Promise<boolean>;
  readinessTimeoutMs?: number;
  logger: Logger;
  /** Default: on unless NODE_ENV=production. */
  introspection?: boolean;
  bodyLimitBytes?: number;
  /** How long `stop()` lets in-flight requests finish before closing their connections. */
  stopGracePeriodMs?: number;
}

export interface SubgraphServer {
  /** `http://host:port/graphql` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);
const SAFE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function correlationIdOf(req: IncomingMessage): string {
  const presented = headerValue(req.headers, CORRELATION_ID_HEADER);
  // Anything else could inject into logs or blow up label sizes: replace it.
  return presented && SAFE_CORRELATION_ID.test(presented) ? presented : newCorrelationId();
}

function toHeaderMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function withTimeout(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([check(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Apollo Server 5 on a plain Node http server: POST /graphql (gateway secret required), /healthz, /readyz,
 * /metrics. It does not handle SIGTERM itself: `main.ts` calls `stop()` in its shutdown sequence.
 */
export async function createSubgraphServer<TExtra extends object = Record<never, never>>(
  options: SubgraphServerOptions<TExtra>,
): Promise<SubgraphServer> {
  if (!options.gatewaySecret) throw new Error(`subgraph ${options.name}: gatewaySecret must not be empty`);
  const { name, logger } = options;
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const readinessTimeout = options.readinessTimeoutMs ?? 5_000;
  collectDefaultMetricsOnce();
  const latency = httpRequestDuration();

  const httpServer = createServer((req, res) => {
    void handle(req, res);
  });

  const apollo = new ApolloServer<SubgraphContext<TExtra>>({
    schema: options.schema,
    introspection: options.introspection ?? process.env.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: isDevelopment(),
    formatError: createFormatError({ logger }),
    stopOnTerminationSignals: false,
    plugins: [
      // No field of any subgraph has a cache hint, so the answer was always `cache-control: no-store` (set below),
      // and the default cache-control plugin's willResolveField hook made Apollo wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({
        httpServer,
        stopGracePeriodMillis: options.stopGracePeriodMs ?? 10_000,
      }),
      resolverErrorMetricsPlugin(name),
    ],
    logger,
  });

  async function graphql(req: IncomingMessage, res: ServerResponse, correlationId: string, search: string) {
    if (req.method !== 'POST') {
      sendGraphQLError(res, 405, 'Use POST', 'BAD_REQUEST', { allow: 'POST' });
      return;
    }
    const presented = headerValue(req.headers, GATEWAY_SECRET_HEADER);
    const accepted =
      secretMatches(presented, options.gatewaySecret) ||
      (!!options.previousGatewaySecret && secretMatches(presented, options.previousGatewaySecret));
    if (!accepted) {
      sendGraphQLError(res, 401, 'Missing or invalid gateway secret', 'UNAUTHENTICATED');
      return;
    }

    let raw: string;
    try {
      raw = await readBody(req, bodyLimit);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      sendGraphQLError(res, 413, error.message, 'BAD_REQUEST', { connection: 'close' });
      return;
    }
    let body: unknown = raw;
    if ((req.headers['content-type'] ?? '').includes('json')) {
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        sendGraphQLError(res, 400, 'Request body is not valid JSON', 'BAD_REQUEST');
        return;
      }
    }

    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: toHeaderMap(req), search, body },
      context: async () => {
        const caller = callerFromHeaders(req.headers);
        const extra = options.createContext ? await options.createContext(caller, req) : ({} as TExtra);
        return { ...extra, caller, correlationId, logger };
      },
    });

    res.setHeader('cache-control', 'no-store');
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function route(req: IncomingMessage, res: ServerResponse, correlationId: string) {
    const url = new URL(req.url ?? '/', 'http://subgraph');
    switch (url.pathname) {
      case '/graphql':
        // In the gateway's trace: the outbox rows this request writes carry it on to Kafka.
        return inRequestTrace(
          'POST /graphql',
          req.headers,
          { 'http.request.method': 'POST', 'url.path': '/graphql', 'service.name': options.name },
          () => graphql(req, res, correlationId, url.search),
        );
      case '/healthz':
        return sendJson(res, 200, { status: 'ok' });
      case '/readyz': {
        const ready = await withTimeout(options.readiness, readinessTimeout).catch((error: unknown) => {
          logger.warn({ err: error }, 'readiness check failed');
          return false;
        });
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' });
      }
      case '/metrics': {
        const text = await metricsRegistry.metrics();
        res.writeHead(200, { 'content-type': metricsRegistry.contentType });
        res.end(text);
        return;
      }
      default:
        return sendJson(res, 404, { error: 'not found' });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const started = process.hrtime.bigint();
    const correlationId = correlationIdOf(req);
    const pathname = (req.url ?? '/').split('?')[0];
    res.setHeader(CORRELATION_ID_HEADER, correlationId);
    res.on('finish', () => {
      latency.observe(
        {
          subgraph: name,
          method: req.method === 'GET' || req.method === 'POST' ? req.method : 'OTHER',
          route: ROUTES.has(pathname) ? pathname : 'other',
          status: String(res.statusCode),
        },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    await runWithCorrelation(correlationId, async () => {
      try {
        await route(req, res, correlationId);
      } catch (error) {
        logger.error({ err: error }, 'unhandled error in HTTP handler');
        if (!res.headersSent) sendGraphQLError(res, 500, 'Internal server error', 'INTERNAL');
        else res.destroy();
      }
    });
  }

  await apollo.start();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const host =
    options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : 'localhost';
  logger.info({ subgraph: name, port }, 'subgraph listening');

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    // Apollo's drain plugin closes the http server: no new connections, in-flight requests finish.
    stop: () => (stopping ??= apollo.stop()),
  };
}
