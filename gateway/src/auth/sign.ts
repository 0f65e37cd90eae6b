import { SignJWT } from 'jose';
import type { Claims } from './claims';

/** An HS256 token the local gateway accepts (tests, `npm run token`, the seed). */
export async function signLocalToken(
  claims: Claims,
  secret: string,
  ttlSeconds = 12 * 3600,
): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}
