import { Writable } from 'node:stream';
import { logLevel, type LogEntry } from 'kafkajs';
import { createLogger, metricsRegistry } from '@opsgraph/observability';
import { kafkaLogCreator, retriableErrorType } from './kafka-log';

function capture(options: Parameters<typeof kafkaLogCreator>[1]) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(JSON.parse(String(chunk)));
      callback();
    },
  });
  const logger = createLogger({ service: 'kafka-log-test', level: 'debug', destination });
  return { lines, log: kafkaLogCreator(logger, options)() };
}

const entry = (message: string, extra: Record<string, unknown> = {}, level = logLevel.ERROR): LogEntry => ({
  namespace: 'Connection',
  level,
  label: 'ERROR',
  log: { message, timestamp: 'x', logger: 'kafkajs', ...extra },
});

async function retriableCount(error: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('kafka_retriable_errors_total')?.get();
  return (metric?.values ?? [])
    .filter((value) => value.labels.error === error)
    .reduce((sum, value) => sum + value.value, 0);
}

describe('kafkajs log lines', () => {
  it('knows the retriable answers of a broker that is still electing leaders and loading coordinators', () => {
    expect(
      retriableErrorType('Response InitProducerId(key: 22, version: 4)', {
        error: 'The group coordinator is not available',
      }),
    ).toBe('GROUP_COORDINATOR_NOT_AVAILABLE');
    expect(
      retriableErrorType('Response Metadata(key: 3, version: 6)', {
        error: 'There is no leader for this topic-partition as we are in the middle of a leadership election',
      }),
    ).toBe('LEADER_NOT_AVAILABLE');
    expect(
      retriableErrorType('Failed to send messages: This server does not host this topic-partition', {}),
    ).toBe('UNKNOWN_TOPIC_OR_PARTITION');
    expect(
      retriableErrorType('Response Produce(key: 0, version: 7)', {
        error: 'The request included a message larger than the max message size the server will accept',
      }),
    ).toBeUndefined();
  });

  it('logs retriable answers during start-up at debug and counts them; afterwards at warn', async () => {
    let clock = 1_000;
    const { lines, log } = capture({
      brokers: ['127.0.0.1:9092'],
      startupWindowMs: 60_000,
      now: () => clock,
    });
    const before = await retriableCount('GROUP_COORDINATOR_NOT_AVAILABLE');
    log(
      entry('Response InitProducerId(key: 22, version: 4)', {
        error: 'The group coordinator is not available',
        broker: 'b:9092',
      }),
    );
    log(
      entry('Response FindCoordinator(key: 10, version: 2)', {
        error: 'The group coordinator is not available',
      }),
    );
    clock += 60_000;
    log(
      entry('Response FindCoordinator(key: 10, version: 2)', {
        error: 'The group coordinator is not available',
      }),
    );
    expect(lines.map((line) => line.level)).toEqual(['debug', 'debug', 'warn']);
    expect(lines[0]).toMatchObject({
      retriable: 'GROUP_COORDINATOR_NOT_AVAILABLE',
      kafkajs: 'Connection',
      broker: 'b:9092',
    });
    expect((await retriableCount('GROUP_COORDINATOR_NOT_AVAILABLE')) - before).toBe(3);
  });

  it('keeps a real failure at ERROR and says what to do', () => {
    const { lines, log } = capture({ brokers: ['127.0.0.1:9092'] });
    log(entry('Connection error: connect ECONNREFUSED 127.0.0.1:9092'));
    expect(lines[0]).toMatchObject({ level: 'error' });
    expect(lines[0].msg).toContain('Connection error: connect ECONNREFUSED 127.0.0.1:9092');
    expect(lines[0].msg).toContain('npm run infra:up');
  });

  it('passes other levels through', () => {
    const { lines, log } = capture({});
    log(entry('broker gone', {}, logLevel.WARN));
    log(
      entry('Limiting retries for the idempotent producer may invalidate EoS guarantees', {}, logLevel.WARN),
    );
    expect(lines.map((line) => line.level)).toEqual(['warn', 'debug']);
  });
});
