import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginSchemaReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { createLogger, type Logger } from '@opsgraph/observability';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenVerifier } from './auth/jwt';
import type { GatewayConfig } from './config';
import { createFormatError } from './errors';
import { createRequestHandler } from './http/handler';
import { queryLimitsRule } from './limits/query-limits';
import { subgraphObserver } from './metrics';
import { SubgraphDataSource, type GatewayContext } from './subgraphs/data-source';
import { createReadinessProbe, type SubgraphTarget } from './subgraphs/readiness';
import { subgraphsOf } from './supergraph';
import { supergraphFromFile } from './supergraph-file';

export interface RunningGateway {
  url: string;
  port: number;
  /** Subgraph name → the URL this gateway calls. */
  subgraphs: SubgraphTarget[];
  stop(): Promise<void>;
}

export interface GatewayOptions {
  logger?: Logger;
  /** How long `stop()` lets in-flight requests finish before closing their connections. */
  drainMs?: number;
}

/** The supergraph's subgraphs with their URLs, after the config's overrides. */
export function resolveSubgraphs(
  config: Pick<GatewayConfig, 'supergraphSdl' | 'subgraphUrls'>,
): SubgraphTarget[] {
  return subgraphsOf(config.supergraphSdl).map(({ name, url }) => ({
    name,
    url: config.subgraphUrls[name] ?? url,
  }));
}

/** Apollo Gateway (static supergraph) in Apollo Server 5 on Node `http`; listens before it resolves. */
export async function createGateway(
  config: GatewayConfig,
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger({ service: 'gateway', level: config.logLevel });
  const subgraphs = resolveSubgraphs(config);
  const urls = new Map(subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: config.subgraphMaxSockets,
    maxFreeSockets: config.subgraphMaxSockets,
    scheduling: 'lifo',
  });

  // @apollo/gateway otherwise starts an OpenTelemetry exporter that reports to Apollo every few seconds and probes
  // cloud metadata endpoints at construction. Opt back in with APOLLO_TELEMETRY_DISABLED=false.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const gateway = new ApolloGateway({
    supergraphSdl:
      config.supergraphPollMs > 0
        ? supergraphFromFile(config.supergraphPath, config.supergraphSdl, config.supergraphPollMs, logger)
        : config.supergraphSdl,
    logger,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({
        name,
        url: urls.get(name) ?? config.subgraphUrlTemplate?.replaceAll('{name}', name) ?? (url as string),
        gatewaySecret: config.gatewaySecret,
        timeoutMs: config.subgraphTimeouts[name] ?? config.subgraphTimeoutMs,
        agent,
        observe: subgraphObserver(name),
      }),
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    nodeEnv: config.production ? 'production' : 'development',
    introspection: config.introspection,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false,
    // Apollo's default APQ cache (in-memory, bounded) stays on: `persistedQueries` left at its default. With trusted
    // documents the HTTP handler admits only listed operations before Apollo sees them.
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: [queryLimitsRule(config.limits)],
    formatError: createFormatError({ production: config.production, logger }),
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      !config.explorer
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ footer: false, includeCookies: false }),
    ],
  });
  await apollo.start();

  let accepting = true;
  const server = http.createServer(
    { keepAliveTimeout: 65_000, headersTimeout: 66_000, requestTimeout: 120_000 },
    createRequestHandler({
      apollo,
      verifier: createTokenVerifier({
        secret: config.jwtSecret,
        jwksUrl: config.jwksUrl,
        issuer: config.jwtIssuer,
        audience: config.jwtAudience,
      }),
      maxBodyBytes: config.limits.maxBodyBytes,
      explorer: config.explorer,
      trustedDocuments: config.trustedDocuments,
      readiness: createReadinessProbe(subgraphs, { agent, gatewaySecret: config.gatewaySecret }),
      corsOrigins: config.corsOrigins,
      logger,
      accepting: () => accepting,
    }),
  );

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await apollo.stop();
    agent.destroy();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const host = config.host && config.host !== '0.0.0.0' && config.host !== '::' ? config.host : '127.0.0.1';

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      accepting = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drain = setTimeout(() => server.closeAllConnections(), options.drainMs ?? 5_000);
      await closed;
      clearTimeout(drain);
      await apollo.stop();
      agent.destroy();
    })());

  return { url: `http://${host}:${port}/graphql`, port, subgraphs, stop };
}
