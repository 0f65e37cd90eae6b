import { CreateAssets1796214160694 } from './1796214160694-CreateAssets';

/** In order; the platform's migrations (outbox, inbox, audit log) run before these. */
export const migrations = [CreateAssets1796214160694];
