import { CreateIncidents1796214174911 } from './1796214174911-CreateIncidents';

/** In order; the platform's migrations (outbox, inbox, audit log) run before these. */
export const migrations = [CreateIncidents1796214174911];
