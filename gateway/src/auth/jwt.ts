import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import { claimsFromPayload, type Claims } from './claims';

export interface VerifierOptions {
  /** HS256 shared secret; used when no `jwksUrl` is given. */
  secret: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Verified tokens remembered (by their exact text) so that a client's repeated requests skip the crypto. */
  cacheSize?: number;
  /** Upper bound on how long a verification is trusted without re-checking (key rotation). */
  cacheTtlMs?: number;
}

export class AuthenticationFailed extends Error {
  override name = 'AuthenticationFailed';
}

export interface TokenVerifier {
  /** The caller of an `Authorization` header value; throws AuthenticationFailed. */
  verify(authorization: string): Promise<Claims>;
}

interface CacheEntry {
  claims: Claims;
  expiresAt: number;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const cacheSize = options.cacheSize ?? 10_000;
  const cacheTtlMs = options.cacheTtlMs ?? 5 * 60_000;
  const verifyOptions: JWTVerifyOptions = {
    requiredClaims: ['exp', 'sub'],
    ...(options.issuer ? { issuer: options.issuer } : {}),
    ...(options.audience ? { audience: options.audience } : {}),
  };
  let verifyJwt: (token: string) => Promise<{ payload: JWTPayload }>;
  if (options.jwksUrl) {
    const keySet = createRemoteJWKSet(new URL(options.jwksUrl));
    verifyOptions.algorithms = ['RS256', 'ES256', 'PS256', 'EdDSA'];
    verifyJwt = (token) => jwtVerify(token, keySet, verifyOptions);
  } else {
    const secret = new TextEncoder().encode(options.secret);
    verifyOptions.algorithms = ['HS256'];
    verifyJwt = (token) => jwtVerify(token, secret, verifyOptions);
  }
  // Insertion-ordered Map as a small LRU-ish cache: the oldest entry goes when full.
  const cache = new Map<string, CacheEntry>();

  return {
    async verify(authorization) {
      const match = BEARER.exec(authorization);
      if (!match) throw new AuthenticationFailed('Authorization must be "Bearer <token>"');
      const token = match[1];
      const now = Date.now();
      const cached = cache.get(token);
      if (cached !== undefined) {
        if (cached.expiresAt > now) return cached.claims;
        cache.delete(token);
      }
      let claims: Claims;
      let exp: number;
      try {
        const { payload } = await verifyJwt(token);
        claims = claimsFromPayload(payload as Record<string, unknown>);
        exp = (payload.exp as number) * 1000;
      } catch (error) {
        throw new AuthenticationFailed(`Invalid token: ${(error as Error).message}`);
      }
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
      cache.set(token, { claims, expiresAt: Math.min(exp, now + cacheTtlMs) });
      return claims;
    },
  };
}
