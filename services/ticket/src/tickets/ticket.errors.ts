// Domain rejections → the shared error codes (extensions.code), with `currentState` or `field` as the API promises.
import {
  BadUserInputError,
  ConflictError,
  DomainError,
  ErrorCode,
  InvalidTransitionError,
} from '@opsgraph/domain';
import type { TicketLifecycleError, TicketLifecycleErrorCode } from './ticket.lifecycle';

/**
 * Lifecycle errors are INVALID_TRANSITION naming the current state, except those caused by a value of the input,
 * which are BAD_USER_INPUT on that field (`fields` says which input field each such code points at).
 */
export function lifecycleError(
  error: TicketLifecycleError,
  fields: Partial<Record<TicketLifecycleErrorCode, string>> = {},
): DomainError {
  const field = fields[error.code];
  if (field !== undefined) return new BadUserInputError(error.message, field);
  return new InvalidTransitionError(error.message, error.currentStatus);
}

/** A record that exists once per ticket (survey, suggestion review) was already recorded. */
export class AlreadyRecordedError extends ConflictError {
  constructor(what: string, ticketId: string) {
    super(`The ${what} of ticket ${ticketId} was already recorded`, { ticketId });
  }
}

/** FORBIDDEN because of one input field the caller may not set (e.g. occurredAt, an ADMIN import facility). */
export class FieldForbiddenError extends DomainError {
  constructor(message: string, field: string) {
    super(message, ErrorCode.FORBIDDEN, { field });
  }
}
