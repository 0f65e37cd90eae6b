import type { GatewayConfig } from '../config';
import { DEFAULT_JWT_SECRET } from '../config';
import { FAKE_SECRET } from './fake-subgraphs';

/** A gateway config for tests: port 0, the fake subgraphs' secret, the default limits. */
export function testGatewayConfig(
  supergraphSdl: string,
  overrides: Partial<GatewayConfig> = {},
): GatewayConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    production: false,
    logLevel: 'silent',
    jwtSecret: DEFAULT_JWT_SECRET,
    gatewaySecret: FAKE_SECRET,
    supergraphSdl,
    supergraphPath: '',
    supergraphPollMs: 0,
    subgraphUrls: {},
    subgraphTimeouts: {},
    subgraphTimeoutMs: 5_000,
    subgraphMaxSockets: 16,
    limits: { maxDepth: 12, maxAliases: 30, maxCost: 5_000, maxTokens: 2_000, maxBodyBytes: 1_048_576 },
    corsOrigins: [],
    introspection: !(overrides.production ?? false),
    explorer: !(overrides.production ?? false),
    ...overrides,
  };
}
