import { CreateOutbox1700000000000 } from './1700000000000-CreateOutbox';
import { CreateProcessedEvents1700000000001 } from './1700000000001-CreateProcessedEvents';
import { IndexRetentionColumns1700000000002 } from './1700000000002-IndexRetentionColumns';

/** The outbox and the consumers' inbox; a service lists these before its own migrations. */
export const platformMigrations = [
  CreateOutbox1700000000000,
  CreateProcessedEvents1700000000001,
  IndexRetentionColumns1700000000002,
];
