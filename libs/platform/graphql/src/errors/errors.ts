import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes';

/** Base of every error the kit lets through to clients unchanged. */
export abstract class OpsgraphError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.name = new.target.name;
  }

  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export interface FieldViolation {
  field: string;
  message: string;
}

export class BadUserInputError extends OpsgraphError {
  constructor(message: string, field: string, violations?: FieldViolation[]) {
    super(message, ErrorCode.BAD_USER_INPUT, violations ? { field, violations } : { field });
  }
}

export class NotFoundError extends OpsgraphError {
  constructor(type: string, id: string) {
    super(`${type} ${id} not found`, ErrorCode.NOT_FOUND, { type, id });
  }
}

export class ForbiddenError extends OpsgraphError {
  constructor(message = 'Not allowed') {
    super(message, ErrorCode.FORBIDDEN);
  }
}

export class UnauthenticatedError extends OpsgraphError {
  constructor(message = 'Authentication required') {
    super(message, ErrorCode.UNAUTHENTICATED);
  }
}

export class ConflictError extends OpsgraphError {
  constructor(message: string, versions: { expectedVersion: number; actualVersion: number }) {
    super(message, ErrorCode.CONFLICT, {
      expectedVersion: versions.expectedVersion,
      actualVersion: versions.actualVersion,
    });
  }
}

export class InvalidTransitionError extends OpsgraphError {
  constructor(message: string, currentState: string) {
    super(message, ErrorCode.INVALID_TRANSITION, { currentState });
  }
}

export class InternalError extends OpsgraphError {
  constructor() {
    super('Internal server error', ErrorCode.INTERNAL);
  }
}
