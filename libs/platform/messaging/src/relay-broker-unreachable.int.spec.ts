import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { createLogger } from '@opsgraph/observability';
import { createKafka } from './kafka';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';
import { waitFor } from './test-support/harness';
import { metricSum } from './test-support/metrics';
import { useHarness } from './test-support/suite';
import { writeTicketEvent } from './test-support/writers';

/** What the relay promises (README): a failed attempt is reported within 5 s, and retried after ≤ 5 s of backoff. */
const PUBLISH_TIMEOUT_MS = 5000;
const MAX_BACKOFF_MS = 5000;
const BACKLOG_INTERVAL_MS = 5000;
/** Scheduling slack on a loaded machine, on top of each promised bound. */
const SLACK_MS = 2000;
const EVENTS = 25;

interface LogLine {
  at: number;
  level: string;
  msg: string;
  retryInMs?: number;
}

/** A broker address that never answers: a port nobody listens on, or a listener that accepts and stays silent. */
interface DeadBroker {
  address: string;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

async function closedPort(): Promise<DeadBroker> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return { address: `127.0.0.1:${port}`, close: async () => undefined };
}

/** Like a TCP proxy whose upstream is paused: connections are accepted, requests never get an answer. */
async function silentListener(): Promise<DeadBroker> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  const port = await listen(server);
  return {
    address: `127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// The production client (createKafka defaults: DEFAULT_KAFKA_RETRY, 3 s connect, 30 s request timeout) and the
// relay's default settings: the shared broker is not touched, the relay points at an address that never answers.
describe.each([
  ['refuses connections', closedPort],
  ['accepts connections and never answers', silentListener],
])('outbox relay with production settings when the broker %s', (_, deadBroker) => {
  const suite = useHarness('relay-unreachable');
  let broker: DeadBroker;
  let relay: OutboxRelay | undefined;
  const lines: LogLine[] = [];

  beforeAll(async () => {
    broker = await deadBroker();
  });
  afterAll(async () => {
    await relay?.stop();
    await broker?.close();
  });

  it('reports the failure within the promised time, keeps retrying, and the gauge shows the database backlog', async () => {
    const { harness } = suite;
    const logger = createLogger({
      service: 'relay-unreachable',
      level: 'warn',
      destination: { write: (line: string) => void lines.push({ at: Date.now(), ...JSON.parse(line) }) },
    });
    relay = new OutboxRelay({
      dataSource: harness.dataSource,
      kafka: createKafka({ clientId: 'relay-unreachable', brokers: [broker.address], logger }),
      logger,
    });
    await relay.start();
    const writer = new OutboxWriter({ namespace: harness.namespace });
    const ticketId = randomUUID();
    for (let i = 0; i < EVENTS; i++) await writeTicketEvent(harness.dataSource, writer, ticketId);
    const written = Date.now();

    const failures = () => lines.filter((line) => line.msg === 'outbox relay: publish failed');
    const [first] = await waitFor(
      async () => failures(),
      (found) => found.length >= 1,
      { what: 'the first "publish failed" warning', timeoutMs: PUBLISH_TIMEOUT_MS + SLACK_MS },
    );
    const [, second] = await waitFor(
      async () => failures(),
      (found) => found.length >= 2,
      { what: 'the retry to fail again', timeoutMs: MAX_BACKOFF_MS + PUBLISH_TIMEOUT_MS + SLACK_MS },
    );
    const gauge = await waitFor(
      () => metricSum('outbox_backlog'),
      (n) => n === EVENTS,
      { what: 'outbox_backlog to show the unpublished rows', timeoutMs: BACKLOG_INTERVAL_MS + SLACK_MS },
    );

    expect(first.at - written).toBeLessThanOrEqual(PUBLISH_TIMEOUT_MS + SLACK_MS);
    expect(first.retryInMs).toBeLessThanOrEqual(MAX_BACKOFF_MS);
    expect(second.at - first.at).toBeLessThanOrEqual(MAX_BACKOFF_MS + PUBLISH_TIMEOUT_MS + SLACK_MS);
    expect(gauge).toBe(await relay.backlog());
    expect(gauge).toBe(EVENTS);
  }, 60_000);
});
