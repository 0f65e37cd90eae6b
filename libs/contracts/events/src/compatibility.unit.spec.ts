import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RELEASED_DIR, renderEventSchemas } from './asyncapi/render';
import { breakingChanges } from './compatibility';
import { eventJsonSchema, type JsonSchema } from './json-schema';
import { exampleEvent } from './testing/event-samples';
import { allEventDefinitions, findDefinition } from './topics';
import { validateEvent } from './validate';

const released = readdirSync(RELEASED_DIR).filter((file) => file.endsWith('.json'));
const current = renderEventSchemas();

describe('every released event schema (docs/events/released) is still readable by its consumers', () => {
  it('covers every event of the catalogue (a new event is released with `npm run docs:events -- --release`)', () => {
    expect(released.length).toBeGreaterThan(0);
    const unreleased = [...current.keys()].filter((file) => !released.includes(file));
    console.log(
      `event schemas: ${released.length} released, ${unreleased.length} not yet: ${unreleased.join(', ') || '-'}`,
    );
  });

  it.each(released)(
    '%s: no breaking change (else: a new event version, see docs/events/README.md)',
    (file) => {
      const text = current.get(file);
      expect({ file, stillPublished: text !== undefined }).toEqual({ file, stillPublished: true });
      const before = JSON.parse(readFileSync(join(RELEASED_DIR, file), 'utf8')) as JsonSchema;
      expect(breakingChanges(before, JSON.parse(text!) as JsonSchema)).toEqual([]);
    },
  );
});

describe('published schemas let consumers accept added fields; producers stay strict', () => {
  const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

  it.each(
    allEventDefinitions.map(
      (definition) => [`${definition.type} v${definition.version}`, definition] as const,
    ),
  )('%s', (_name, definition) => {
    const event = exampleEvent(definition) as unknown as Record<string, unknown> & {
      data: Record<string, unknown>;
    };
    const evolved = { ...event, addedLater: 'x', data: { ...event.data, addedLater: 1 } };
    const validate = ajv.compile(eventJsonSchema(definition));
    expect(validate(event)).toBe(true);
    expect(validate(evolved)).toBe(true);
    expect(validateEvent(evolved).ok).toBe(false);
  });
});

describe('the compatibility check fails on broken fixtures', () => {
  const base = JSON.parse(current.get('ticket.resolved.v1.json')!) as JsonSchema & {
    properties: Record<string, JsonSchema> & {
      data: { properties: Record<string, JsonSchema>; required: string[] };
    };
  };
  const edit = (change: (schema: typeof base) => void) => {
    const copy = structuredClone(base);
    change(copy);
    return copy;
  };
  const firstDataField = base.properties.data.required[0]!;

  it('an unchanged schema and an added optional field are compatible', () => {
    expect(breakingChanges(base, base)).toEqual([]);
    const added = edit((schema) => {
      schema.properties.data.properties['channelNote'] = { type: 'string' };
    });
    expect(breakingChanges(base, added)).toEqual([]);
  });

  it('a removed field is breaking', () => {
    const removed = edit((schema) => {
      delete schema.properties.data.properties[firstDataField];
      schema.properties.data.required = schema.properties.data.required.filter(
        (name) => name !== firstDataField,
      );
    });
    expect(breakingChanges(base, removed)).toEqual([`data.${firstDataField}: removed`]);
  });

  it('a changed type is breaking', () => {
    const retyped = edit((schema) => {
      schema.properties['aggregateVersion'] = { type: 'string' };
    });
    expect(breakingChanges(base, retyped)).toEqual([
      expect.stringMatching(/^aggregateVersion: changed from integer to string/),
    ]);
  });

  it('a new required field is breaking (released events on the topic lack it)', () => {
    const required = edit((schema) => {
      schema.properties.data.properties['reopenCount'] = { type: 'integer' };
      schema.properties.data.required.push('reopenCount');
    });
    expect(breakingChanges(base, required)).toEqual([
      'data.reopenCount: new required field (released events lack it)',
    ]);
  });

  it('a field that may now be null, and a new enum value, are breaking', () => {
    const nullable = edit((schema) => {
      schema.properties['producer'] = { anyOf: [schema.properties['producer'], { type: 'null' }] };
    });
    expect(breakingChanges(base, nullable)).toEqual([expect.stringMatching(/^producer: may now be null/)]);
    const priority = Object.entries(base.properties.data.properties).find(([, property]) =>
      Array.isArray(property['enum']),
    );
    expect(priority).toBeDefined();
    const widened = edit((schema) => {
      const property = schema.properties.data.properties[priority![0]]!;
      property['enum'] = [...(property['enum'] as string[]), 'BRAND_NEW'];
    });
    expect(breakingChanges(base, widened)).toEqual([`data.${priority![0]}: new enum value(s) BRAND_NEW`]);
  });

  it('finds the fixture event in the catalogue', () => {
    expect(findDefinition('ticket.resolved', 1)).toBeDefined();
  });
});
