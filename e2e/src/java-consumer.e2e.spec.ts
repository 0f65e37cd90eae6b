import { topicFor, topicName, TOPICS, type AggregateType } from '@opsgraph/contracts-events';
import { waitFor } from '@opsgraph/testing';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startStack, type Stack } from './support/stack';
import { buildWorld } from './support/world';

// A consumer in another language (e2e/consumers/java, Maven): it reads every topic of the AsyncAPI document from the
// beginning and validates each message against the published JSON Schema of its event type. Here it reads the
// messages that a run through the gateway produced, on the real broker.
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const POM = path.join(ROOT, 'e2e', 'consumers', 'java', 'pom.xml');
const JAR = path.join(ROOT, 'e2e', 'consumers', 'java', 'target', 'opsgraph-java-consumer.jar');

let stack: Stack;

beforeAll(async () => {
  stack = await startStack('e2e-java');
  const world = await buildWorld(stack);
  const ticket = await world.openTicket(world.ids.customerA);
  await world.agent.data(
    'mutation ($input: AcknowledgeTicketInput!) { acknowledgeTicket(input: $input) { id } }',
    { input: { ticketId: ticket.id, expectedVersion: ticket.version } },
  );
}, 300_000);

afterAll(() => stack?.stop());

async function messagesIn(topic: string): Promise<number> {
  const admin = stack.kafka.kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Runs the consumer over this stack's topics: its exit code and output. */
async function consume(): Promise<{ code: number; stdout: string }> {
  const args = [
    '--bootstrap',
    stack.kafka.brokers.join(','),
    '--namespace',
    stack.namespace,
    '--timeout-seconds',
    '60',
  ];
  return run('java', ['-jar', JAR, ...args], { cwd: ROOT }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code?: number; stdout?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? '' }),
  );
}

/** `<topic>: messages: N, faults: F` lines, by topic. */
function tallies(output: string): Map<string, { messages: number; faults: number }> {
  const lines = [...output.matchAll(/^(\S+): messages: (\d+), faults: (\d+)$/gm)];
  return new Map(
    lines.map(([, topic, messages, faults]) => [topic, { messages: +messages, faults: +faults }]),
  );
}

it('validates every message of the run against the published schemas with 0 faults', async () => {
  const main: AggregateType[] = ['ticket', 'customer', 'employee', 'department'];
  const mainTopics = main.map((aggregate) => topicName(topicFor(aggregate), stack.namespace));
  // The relay publishes after commit: wait until the main topics hold the run's events.
  for (const topic of mainTopics) {
    await waitFor(
      () => messagesIn(topic),
      (count) => count > 0,
      { what: `messages in ${topic}` },
    );
  }

  const built = Date.now();
  await run('mvn', ['-q', '-B', '-f', POM, 'package'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  const ran = Date.now();
  const { code, stdout } = await consume();
  expect(code).toBe(0);
  // CI cost of this check (a figure in the log, not an assertion).
  console.log(`java consumer: mvn package ${ran - built} ms, run ${Date.now() - ran} ms\n${stdout}`);

  const byTopic = tallies(stdout);
  expect(byTopic.get('total')).toEqual({ messages: expect.any(Number), faults: 0 });
  expect(byTopic.get('total')?.messages).toBeGreaterThan(0);
  for (const topic of mainTopics) {
    expect(byTopic.get(topic)?.faults).toBe(0);
    expect(byTopic.get(topic)?.messages).toBeGreaterThan(0);
  }
  // Every channel of the AsyncAPI document was read (13 topics; the DLQ template has no concrete address).
  expect([...byTopic.keys()].filter((key) => key !== 'total')).toHaveLength(TOPICS.length);
});

it('exits non-zero and names the fault when a message does not match its schema', async () => {
  const topic = topicName(topicFor('ticket'), stack.namespace);
  const producer = stack.kafka.kafka.producer();
  await producer.connect();
  await producer.send({
    topic,
    messages: [
      {
        key: 'broken',
        value: JSON.stringify({ type: 'ticket.opened', version: 1, eventId: 'not-a-uuid' }),
        headers: { 'event-type': 'ticket.opened', 'event-version': '1' },
      },
    ],
  });
  await producer.disconnect();

  const failure = await consume();
  expect(failure.code).toBe(1);
  expect(tallies(failure.stdout).get(topic)?.faults).toBeGreaterThan(0);
  expect(failure.stdout).toMatch(/fault: .*ticket\.opened v1: .*eventId/);
});
