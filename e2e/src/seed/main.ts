// `npm run seed`: the demo operations centre through the running gateway (`npm start` runs it when the graph is
// empty). GATEWAY_URL (default http://127.0.0.1:4000/graphql), SEED_TICKETS (2000), SEED_CUSTOMERS (200),
// SEED_CONCURRENCY (8), SEED_ASSETS (300), JWT_SECRET (the gateway's; default the local one).
import { seed } from './seed';

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
  const started = Date.now();
  const result = await seed({
    gatewayUrl,
    tickets: count('SEED_TICKETS', 2_000),
    customers: count('SEED_CUSTOMERS', 200),
    concurrency: count('SEED_CONCURRENCY', 8),
    assets: count('SEED_ASSETS', 300),
    log: (message) => console.log(message),
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    result.skipped
      ? `the graph already has its demo data (${seconds} s)`
      : `done in ${seconds} s: ${result.departments} departments, ${result.employees} employees, ${result.customers} customers, ${result.ticketsCreated} tickets` +
          (result.ticketsFailed ? ` (${result.ticketsFailed} failed)` : ''),
  );
  if (result.ticketsFailed > Math.max(5, result.ticketsCreated * 0.02)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`[seed] ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && /fetch failed|ECONNREFUSED/.test(String(error.cause ?? error.message))) {
    console.error('[seed] is the gateway running? `npm start` starts everything');
  }
  process.exit(1);
});
