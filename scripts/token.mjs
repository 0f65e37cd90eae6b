// `npm run token -- --role AGENT --employee <id> [--customer <id>] [--department <id>] [--sub <id>] [--ttl 12h]`
// prints an HS256 token that the local gateway accepts (JWT_SECRET, default 'local-dev-jwt-secret').
// `npm run -s token -- …` prints the token alone, e.g. TOKEN=$(npm run -s token -- --role ADMIN).
import { parseArgs } from 'node:util';
import { bootstrap } from './lib/bootstrap.mjs';

// Quiet: the token is often captured, e.g. TOKEN=$(…); installing Node 24 or the packages still says so on stderr.
await bootstrap({ announce: false });
const { SignJWT } = await import('jose');

const ROLES = ['ADMIN', 'OPS_DIRECTOR', 'OPS_MANAGER', 'AGENT', 'TECHNICIAN', 'HR', 'ANALYST', 'CUSTOMER'];
const usage = `usage: npm run token -- --role <${ROLES.join('|')}> [--employee <id>] [--customer <id>] [--department <id>] [--sub <id>] [--ttl 12h]`;

function fail(message) {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string' },
      employee: { type: 'string' },
      customer: { type: 'string' },
      department: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string', default: '12h' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(error.message);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const role = values.role?.toUpperCase();
if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
if (role === 'CUSTOMER' && !values.customer) fail('a CUSTOMER token needs --customer <customer id>');
if (!/^\d+[smhd]$/.test(values.ttl)) fail('--ttl looks like 30m, 12h or 7d');

const claims = { role };
if (values.employee) claims.employeeId = values.employee;
if (values.customer) claims.customerId = values.customer;
if (values.department) claims.departmentId = values.department;
const sub = values.sub ?? values.employee ?? values.customer ?? `local-${role.toLowerCase()}`;

const token = await new SignJWT(claims)
  .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
  .setSubject(sub)
  .setIssuedAt()
  .setExpirationTime(values.ttl)
  .sign(new TextEncoder().encode(process.env.JWT_SECRET || 'local-dev-jwt-secret'));
console.log(token);
