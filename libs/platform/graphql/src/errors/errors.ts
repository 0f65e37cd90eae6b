// The graph speaks the domain's errors (@opsgraph/domain): formatError maps each to its `extensions.code`.
export {
  DomainError as OpsgraphError,
  BadUserInputError,
  NotFoundError,
  ForbiddenError,
  UnauthenticatedError,
  ConflictError,
  VersionConflictError,
  InvalidTransitionError,
  InternalError,
  type FieldViolation,
} from '@opsgraph/domain';
