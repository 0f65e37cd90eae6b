/** Channel the outbox writer notifies on commit, so the relay wakes without polling. */
export const OUTBOX_CHANNEL = 'opsgraph_outbox';
