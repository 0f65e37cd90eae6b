import { createEvent, type EventDefinition } from './define-event';
import { plainSchema, type JsonSchema } from './json-schema';
import { AGENT_ACTOR, sampleAggregateId, sampleDataFor } from './testing/event-samples';
import { allEventDefinitions } from './topics';
import { validateEvent } from './validate';

function sample(definition: EventDefinition) {
  return createEvent(definition, {
    aggregateId: sampleAggregateId(definition),
    aggregateVersion: 3,
    producer: 'test-producer',
    actor: AGENT_ACTOR,
    correlationId: 'req-7f3a',
    causationId: null,
    data: sampleDataFor(definition),
  }) as unknown as { data: Record<string, unknown> } & Record<string, unknown>;
}

const dataSchemaOf = (definition: EventDefinition) =>
  plainSchema(definition.dataSchema) as { properties: Record<string, JsonSchema>; required: string[] };

const enumOf = (property: JsonSchema): unknown[] | undefined =>
  (property['enum'] as unknown[] | undefined) ??
  ((property['anyOf'] as JsonSchema[] | undefined)?.find((s) => Array.isArray(s['enum']))?.[
    'enum'
  ] as unknown[]);

const expectInvalid = (value: unknown, fragment: string) => {
  const result = validateEvent(value);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.errors.join('\n')).toContain(fragment);
};

describe.each(allEventDefinitions.map((d) => [`${d.type} v${d.version}`, d] as const))(
  '%s',
  (_name, definition) => {
    it('accepts a realistic event built with createEvent', () => {
      const event = sample(definition);
      expect(validateEvent(event)).toEqual({ ok: true, event });
    });

    it('rejects an extra data property (typo)', () => {
      const event = sample(definition);
      event.data['assigneID'] = null;
      expectInvalid(event, 'must NOT have additional property "assigneID"');
    });

    it('rejects the event when any required data field is missing', () => {
      const { required } = dataSchemaOf(definition);
      expect(required.length).toBeGreaterThan(0);
      for (const field of required) {
        const event = sample(definition);
        delete event.data[field];
        expectInvalid(event, `must have required property '${field}'`);
      }
    });

    it('rejects a value outside every enum field', () => {
      const { properties } = dataSchemaOf(definition);
      const enumFields = Object.keys(properties).filter((key) => enumOf(properties[key]!));
      for (const field of enumFields) {
        const event = sample(definition);
        event.data[field] = 'NOT_A_VALUE';
        expectInvalid(event, `/data/${field}`);
      }
    });

    it('rejects a malformed aggregate id and an extra envelope property', () => {
      expectInvalid(
        { ...sample(definition), aggregateId: 'TCK-000123' },
        '/aggregateId must match format "uuid"',
      );
      expectInvalid({ ...sample(definition), tenant: 'x' }, 'must NOT have additional property "tenant"');
    });
  },
);

describe('validateEvent', () => {
  const opened = allEventDefinitions.find((d) => d.type === 'ticket.opened')!;

  it('rejects unknown types and versions', () => {
    expect(validateEvent({ ...sample(opened), type: 'ticket.teleported' })).toEqual({
      ok: false,
      errors: ['unknown event ticket.teleported v1'],
    });
    expect(validateEvent({ ...sample(opened), version: 2 })).toEqual({
      ok: false,
      errors: ['unknown event ticket.opened v2'],
    });
    expect(validateEvent(null).ok).toBe(false);
    expect(validateEvent({ data: {} }).ok).toBe(false);
  });

  it('checks formats inside data (date-time, uuid) and integer ranges', () => {
    const event = sample(opened);
    event.data['openedAt'] = '03/03/2025 09:15';
    event.data['customerId'] = 'CUST-1';
    event.data['escalationLevel'] = -1;
    const result = validateEvent(event);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual(
        expect.arrayContaining([
          '/data/openedAt must match format "date-time"',
          '/data/customerId must match format "uuid"',
          '/data/escalationLevel must be >= 0',
        ]),
      );
    }
  });

  it('rejects data of another event type under a known type', () => {
    const survey = allEventDefinitions.find((d) => d.type === 'ticket.survey_submitted')!;
    expectInvalid({ ...sample(survey), type: 'ticket.opened' }, 'must NOT have additional property');
  });

  it('rejects survey scores outside 1–5', () => {
    const survey = allEventDefinitions.find((d) => d.type === 'ticket.survey_submitted')!;
    const event = sample(survey);
    event.data['overall'] = 6;
    expectInvalid(event, '/data/overall must be <= 5');
  });

  it('requires an enum on every ticket, customer and employee event (the test above is not vacuous)', () => {
    const withEnums = new Set(['ticket', 'customer', 'employee']);
    for (const definition of allEventDefinitions.filter((d) => withEnums.has(d.aggregateType))) {
      const { properties } = dataSchemaOf(definition);
      expect(Object.values(properties).some((p) => enumOf(p))).toBe(true);
    }
  });
});
