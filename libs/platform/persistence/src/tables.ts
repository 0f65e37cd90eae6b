/** Tables created by `platformMigrations`. */
export const OUTBOX_TABLE = 'outbox';
export const PROCESSED_EVENTS_TABLE = 'processed_events';

/** Channel the outbox writer notifies on commit, so the relay wakes without polling. */
export const OUTBOX_CHANNEL = 'opsgraph_outbox';
