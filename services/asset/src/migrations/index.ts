import { CreateAssetLedger1796214160694 } from './1796214160694-CreateAssetLedger';
import { AddUnmatchedFaultTickets1796300000000 } from './1796300000000-AddUnmatchedFaultTickets';

/** In order; the platform's migrations (outbox, inbox, audit log) run before these. */
export const migrations = [CreateAssetLedger1796214160694, AddUnmatchedFaultTickets1796300000000];
