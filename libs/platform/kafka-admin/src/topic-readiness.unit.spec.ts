import { notYetPropagated, retryWhileNotPropagated } from './topic-readiness';

describe('topic readiness', () => {
  it('tells a not-yet-propagated topic from a real failure, also when kafkajs wraps it', () => {
    expect(notYetPropagated({ type: 'UNKNOWN_TOPIC_OR_PARTITION' })).toBe(true);
    expect(notYetPropagated({ name: 'KafkaJSNumberOfRetriesExceeded', cause: { type: 'LEADER_NOT_AVAILABLE' } })).toBe(
      true,
    );
    expect(notYetPropagated({ type: 'TOPIC_AUTHORIZATION_FAILED' })).toBe(false);
    expect(notYetPropagated(new Error('boom'))).toBe(false);
  });

  it('retries only while the error is a propagation delay, within the deadline', async () => {
    let calls = 0;
    await expect(
      retryWhileNotPropagated(
        async () => {
          calls += 1;
          if (calls < 3) throw Object.assign(new Error('not yet'), { type: 'UNKNOWN_TOPIC_OR_PARTITION' });
          return 'ready';
        },
        { intervalMs: 1 },
      ),
    ).resolves.toBe('ready');
    expect(calls).toBe(3);

    await expect(
      retryWhileNotPropagated(
        async () => {
          throw new Error('denied');
        },
        { intervalMs: 1 },
      ),
    ).rejects.toThrow('denied');
  });
});
