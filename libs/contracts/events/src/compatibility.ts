// Whether a consumer built on an event's released JSON Schema can read what the current schema allows, and a
// consumer built on the current one can read the released events still kept on the topics (retention is unlimited).
// The rules are those of docs/events/README.md: within a version only new optional fields.
import type { JsonSchema } from './json-schema';

type Schema = JsonSchema & {
  type?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
};

/** What identifies a value's kind: a change to any of these can turn a valid value invalid. */
const KIND_KEYWORDS = ['type', 'const', 'format', 'pattern'] as const;

const kindOf = (schema: Schema) => JSON.stringify(KIND_KEYWORDS.map((keyword) => schema[keyword]));
const label = (path: string) => path || '(root)';

function compareAlternatives(released: Schema, current: Schema, path: string, out: string[]): void {
  const before = released.anyOf ?? [released];
  const after = current.anyOf ?? [current];
  for (const alternative of after) {
    const match = before.find((candidate) => kindOf(candidate) === kindOf(alternative));
    if (!match) {
      out.push(
        `${label(path)}: may now be ${describeKind(alternative)}, which the released schema does not allow`,
      );
    } else {
      compareNode(match, alternative, path, out);
    }
  }
  for (const alternative of before) {
    if (!after.some((candidate) => kindOf(candidate) === kindOf(alternative))) {
      out.push(`${label(path)}: can no longer be ${describeKind(alternative)} (released events still are)`);
    }
  }
}

function describeKind(schema: Schema): string {
  if (schema.const !== undefined) return `the constant ${JSON.stringify(schema.const)}`;
  const details = [
    schema.format && `format ${String(schema.format)}`,
    schema.pattern && `pattern ${String(schema.pattern)}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${String(schema.type ?? 'any type')}${details ? ` (${details})` : ''}`;
}

function compareNode(released: Schema, current: Schema, path: string, out: string[]): void {
  if (released.anyOf || current.anyOf) {
    compareAlternatives(released, current, path, out);
    return;
  }
  if (kindOf(released) !== kindOf(current)) {
    out.push(`${label(path)}: changed from ${describeKind(released)} to ${describeKind(current)}`);
    return;
  }
  if (released.enum || current.enum) {
    const before = new Set((released.enum ?? []).map((value) => JSON.stringify(value)));
    const added = (current.enum ?? []).filter((value) => !before.has(JSON.stringify(value)));
    if (!current.enum) out.push(`${label(path)}: no longer limited to the released values`);
    else if (added.length) out.push(`${label(path)}: new enum value(s) ${added.join(', ')}`);
    const after = new Set((current.enum ?? []).map((value) => JSON.stringify(value)));
    const removed = (released.enum ?? []).filter((value) => !after.has(JSON.stringify(value)));
    if (removed.length)
      out.push(`${label(path)}: enum value(s) ${removed.join(', ')} removed (released events carry them)`);
  }
  if (released.items || current.items)
    compareNode(released.items ?? {}, current.items ?? {}, `${path}[]`, out);
  if (released.properties || current.properties) compareObject(released, current, path, out);
}

function compareObject(released: Schema, current: Schema, path: string, out: string[]): void {
  const before = released.properties ?? {};
  const after = current.properties ?? {};
  const requiredBefore = new Set(released.required ?? []);
  const requiredAfter = new Set(current.required ?? []);
  const at = (name: string) => (path ? `${path}.${name}` : name);
  for (const name of Object.keys(before)) {
    if (!(name in after)) {
      out.push(`${at(name)}: removed`);
      continue;
    }
    if (requiredBefore.has(name) && !requiredAfter.has(name))
      out.push(`${at(name)}: no longer required (consumers rely on it)`);
    compareNode(before[name]!, after[name]!, at(name), out);
  }
  for (const name of requiredAfter) {
    if (!requiredBefore.has(name)) {
      out.push(
        `${at(name)}: ${name in before ? 'became required' : 'new required field'} (released events lack it)`,
      );
    }
  }
}

/** The breaking changes from `released` to `current` (two JSON Schemas of one event version); [] when compatible. */
export function breakingChanges(released: JsonSchema, current: JsonSchema): string[] {
  const out: string[] = [];
  compareNode(released as Schema, current as Schema, '', out);
  return out;
}
