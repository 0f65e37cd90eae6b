import { SYSTEM_ACTOR, type EventActor } from '@opsgraph/contracts-events';
import type { Caller } from '@opsgraph/domain';

/** The actor an event and an audit line name: the caller, or the system for a job or an anonymous call. */
export function actorOf(caller: Caller): EventActor {
  return caller === null ? SYSTEM_ACTOR : { id: caller.userId, role: caller.role };
}

export { SYSTEM_ACTOR };
