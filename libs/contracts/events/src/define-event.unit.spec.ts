import { Type } from '@sinclair/typebox';
import { createEvent, defineEvent } from './define-event';
import { SYSTEM_ACTOR } from './envelope';
import { plainSchema } from './json-schema';
import { AGENT_ACTOR, eventDataSamples } from './testing/event-samples';
import { TicketClosed, TicketOpened } from './ticket/ticket.events';

describe('defineEvent', () => {
  it('builds the full envelope schema with constants and a stable $id', () => {
    const schema = plainSchema(TicketOpened.schema) as {
      $id: string;
      additionalProperties: boolean;
      properties: Record<string, unknown>;
    };
    expect(schema.$id).toBe('https://opsgraph.dev/events/ticket.opened/v1.json');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties['type']).toEqual({ const: 'ticket.opened', type: 'string' });
    expect(schema.properties['version']).toEqual({ const: 1, type: 'number' });
    expect(schema.properties['aggregateType']).toEqual({ const: 'ticket', type: 'string' });
    expect(schema.properties['data']).toEqual(plainSchema(TicketOpened.dataSchema));
  });

  it('refuses data schemas that would let typos through, and types outside the aggregate', () => {
    const open = Type.Object({ id: Type.String() });
    expect(() =>
      defineEvent({ type: 'x.happened', version: 1, aggregateType: 'x', description: '', data: open }),
    ).toThrow(/additionalProperties: false/);
    const closed = Type.Object({ id: Type.String() }, { additionalProperties: false });
    expect(() =>
      defineEvent({ type: 'y.happened', version: 1, aggregateType: 'x', description: '', data: closed }),
    ).toThrow(/x\.<past_tense_verb>/);
    expect(() =>
      defineEvent({ type: 'x.happened', version: 0, aggregateType: 'x', description: '', data: closed }),
    ).toThrow(/version/);
  });
});

describe('createEvent', () => {
  it('fills id, time, causation and correlation', () => {
    const event = createEvent(TicketOpened, {
      aggregateId: eventDataSamples['ticket.opened'].ticketId,
      aggregateVersion: 1,
      producer: 'ticket',
      actor: SYSTEM_ACTOR,
      data: eventDataSamples['ticket.opened'],
    });
    expect(event.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.parse(event.occurredAt)).not.toBeNaN();
    expect(event.correlationId).toBe(event.eventId);
    expect(event.causationId).toBeNull();
    expect(event).toMatchObject({
      type: 'ticket.opened',
      version: 1,
      aggregateType: 'ticket',
      actor: { id: null, role: 'system' },
    });
  });

  it('keeps given ids and converts a Date', () => {
    const event = createEvent(TicketClosed, {
      eventId: '11111111-2222-4333-8444-555555555555',
      occurredAt: new Date('2025-03-04T02:00:00Z'),
      aggregateId: eventDataSamples['ticket.closed'].ticketId,
      aggregateVersion: 9,
      producer: 'ticket',
      correlationId: 'req-1',
      causationId: '66666666-7777-4888-8999-000000000000',
      actor: AGENT_ACTOR,
      data: eventDataSamples['ticket.closed'],
    });
    expect(event).toMatchObject({
      eventId: '11111111-2222-4333-8444-555555555555',
      occurredAt: '2025-03-04T02:00:00.000Z',
      correlationId: 'req-1',
      causationId: '66666666-7777-4888-8999-000000000000',
      aggregateVersion: 9,
    });
  });
});
