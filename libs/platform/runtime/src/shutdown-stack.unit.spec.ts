import { createLogger } from '@opsgraph/observability';
import { ShutdownStack } from './shutdown-stack';

describe('ShutdownStack', () => {
  const logger = createLogger({ service: 'test', level: 'silent' });

  it('stops in reverse order, once, and goes on past a failing step', async () => {
    const stopped: string[] = [];
    const stack = new ShutdownStack(logger);
    stack.push(async () => stopped.push('pool'));
    stack.push(async () => {
      throw new Error('relay stuck');
    });
    stack.push(async () => stopped.push('server'));

    await stack.run();
    await stack.run();

    expect(stopped).toEqual(['server', 'pool']);
  });
});
