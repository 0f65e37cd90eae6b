import 'reflect-metadata';

export { ErrorCode } from './errors/error-codes';
export * from './errors/errors';
export { createFormatError, formatError, errorCodeOf } from './errors/format-error';
export type { FormatErrorOptions } from './errors/format-error';

// The caller contract's header names and roles, for subgraph code that reads the gateway's headers.
export * from '@opsgraph/contracts-caller';
export { Role, isRole } from './auth/role';
export { callerFromHeaders } from './auth/caller';
export type { Caller, HeadersLike } from './auth/caller';
export { authChecker, requireCaller, requireRole } from './auth/auth-checker';
export type { CallerContext } from './auth/auth-checker';

export { inputHygiene, inputViolation, isUuid, OpaqueId } from './validation/input-hygiene';
export {
  Text,
  graphqlEnum,
  graphqlEnumOf,
  ExpectedVersion,
  EXPECTED_VERSION_DESCRIPTION,
} from './validation/decorators';
export type { EnumValueDescriptions, TextRules } from './validation/decorators';
export { DateTimeScalar } from './scalars/date-time';
export { encodeCursor, decodeCursor } from './pagination/cursor';
export type { CursorValues } from './pagination/cursor';
export { cursorKeys } from './pagination/cursor-keys';
export type { CursorKey } from './pagination/cursor-keys';
export { PageInfo } from './pagination/page-info';
export { Connection } from './pagination/connection';
export type { ConnectionShape, Edge } from './pagination/connection';
export { ConnectionArgs, pageRequest, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination/connection-args';
export type { PageRequest } from './pagination/connection-args';
export { toConnection } from './pagination/to-connection';
export { selectedFieldsAt } from './pagination/node-selection';

export {
  buildFederatedSchema,
  printSubgraphSdl,
  FEDERATION_LINK,
  FEDERATION_SPEC_URL,
  FEDERATION_IMPORTS,
} from './federation/build-federated-schema';
export type {
  FederatedSchemaOptions,
  ReferenceResolvers,
  ReferenceResolver,
  ScalarMapping,
} from './federation/build-federated-schema';
export { batchedReference } from './federation/batched-reference';
export { entityReferenceType, referenceTo } from './federation/entity-reference-type';
export type { EntityReference } from './federation/batched-reference';
export { createGroupLoader, createLoader } from './federation/create-loader';
export type { LoaderOptions } from './federation/create-loader';

export { createSubgraphServer } from './server/create-subgraph-server';
export type { SubgraphServer, SubgraphServerOptions } from './server/create-subgraph-server';
export type { SubgraphContext } from './server/context';
