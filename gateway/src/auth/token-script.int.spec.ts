import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_JWT_SECRET } from '../config';
import { createTokenVerifier } from './jwt';

// `npm run token` (scripts/token.mjs) must print tokens this gateway accepts.
const root = path.resolve(__dirname, '..', '..', '..');
const token = (...args: string[]) =>
  execFileSync('node', ['scripts/token.mjs', ...args], { cwd: root, env: { ...process.env, JWT_SECRET: '' } })
    .toString()
    .trim();

describe('scripts/token.mjs', () => {
  const verifier = createTokenVerifier({ secret: DEFAULT_JWT_SECRET });

  it('prints a token with the requested claims', async () => {
    const printed = token('--role', 'AGENT', '--employee', 'e-1', '--department', 'd-1');
    await expect(verifier.verify(`Bearer ${printed}`)).resolves.toEqual({
      sub: 'e-1',
      role: 'AGENT',
      employeeId: 'e-1',
      departmentId: 'd-1',
    });
  });

  it('prints a CUSTOMER token for a customer, and refuses one without', async () => {
    const printed = token('--role', 'customer', '--customer', 'c-1');
    await expect(verifier.verify(`Bearer ${printed}`)).resolves.toMatchObject({
      role: 'CUSTOMER',
      customerId: 'c-1',
    });
    expect(() => token('--role', 'CUSTOMER')).toThrow();
  });
});
