import { validateEvent, type TicketEvent } from '@opsgraph/contracts-events';
import { TicketStory } from '@opsgraph/contracts-events/testing';
import {
  applyTicketEvent,
  averageSatisfaction,
  contribution,
  counterDeltas,
  isContactEvent,
  sameState,
  ZERO,
  type Counters,
  type TicketState,
} from './service-history.rules';

const CUSTOMER = '9b2e6d40-1c3f-4a85-b7e2-5d8f0a1c3e67';
const OTHER = '5e8a2c1f-7b3d-4e69-a0f4-8d1b6c2e9f30';

function fold(events: readonly TicketEvent[]): TicketState | null {
  return events.reduce<TicketState | null>((state, event) => applyTicketEvent(state, event), null);
}

/** A customer's counters as the projection keeps them: the sum of per-event deltas. */
function countersAfter(events: readonly TicketEvent[]): Map<string, Counters> {
  const states = new Map<string, TicketState>();
  const totals = new Map<string, Counters>();
  for (const event of events) {
    const before = states.get(event.aggregateId) ?? null;
    const after = applyTicketEvent(before, event);
    states.set(event.aggregateId, after);
    for (const [customerId, delta] of counterDeltas(before, after)) {
      const total = totals.get(customerId) ?? ZERO;
      totals.set(customerId, {
        ticketsTotal: total.ticketsTotal + delta.ticketsTotal,
        ticketsOpen: total.ticketsOpen + delta.ticketsOpen,
        complaints: total.complaints + delta.complaints,
        satisfactionSum: total.satisfactionSum + delta.satisfactionSum,
        satisfactionCount: total.satisfactionCount + delta.satisfactionCount,
      });
    }
  }
  return totals;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('service-history rules', () => {
  const story = new TicketStory({ customerId: CUSTOMER, kind: 'COMPLAINT' })
    .acknowledge()
    .resolve()
    .survey(undefined, 4)
    .close();
  const lifecycle = story.events;

  it('builds valid contract events in the tests', () => {
    for (const event of lifecycle) expect(validateEvent(event)).toMatchObject({ ok: true });
  });

  it('keeps the latest snapshot, the survey score and the last contact of a ticket', () => {
    const state = fold(lifecycle);
    expect(state).toEqual({
      ticketId: story.ticketId,
      customerId: CUSTOMER,
      number: story.number,
      kind: 'COMPLAINT',
      status: 'CLOSED',
      openedAt: new Date('2026-03-02T08:00:00.000Z'),
      snapshotVersion: 5,
      lastContactAt: new Date(lifecycle[4].occurredAt),
      satisfaction: 4,
      surveyVersion: 4,
      mergedIntoId: null,
    });
  });

  it('gives the same state and counters for every order of the same events (120 orders)', () => {
    const expectedState = fold(lifecycle);
    const expectedCounters = countersAfter(lifecycle);
    for (const order of permutations(lifecycle)) {
      // Compared field by field here, not with sameState: the test must not trust the code it checks.
      expect(fold(order)).toEqual(expectedState);
      expect(countersAfter(order)).toEqual(expectedCounters);
    }
    expect(expectedCounters.get(CUSTOMER)).toEqual({
      ticketsTotal: 1,
      ticketsOpen: 0,
      complaints: 1,
      satisfactionSum: 4,
      satisfactionCount: 1,
    });
  });

  it('changes nothing when an event arrives twice', () => {
    const once = fold(lifecycle);
    expect(sameState(fold([...lifecycle, ...lifecycle]), once)).toBe(true);
    expect(sameState(applyTicketEvent(once, lifecycle[2]), once)).toBe(true);
    expect(countersAfter([...lifecycle, lifecycle[0], lifecycle[3]])).toEqual(countersAfter(lifecycle));
  });

  it('tells states apart when any kept field differs', () => {
    const state = fold(lifecycle) as TicketState;
    expect(sameState(state, { ...state })).toBe(true);
    expect(sameState(null, null)).toBe(true);
    expect(sameState(state, null)).toBe(false);
    expect(sameState(null, state)).toBe(false);
    const changes: Partial<TicketState>[] = [
      { customerId: OTHER },
      { number: 'TCK-999999' },
      { kind: 'FAULT' },
      { status: 'REOPENED' },
      { openedAt: new Date('2026-03-02T08:00:01.000Z') },
      { snapshotVersion: 6 },
      { lastContactAt: new Date('2026-04-01T00:00:00.000Z') },
      { satisfaction: 5 },
      { surveyVersion: 7 },
    ];
    for (const change of changes) expect(sameState(state, { ...state, ...change })).toBe(false);
  });

  it('keeps the newer survey score when an older survey arrives late', () => {
    const surveys = new TicketStory({ customerId: CUSTOMER })
      .resolve()
      .survey(undefined, 2)
      .reopen()
      .resolve()
      .survey(undefined, 5);
    const [older, newer] = surveys.events.filter((event) => event.type === 'ticket.survey_submitted');
    const inOrder = fold(surveys.events);
    const lateOlder = fold([...surveys.events.filter((event) => event !== older), older]);
    expect(inOrder).toMatchObject({ satisfaction: 5, surveyVersion: newer.aggregateVersion });
    expect(lateOlder).toMatchObject({ satisfaction: 5, surveyVersion: newer.aggregateVersion });
  });

  it('counts a public progress note as contact with the customer, an internal one not', () => {
    const [opened, internal] = new TicketStory({ customerId: CUSTOMER }).note(
      '2026-03-02T09:00:00.000Z',
    ).events;
    const published = { ...internal, data: { ...internal.data, visibility: 'PUBLIC' } } as TicketEvent;
    expect(validateEvent(published)).toMatchObject({ ok: true });
    expect(isContactEvent(published)).toBe(true);
    expect(fold([opened, published])?.lastContactAt).toEqual(new Date('2026-03-02T09:00:00.000Z'));
    expect(fold([opened, internal])?.lastContactAt).toEqual(new Date(opened.data.openedAt));
  });

  it('knows for every ticket event whether it was contact with the customer', () => {
    const [opened] = new TicketStory({ customerId: CUSTOMER }).events;
    const as = (type: string) => ({ ...opened, type }) as unknown as TicketEvent;
    const contact = [
      'opened',
      'acknowledged',
      'resolved',
      'reopened',
      'closed',
      'survey_submitted',
      'complaint_follow_up_recorded',
    ];
    const internal = [
      'status_changed',
      'assigned',
      'transferred',
      'escalated',
      'sla_breached',
      'complaint_investigated',
      'suggestion_reviewed',
      'plan_updated',
      'plan_step_completed',
      'merged',
      'linked',
      'unlinked',
    ];
    for (const type of contact) expect([type, isContactEvent(as(`ticket.${type}`))]).toEqual([type, true]);
    for (const type of internal) expect([type, isContactEvent(as(`ticket.${type}`))]).toEqual([type, false]);
    expect(() => isContactEvent(as('ticket.unheard_of'))).toThrow('unhandled ticket event ticket.unheard_of');
  });

  it('dates a survey and a complaint follow-up by when they happened, not when the event was sent', () => {
    const story = new TicketStory({ customerId: CUSTOMER })
      .resolve('2026-03-02T09:00:00.000Z')
      .survey('2026-03-05T10:00:00.000Z', 4);
    const [opened, resolved, survey] = story.events;
    const submittedEarlier = {
      ...survey,
      data: { ...survey.data, submittedAt: '2026-03-04T08:00:00.000Z' },
    } as TicketEvent;
    expect(fold([opened, resolved, submittedEarlier])?.lastContactAt).toEqual(
      new Date('2026-03-04T08:00:00.000Z'),
    );
    const followUp = {
      ...resolved,
      type: 'ticket.complaint_follow_up_recorded',
      occurredAt: '2026-03-06T10:00:00.000Z',
      data: { ...resolved.data, followUpAt: '2026-03-03T15:00:00.000Z' },
    } as unknown as TicketEvent;
    expect(fold([opened, resolved, followUp])?.lastContactAt).toEqual(new Date('2026-03-03T15:00:00.000Z'));
    const lateOpened = { ...opened, occurredAt: '2026-03-09T00:00:00.000Z' } as TicketEvent;
    expect(fold([resolved, lateOpened])?.lastContactAt).toEqual(new Date(resolved.occurredAt));
  });

  it('has no counter change for an event that changes nothing', () => {
    const state = fold(lifecycle) as TicketState;
    expect(counterDeltas(state, applyTicketEvent(state, lifecycle[1]))).toEqual(new Map());
  });

  it('counts a ticket first seen through a later event, opening time included', () => {
    const resolved = new TicketStory({ customerId: CUSTOMER }).resolve().last;
    const state = applyTicketEvent(null, resolved);
    expect(state).toMatchObject({
      status: 'RESOLVED',
      snapshotVersion: 2,
      lastContactAt: new Date(resolved.occurredAt),
    });
    expect(contribution(state)).toEqual({ ...ZERO, ticketsTotal: 1 });
  });

  it('does not count internal work as contact with the customer', () => {
    const [opened, note, assigned] = new TicketStory({ customerId: CUSTOMER }).note().assign().events;
    expect([opened, note, assigned].map(isContactEvent)).toEqual([true, false, false]);
    expect(fold([opened, note, assigned])?.lastContactAt).toEqual(new Date(opened.data.openedAt));
  });

  it('moves a ticket between customers when its snapshot names another one', () => {
    const before = applyTicketEvent(null, new TicketStory({ customerId: CUSTOMER }).last);
    const after = { ...before, customerId: OTHER, snapshotVersion: 2 };
    expect(counterDeltas(before, after)).toEqual(
      new Map([
        [CUSTOMER, { ...ZERO, ticketsTotal: -1, ticketsOpen: -1 }],
        [OTHER, { ...ZERO, ticketsTotal: 1, ticketsOpen: 1 }],
      ]),
    );
  });

  it('counts a reopened ticket as open again', () => {
    const events = new TicketStory({ customerId: CUSTOMER }).resolve().reopen().events;
    expect(countersAfter(events).get(CUSTOMER)).toMatchObject({ ticketsTotal: 1, ticketsOpen: 1 });
  });

  it('averages satisfaction to two decimals', () => {
    expect(averageSatisfaction({ satisfactionSum: 0, satisfactionCount: 0 })).toBeNull();
    expect(averageSatisfaction({ satisfactionSum: 11, satisfactionCount: 3 })).toBe(3.67);
  });
});

describe('merged tickets (ticket.merged)', () => {
  const survivor = new TicketStory({ customerId: CUSTOMER, kind: 'COMPLAINT' }).acknowledge();
  const duplicate = new TicketStory({ customerId: CUSTOMER, kind: 'COMPLAINT' })
    .acknowledge()
    .mergeInto(survivor);

  it('count the pair once, whatever order the events arrive in', () => {
    const events = [...survivor.events, ...duplicate.events];
    for (const order of [events, [...events].reverse(), [...duplicate.events.slice(1), ...events]]) {
      expect(countersAfter(order).get(CUSTOMER)).toEqual({
        ticketsTotal: 1,
        ticketsOpen: 1,
        complaints: 1,
        satisfactionSum: 0,
        satisfactionCount: 0,
      });
    }
    expect(fold(duplicate.events)).toMatchObject({ mergedIntoId: survivor.ticketId, status: 'CLOSED' });
  });

  it('a merged ticket contributes nothing and its merge is not a contact', () => {
    const merged = fold(duplicate.events)!;
    expect(contribution(merged)).toEqual(ZERO);
    expect(isContactEvent(duplicate.events.at(-1)!)).toBe(false);
  });
});
