import { decodeMessage } from './decode';
import { ticketEvent } from './test-support/events';
import { kafkaLogCreator } from './kafka';
import { resolveTopic, topicForAggregate } from './topics';
import { logLevel } from 'kafkajs';
import { createLogger } from '@opsgraph/observability';
import { Writable } from 'node:stream';

describe('decodeMessage', () => {
  it('accepts a contract-valid envelope', () => {
    const event = ticketEvent('6a0f3c2e-1b4d-4e8f-9a7c-5d2e1f0b3a9c', 1);
    expect(decodeMessage(Buffer.from(JSON.stringify(event)))).toEqual({ ok: true, event });
  });

  it('rejects empty values, non-JSON and events that break their contract', () => {
    expect(decodeMessage(null)).toMatchObject({ ok: false, error: expect.stringMatching(/empty/) });
    expect(decodeMessage(Buffer.from('{nope'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not JSON/),
    });
    const event = { ...ticketEvent('6a0f3c2e-1b4d-4e8f-9a7c-5d2e1f0b3a9c', 1), aggregateVersion: 0 };
    expect(decodeMessage(Buffer.from(JSON.stringify(event)))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/aggregateVersion/),
    });
  });
});

describe('topics', () => {
  it('resolve catalogue entries and names under a namespace', () => {
    expect(topicForAggregate('ticket')).toBe('opsgraph.ticket.events.v1');
    expect(topicForAggregate('ticket', 'test.x')).toBe('test.x.opsgraph.ticket.events.v1');
    expect(resolveTopic('opsgraph.customer.events.v1', 'ns')).toBe('ns.opsgraph.customer.events.v1');
  });
});

describe('kafkaLogCreator', () => {
  it('routes kafkajs entries to the pino logger at their level', () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(JSON.parse(String(chunk)));
        callback();
      },
    });
    const logger = createLogger({ service: 'kafka-test', level: 'debug', destination });
    const log = kafkaLogCreator(logger)();
    log({
      namespace: 'Connection',
      level: logLevel.WARN,
      label: 'WARN',
      log: { message: 'broker gone', timestamp: 'x', logger: 'kafkajs', broker: 'b:9092' },
    });
    log({
      namespace: 'Producer',
      level: logLevel.WARN,
      label: 'WARN',
      log: {
        message: 'Limiting retries for the idempotent producer may invalidate EoS guarantees',
        timestamp: 'x',
        logger: 'kafkajs',
      },
    });
    expect(lines[0]).toMatchObject({
      level: 'warn',
      msg: 'broker gone',
      kafkajs: 'Connection',
      broker: 'b:9092',
    });
    expect(lines[1]).toMatchObject({ level: 'debug' });
  });
});
