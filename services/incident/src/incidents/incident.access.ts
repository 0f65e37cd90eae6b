// Who acts on one incident: managers on any; the commander and the command-role holders on their own (by the
// caller's employee id). Everyone else on the staff reads.
import { ForbiddenError, type Caller, type KnownCaller } from '@opsgraph/domain';
import { permissions } from '../permissions';

export interface IncidentPeople {
  readonly commanderId: string | null;
  readonly roles: readonly { readonly employeeId: string }[];
}

export function canActOn(caller: Caller, incident: IncidentPeople): boolean {
  if (caller === null) return false;
  if (permissions.can(caller, 'MANAGE_INCIDENTS')) return true;
  const me = caller.employeeId;
  if (!me || !permissions.can(caller, 'VIEW_INCIDENTS')) return false;
  return incident.commanderId === me || incident.roles.some((role) => role.employeeId === me);
}

/** The caller, when it may act on the incident; FORBIDDEN otherwise (UNAUTHENTICATED without a caller). */
export function requireActor(caller: Caller, incident: IncidentPeople): KnownCaller {
  const known = permissions.require(caller, 'VIEW_INCIDENTS');
  if (!canActOn(known, incident)) {
    throw new ForbiddenError('Only managers, the commander and the incident’s role holders act on it');
  }
  return known;
}
