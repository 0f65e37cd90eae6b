import { SignJWT } from 'jose';
import { AuthenticationFailed, createTokenVerifier } from './jwt';
import { signLocalToken } from './sign';

const SECRET = 'unit-secret';
const verifier = createTokenVerifier({ secret: SECRET });
const bearer = (token: string) => `Bearer ${token}`;

function sign(
  payload: Record<string, unknown>,
  options: { alg?: string; secret?: string; exp?: number | null } = {},
) {
  const jwt = new SignJWT(payload).setProtectedHeader({ alg: options.alg ?? 'HS256' }).setSubject('user-9');
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? '1h');
  return jwt.sign(new TextEncoder().encode(options.secret ?? SECRET));
}

describe('createTokenVerifier (HS256)', () => {
  it('turns a valid token into claims', async () => {
    const token = await signLocalToken(
      { sub: 'u-1', role: 'CUSTOMER', customerId: 'c-1', employeeId: undefined },
      SECRET,
    );
    await expect(verifier.verify(bearer(token))).resolves.toEqual({
      sub: 'u-1',
      role: 'CUSTOMER',
      customerId: 'c-1',
    });
  });

  it('returns the same claims from its cache for the same token', async () => {
    const token = await signLocalToken({ sub: 'u-2', role: 'HR' }, SECRET);
    const first = await verifier.verify(bearer(token));
    expect(await verifier.verify(bearer(token))).toBe(first);
  });

  it.each([
    ['no Bearer prefix', async () => 'Token abc'],
    ['a wrong secret', async () => bearer(await sign({ role: 'ADMIN' }, { secret: 'other' }))],
    [
      'an expired token',
      async () => bearer(await sign({ role: 'ADMIN' }, { exp: Math.floor(Date.now() / 1000) - 10 })),
    ],
    ['a token without exp', async () => bearer(await sign({ role: 'ADMIN' }, { exp: null }))],
    ['another algorithm', async () => bearer(await sign({ role: 'ADMIN' }, { alg: 'HS512' }))],
    ['an unknown role', async () => bearer(await sign({ role: 'ROOT' }))],
    [
      'a claim that could not be a header value',
      async () => bearer(await sign({ role: 'AGENT', employeeId: 'a\nb' })),
    ],
    ['a CUSTOMER without customerId', async () => bearer(await sign({ role: 'CUSTOMER' }))],
  ])('refuses %s', async (_label, header) => {
    await expect(verifier.verify(await header())).rejects.toBeInstanceOf(AuthenticationFailed);
  });
});
