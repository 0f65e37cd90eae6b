import { CreateOutbox1700000000000 } from './1700000000000-CreateOutbox';
import { CreateProcessedEvents1700000000001 } from './1700000000001-CreateProcessedEvents';

export { CreateOutbox1700000000000, CreateProcessedEvents1700000000001 };

/** The outbox and the consumers' inbox; a service lists these before its own migrations. */
export const platformMigrations = [CreateOutbox1700000000000, CreateProcessedEvents1700000000001];
