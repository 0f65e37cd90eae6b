import { SpanKind, startInMemoryTracing } from '@opsgraph/observability';
import { waitFor } from '@opsgraph/testing';
import { startStack, type Stack } from './support/stack';
import { buildWorld, type World } from './support/world';

// One trace from a mutation at the gateway to the projection that consumed its event: gateway → ticket subgraph
// (HTTP, W3C headers) → outbox row → Kafka headers (set by the relay from the row) → the customer service's
// consumer → its read-model write. Spans go to an in-memory exporter; the stack runs in this process.
const exporter = startInMemoryTracing();

let stack: Stack;
let world: World;

beforeAll(async () => {
  stack = await startStack('e2e-trace');
  world = await buildWorld(stack);
}, 300_000);

afterAll(() => stack?.stop());

type Span = ReturnType<typeof exporter.getFinishedSpans>[number];

it('follows openTicket from the gateway to the service-history projection in one trace', async () => {
  exporter.reset();
  await world.openTicket(world.ids.customerA);

  const isWrite = (span: Span) => /^customer-service-history handle( batch)?$/.test(span.name);
  const opened = (span: Span) =>
    span.kind === SpanKind.CONSUMER &&
    span.attributes['event.type'] === 'ticket.opened' &&
    String(span.attributes['messaging.consumer.group.name']).endsWith('customer-service-history');
  const spans = await waitFor(
    async () => exporter.getFinishedSpans(),
    (all) =>
      all.some(opened) && all.some((span) => isWrite(span) && span.attributes['event.type'] !== undefined),
    { what: 'the projection’s spans', timeoutMs: 60_000 },
  );

  const consumed = spans.find(opened) as Span;
  const traceId = consumed.spanContext().traceId;
  const trace = spans.filter((span) => span.spanContext().traceId === traceId);
  const ids = new Set(trace.map((span) => span.spanContext().spanId));

  // One root: the gateway's server span of the mutation; every other span's parent is in the same trace.
  const roots = trace.filter((span) => !span.parentSpanContext);
  expect(roots).toHaveLength(1);
  expect(roots[0].kind).toBe(SpanKind.SERVER);
  for (const span of trace.filter((candidate) => candidate.parentSpanContext)) {
    expect(ids).toContain(span.parentSpanContext?.spanId);
  }

  // The ticket subgraph served the mutation in that trace (its server span has the gateway's span as an ancestor).
  expect(
    trace.some((span) => span.kind === SpanKind.SERVER && span.attributes['service.name'] === 'ticket'),
  ).toBe(true);
  // The event on the ticket topic was consumed in that trace, as a child of the request that wrote it…
  expect(consumed.attributes['messaging.destination.name']).toBe(
    `${stack.namespace}.opsgraph.ticket.events.v1`,
  );
  expect(
    trace.filter((span) => span.kind === SpanKind.PRODUCER || span.kind === SpanKind.CONSUMER),
  ).toContain(consumed);
  // …and the read-model write is a child of that consumer span.
  const write = trace.find(
    (span) => isWrite(span) && span.parentSpanContext?.spanId === consumed.spanContext().spanId,
  );
  expect(write).toBeDefined();

  // The projection did write: the customer's service history counts the ticket.
  const { customer } = await world.agent.data<{ customer: { serviceHistory: { ticketsTotal: number } } }>(
    'query ($id: ID!) { customer(id: $id) { serviceHistory { ticketsTotal } } }',
    { id: world.ids.customerA },
  );
  expect(customer.serviceHistory.ticketsTotal).toBeGreaterThanOrEqual(1);
});
