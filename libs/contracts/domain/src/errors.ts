// Plain domain errors: rules and use-cases throw them without knowing about GraphQL. The graph layer's formatError
// turns each into its `extensions.code` with the details below; nothing else reaches a client unchanged.

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  CONFLICT: 'CONFLICT',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldViolation {
  field: string;
  message: string;
}

export abstract class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, code: ErrorCode, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }

  /** `{ code, ...details }`: what a client reads in `extensions`. */
  get extensions(): Record<string, unknown> {
    return { code: this.code, ...this.details };
  }
}

export class BadUserInputError extends DomainError {
  constructor(message: string, field: string, violations?: FieldViolation[]) {
    super(message, ErrorCode.BAD_USER_INPUT, violations ? { field, violations } : { field });
  }
}

export class NotFoundError extends DomainError {
  constructor(type: string, id: string) {
    super(`${type} ${id} not found`, ErrorCode.NOT_FOUND, { type, id });
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Not allowed') {
    super(message, ErrorCode.FORBIDDEN);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required') {
    super(message, ErrorCode.UNAUTHENTICATED);
  }
}

/** A state that forbids the request for a reason other than a stale version (e.g. a second survey). */
export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, ErrorCode.CONFLICT, details);
  }
}

/** The one optimistic-lock failure: the caller's `expectedVersion` is not the aggregate's version. */
export class VersionConflictError extends ConflictError {
  constructor(what: string, expectedVersion: number, actualVersion: number) {
    super(`${what} is at version ${actualVersion}, not ${expectedVersion}: reload it and retry`, {
      expectedVersion,
      actualVersion,
    });
  }
}

export class InvalidTransitionError extends DomainError {
  constructor(message: string, currentState: string) {
    super(message, ErrorCode.INVALID_TRANSITION, { currentState });
  }
}

export class InternalError extends DomainError {
  constructor() {
    super('Internal server error', ErrorCode.INTERNAL);
  }
}

/** Throws VersionConflictError unless `current` is at `expectedVersion`. */
export function checkVersion(what: string, current: { version: number }, expectedVersion: number): void {
  if (current.version !== expectedVersion)
    throw new VersionConflictError(what, expectedVersion, current.version);
}
