import { SignJWT } from 'jose';

export const LOCAL_JWT_SECRET = 'local-dev-jwt-secret';

export type Role =
  'ADMIN' | 'OPS_DIRECTOR' | 'OPS_MANAGER' | 'AGENT' | 'TECHNICIAN' | 'HR' | 'ANALYST' | 'CUSTOMER';

export interface TokenClaims {
  role: Role;
  sub?: string;
  employeeId?: string;
  customerId?: string;
  departmentId?: string;
}

/** An HS256 token like `npm run token` prints (the gateway's local verification). */
export function signToken(
  claims: TokenClaims,
  secret = process.env.JWT_SECRET || LOCAL_JWT_SECRET,
): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub ?? rest.employeeId ?? rest.customerId ?? `e2e-${rest.role.toLowerCase()}`)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(secret));
}
