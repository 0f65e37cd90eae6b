// The write side of the freshness benchmark, in its own process (as the ticket service's API is): single-event
// transactions at a steady rate, each updating its aggregate row first and then appending the event with the real
// OutboxWriter. Reports each event's commit time (wall clock, sub-millisecond) to the parent over IPC.
//   fork('steady-writer.ts', { execArgv: ['-r', 'scripts/register.cjs'], env: { BENCH_DATABASE_URL, BENCH_NAMESPACE } })
import { performance } from 'node:perf_hooks';
import { OutboxWriter } from '@opsgraph/messaging';
import type { DataSource } from 'typeorm';
import { customerIds, newTicket, ticketEvent, type BenchTicket } from '../lib/events';
import { sleep } from '../lib/stats';
import { openPipelineDatabase } from './read-model';

export type WriterCommand =
  | { type: 'run'; rate: number; seconds: number; record: boolean; eventsPerTransaction: number }
  | { type: 'stop' };
export type WriterReport =
  | { type: 'ready' }
  | { type: 'commits'; entries: [eventId: string, committedAt: number][] }
  | { type: 'ran'; achievedRate: number }
  | { type: 'failed'; message: string };

export const wallClock = () => performance.timeOrigin + performance.now();

const MAX_IN_FLIGHT = Number(process.env.BENCH_WRITER_IN_FLIGHT ?? 16);

class SteadyWriter {
  private pending: [string, number][] = [];
  private readonly tickets: BenchTicket[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: OutboxWriter,
    ticketCount: number,
  ) {
    const customers = customerIds(200);
    this.tickets = Array.from({ length: ticketCount }, () => newTicket(customers));
  }

  async createAggregates(): Promise<void> {
    await this.dataSource.query('insert into bench_tickets (id, version) select unnest($1::uuid[]), 0', [
      this.tickets.map((ticket) => ticket.id),
    ]);
  }

  /** One use-case: update the aggregate rows first (in id order: no deadlocks), then append their events. */
  private async writeOne(record: boolean, eventsPerTransaction: number): Promise<void> {
    const chosen = new Map<string, BenchTicket>();
    while (chosen.size < eventsPerTransaction) {
      const ticket = this.tickets[Math.floor(Math.random() * this.tickets.length)];
      chosen.set(ticket.id, ticket);
    }
    const tickets = [...chosen.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    let eventIds: string[] = [];
    await this.dataSource.transaction(async (manager) => {
      const events = [];
      for (const ticket of tickets) {
        const [{ version }] = await manager.query(
          'with changed as (update bench_tickets set version = version + 1 where id = $1 returning version) select version from changed',
          [ticket.id],
        );
        events.push(ticketEvent(ticket, version));
      }
      eventIds = events.map((event) => event.eventId);
      await this.writer.appendMany(manager, events);
    });
    if (record) {
      const committedAt = wallClock();
      for (const id of eventIds) this.pending.push([id, committedAt]);
    }
  }

  flush(send: (report: WriterReport) => void): void {
    if (this.pending.length === 0) return;
    send({ type: 'commits', entries: this.pending });
    this.pending = [];
  }

  /** `rate` events per second for `seconds` (at most 16 transactions in flight); returns the event rate achieved. */
  async run(
    command: Extract<WriterCommand, { type: 'run' }>,
    send: (report: WriterReport) => void,
  ): Promise<number> {
    const { seconds, record, eventsPerTransaction } = command;
    const rate = command.rate / eventsPerTransaction;
    const started = performance.now();
    const inFlight = new Set<Promise<void>>();
    let issued = 0;
    let flushedAt = started;
    for (;;) {
      const now = performance.now();
      if (now - started >= seconds * 1000) break;
      const due = Math.floor(((now - started) / 1000) * rate) - issued;
      for (let k = 0; k < due && inFlight.size < MAX_IN_FLIGHT; k++) {
        issued += 1;
        const write: Promise<void> = this.writeOne(record, eventsPerTransaction).finally(() =>
          inFlight.delete(write),
        );
        inFlight.add(write);
      }
      if (now - flushedAt > 100) {
        this.flush(send);
        flushedAt = now;
      }
      await sleep(2);
    }
    await Promise.all(inFlight);
    this.flush(send);
    return (issued * eventsPerTransaction * 1000) / (performance.now() - started);
  }
}

async function main(): Promise<void> {
  const send = (report: WriterReport) => process.send?.(report);
  const url = process.env.BENCH_DATABASE_URL;
  const namespace = process.env.BENCH_NAMESPACE;
  if (!url || !namespace || !process.send)
    throw new Error('steady-writer runs as a forked child (BENCH_DATABASE_URL, BENCH_NAMESPACE)');
  const dataSource = await openPipelineDatabase(url, 'bench-steady-writer', MAX_IN_FLIGHT + 2);
  const writer = new SteadyWriter(dataSource, new OutboxWriter({ namespace }), 2000);
  await writer.createAggregates();
  let queue = Promise.resolve();
  process.on('message', (command: WriterCommand) => {
    queue = queue.then(async () => {
      if (command.type === 'stop') {
        await dataSource.destroy();
        process.exit(0);
      }
      const achievedRate = await writer.run(command, send);
      send({ type: 'ran', achievedRate });
    });
    queue.catch((error: unknown) => {
      send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      process.exit(1);
    });
  });
  send({ type: 'ready' });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.send?.({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
}
