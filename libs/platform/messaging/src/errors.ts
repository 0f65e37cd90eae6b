/** `OutboxWriter.append` refused an event that does not match its contract; nothing was written. */
export class InvalidOutboxEventError extends Error {
  override readonly name = 'InvalidOutboxEventError';
  constructor(
    readonly eventType: string,
    readonly errors: string[],
  ) {
    super(`invalid event ${eventType}: ${errors.join('; ')}`);
  }
}

/** Thrown by a handler for a failure that retrying cannot fix: the message goes to the DLQ at once. */
export class NonRetriableError extends Error {
  override readonly name = 'NonRetriableError';
}

export class ConsumerGroupActiveError extends Error {
  override readonly name = 'ConsumerGroupActiveError';
}
