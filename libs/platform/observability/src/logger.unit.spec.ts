import { createLogger } from './logger';
import { runWithCorrelation } from './correlation';
import { capture } from './test-support/capture';

describe('createLogger', () => {
  it('is silent under jest unless a level is given', () => {
    const { lines, stream } = capture();
    createLogger({ service: 'x', destination: stream }).error('nope');
    expect(lines).toHaveLength(0);
  });

  it('writes JSON with service, level label and the correlation id of the current context', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ service: 'ticket', level: 'info', destination: stream });
    runWithCorrelation('corr-1', () => logger.info({ ticketId: 't1' }, 'opened'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({
      service: 'ticket',
      level: 'info',
      correlationId: 'corr-1',
      ticketId: 't1',
      msg: 'opened',
    });
    expect(typeof lines[0].time).toBe('string');
    expect(lines[1].correlationId).toBeUndefined();
  });

  it('redacts personal data', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ service: 'customer', level: 'info', destination: stream });
    logger.info(
      {
        customer: { email: 'a@b.c', phone: '123', name: 'Ann' },
        user: { password: 'pw' },
        authorization: 'Bearer x',
      },
      'x',
    );
    expect(lines[0]).toMatchObject({
      customer: { email: '[redacted]', phone: '[redacted]', name: 'Ann' },
      user: { password: '[redacted]' },
      authorization: '[redacted]',
    });
  });

  it('honours LOG_LEVEL', () => {
    const previous = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'warn';
    try {
      const { lines, stream } = capture();
      const logger = createLogger({ service: 'x', destination: stream });
      logger.info('dropped');
      logger.warn('kept');
      expect(lines.map((l) => l.msg)).toEqual(['kept']);
    } finally {
      if (previous === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = previous;
    }
  });
});
