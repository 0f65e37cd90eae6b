import type { ValidationError } from 'class-validator';
import type { FieldViolation } from '../errors/errors';

/** Flattens class-validator's nested errors into `a.b.0.c` paths with readable messages. */
export function toViolations(errors: readonly ValidationError[], prefix = ''): FieldViolation[] {
  const violations: FieldViolation[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) violations.push({ field, message: messages.join('; ') });
    if (error.children?.length) violations.push(...toViolations(error.children, field));
  }
  return violations;
}
