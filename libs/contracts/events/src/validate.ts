import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { eventKey } from './define-event';
import { findDefinition, type DomainEvent } from './topics';

export type ValidationResult<T = DomainEvent> = { ok: true; event: T } | { ok: false; errors: string[] };

const ajv = addFormats(new Ajv({ allErrors: true, strict: true }));
const validators = new Map<string, ValidateFunction>();

function validatorFor(type: string, version: number): ValidateFunction | undefined {
  const key = eventKey(type, version);
  let validate = validators.get(key);
  if (!validate) {
    const definition = findDefinition(type, version);
    if (!definition) return undefined;
    validate = ajv.compile(definition.schema);
    validators.set(key, validate);
  }
  return validate;
}

function describe(error: ErrorObject): string {
  const path = error.instancePath || '/';
  if (error.keyword === 'additionalProperties') {
    return `${path} must NOT have additional property "${String(error.params['additionalProperty'])}"`;
  }
  if (error.keyword === 'enum') {
    return `${path} ${error.message}: ${(error.params['allowedValues'] as unknown[]).join(', ')}`;
  }
  return `${path} ${error.message ?? error.keyword}`;
}

/** Validates any value against the registered definition for its `type` + `version`. */
export function validateEvent(value: unknown): ValidationResult {
  if (typeof value !== 'object' || value === null) return { ok: false, errors: ['event must be an object'] };
  const { type, version } = value as { type?: unknown; version?: unknown };
  if (typeof type !== 'string' || typeof version !== 'number') {
    return { ok: false, errors: ['event must have a string "type" and a numeric "version"'] };
  }
  const validate = validatorFor(type, version);
  if (!validate) return { ok: false, errors: [`unknown event ${type} v${version}`] };
  if (validate(value)) return { ok: true, event: value as DomainEvent };
  return { ok: false, errors: (validate.errors ?? []).map(describe) };
}
