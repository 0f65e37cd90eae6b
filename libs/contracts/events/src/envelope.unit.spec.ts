import { createEvent } from './define-event';
import { fromKafkaHeaders, InvalidEventHeadersError, KAFKA_HEADERS, toKafkaHeaders } from './envelope';
import { AGENT_ACTOR, eventDataSamples } from './testing/event-samples';
import { TicketAssigned } from './ticket/ticket.events';

const event = createEvent(TicketAssigned, {
  aggregateId: eventDataSamples['ticket.assigned'].ticketId,
  aggregateVersion: 4,
  producer: 'ticket',
  actor: AGENT_ACTOR,
  correlationId: 'req-42',
  causationId: '0f1e2d3c-4b5a-4968-8776-655443322110',
  data: eventDataSamples['ticket.assigned'],
});
const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('Kafka headers', () => {
  it('mirror the envelope and round-trip (string and Buffer values)', () => {
    const headers = toKafkaHeaders(event, { traceparent });
    expect(headers).toEqual({
      'event-id': event.eventId,
      'event-type': 'ticket.assigned',
      'event-version': '1',
      'aggregate-type': 'ticket',
      'aggregate-id': event.aggregateId,
      'aggregate-version': '4',
      'occurred-at': event.occurredAt,
      producer: 'ticket',
      'correlation-id': 'req-42',
      'causation-id': event.causationId,
      traceparent,
    });
    const { data: _data, actor: _actor, ...metadata } = event;
    const expected = { ...metadata, traceparent };
    expect(fromKafkaHeaders(headers)).toEqual(expected);
    const asBuffers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)]));
    expect(fromKafkaHeaders(asBuffers)).toEqual(expected);
  });

  it('omit absent causation and trace, and read them back as null', () => {
    const headers = toKafkaHeaders({ ...event, causationId: null });
    expect(Object.keys(headers)).not.toContain(KAFKA_HEADERS.causationId);
    expect(Object.keys(headers)).not.toContain(KAFKA_HEADERS.traceparent);
    expect(fromKafkaHeaders(headers)).toMatchObject({ causationId: null, traceparent: null });
  });

  it('fail clearly on a missing or malformed required header', () => {
    const { 'event-type': _type, ...withoutType } = toKafkaHeaders(event);
    expect(() => fromKafkaHeaders(withoutType)).toThrow(
      new InvalidEventHeadersError('missing Kafka header "event-type"'),
    );
    expect(() => fromKafkaHeaders({ ...toKafkaHeaders(event), 'aggregate-version': '0' })).toThrow(
      /positive integer/,
    );
    expect(() => fromKafkaHeaders(undefined)).toThrow(InvalidEventHeadersError);
  });
});
