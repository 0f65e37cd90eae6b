import { overdueFollowUps, recordDrill, updateFollowUp, type NewDrill } from './drill.rules';

const NOW = new Date('2026-03-02T12:00:00.000Z');
const HELD = new Date('2026-03-02T09:00:00.000Z');
const P1 = '11111111-1111-4111-8111-111111111111';
let seq = 0;
const identity = { id: 'd1', planId: 'p1', planVersion: 2, followUpIds: () => `f${++seq}` };
const input: NewDrill = {
  title: ' Power loss drill ',
  scenario: 'Mains fail at 09:00',
  heldAt: HELD,
  participantIds: [P1, P1],
  timeline: [
    { at: new Date('2026-03-02T09:20:00.000Z'), note: 'Customers told' },
    { at: new Date('2026-03-02T09:05:00.000Z'), note: ' Generator started ' },
  ],
  findings: 'The generator took 5 minutes',
  followUps: [{ description: 'Service the generator', ownerId: P1, dueOn: '2026-03-01' }],
};

const fieldOf = (run: () => unknown) => {
  try {
    run();
    return 'no error';
  } catch (error) {
    return (error as { details: { field: string } }).details.field;
  }
};

describe('recordDrill', () => {
  it('orders the timeline, de-duplicates participants and opens the follow-ups', () => {
    const drill = recordDrill(identity, input, NOW);
    expect(drill).toMatchObject({ title: 'Power loss drill', participantIds: [P1], planVersion: 2 });
    expect(drill.timeline.map((entry) => entry.note)).toEqual(['Generator started', 'Customers told']);
    expect(drill.followUps).toEqual([
      {
        id: expect.any(String),
        description: 'Service the generator',
        ownerId: P1,
        dueOn: '2026-03-01',
        status: 'OPEN',
        doneAt: null,
      },
    ]);
  });

  it.each([
    ['held in the future', { heldAt: new Date('2026-03-03T00:00:00.000Z') }, 'input.heldAt'],
    ['without participants', { participantIds: [] }, 'input.participantIds'],
    [
      'with a note before the start',
      { timeline: [{ at: new Date('2026-03-02T08:00:00.000Z'), note: 'x' }] },
      'input.timeline.0.at',
    ],
    [
      'with a due day that is no day',
      { followUps: [{ description: 'x', ownerId: P1, dueOn: '2026-13-45' }] },
      'input.followUps.0.dueOn',
    ],
  ])('refuses a drill %s', (_what, change, field) => {
    expect(fieldOf(() => recordDrill(identity, { ...input, ...change }, NOW))).toBe(field);
  });
});

describe('follow-ups', () => {
  it('are overdue until done, and done once', () => {
    const drill = recordDrill(identity, input, NOW);
    const [item] = drill.followUps;
    expect(overdueFollowUps(drill, '2026-03-02')).toHaveLength(1);
    const done = updateFollowUp(drill, item!.id, 'DONE', NOW);
    expect(done.followUps[0]).toMatchObject({ status: 'DONE', doneAt: NOW });
    expect(overdueFollowUps(done, '2026-03-02')).toEqual([]);
    expect(fieldOf(() => updateFollowUp(drill, 'nope', 'DONE', NOW))).toBe('input.followUpId');
  });
});

describe('drill records in detail', () => {
  const refusal = (change: Partial<NewDrill>) => {
    try {
      recordDrill(identity, { ...input, ...change }, NOW);
    } catch (error) {
      return (error as Error).message;
    }
    return null;
  };

  it('keeps what was recorded, trimmed, with the plan version rehearsed', () => {
    const drill = recordDrill(
      identity,
      { ...input, scenario: ' Mains fail ', findings: ' Slow start ' },
      NOW,
    );
    expect(drill).toMatchObject({
      id: 'd1',
      planId: 'p1',
      scenario: 'Mains fail',
      findings: 'Slow start',
      heldAt: HELD,
      version: 0,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(drill.timeline.map((entry) => entry.at)).toEqual([
      new Date('2026-03-02T09:05:00.000Z'),
      new Date('2026-03-02T09:20:00.000Z'),
    ]);
    expect(drill.followUps[0].description).toBe('Service the generator');
  });

  it('takes a drill without timeline or follow-ups', () => {
    const drill = recordDrill(identity, { ...input, timeline: null, followUps: null }, NOW);
    expect([drill.timeline, drill.followUps]).toEqual([[], []]);
  });

  it('tolerates five minutes of clock skew on heldAt, not more', () => {
    const skew = 5 * 60_000;
    const edge = new Date(NOW.getTime() + skew);
    expect(recordDrill(identity, { ...input, heldAt: edge, timeline: [] }, NOW).heldAt).toEqual(edge);
    expect(refusal({ heldAt: new Date(NOW.getTime() + skew + 1), timeline: [] })).toBe(
      'A drill is recorded once it was held: heldAt is in the future',
    );
  });

  it('takes a timeline entry at the very start, and says which entry is early', () => {
    const atStart = recordDrill(identity, { ...input, timeline: [{ at: HELD, note: 'Go' }] }, NOW);
    expect(atStart.timeline).toEqual([{ at: HELD, note: 'Go' }]);
    expect(
      refusal({
        timeline: [
          { at: HELD, note: 'Go' },
          { at: new Date(HELD.getTime() - 1), note: 'early' },
        ],
      }),
    ).toBe('A timeline entry is before the drill started');
  });

  it('explains the refusals', () => {
    expect(refusal({ participantIds: [] })).toBe('A drill needs at least one participant');
    expect(refusal({ followUps: [{ description: 'x', ownerId: P1, dueOn: '2026-3-1' }] })).toBe(
      'dueOn must be a day, YYYY-MM-DD',
    );
    expect(refusal({ followUps: [{ description: 'x', ownerId: P1, dueOn: 'x2026-03-01' }] })).toBe(
      'dueOn must be a day, YYYY-MM-DD',
    );
  });
});

describe('follow-ups in detail', () => {
  it('keeps the first completion time, clears it when reopened, and leaves the other follow-ups alone', () => {
    const drill = recordDrill(
      identity,
      {
        ...input,
        followUps: [
          { description: 'a', ownerId: P1, dueOn: '2026-03-10' },
          { description: 'b', ownerId: P1, dueOn: '2026-03-10' },
        ],
      },
      NOW,
    );
    const [first, second] = drill.followUps;
    const later = new Date('2026-03-05T00:00:00.000Z');
    const done = updateFollowUp(drill, first.id, 'DONE', NOW);
    expect(done.updatedAt).toEqual(NOW);
    expect(updateFollowUp(done, first.id, 'DONE', later).followUps[0].doneAt).toEqual(NOW);
    const reopened = updateFollowUp(done, first.id, 'OPEN', later);
    expect(reopened.followUps[0]).toMatchObject({ status: 'OPEN', doneAt: null });
    expect(reopened.followUps[1]).toEqual(second);
    expect(reopened.updatedAt).toEqual(later);
    expect(() => updateFollowUp(drill, 'nope', 'DONE', NOW)).toThrow('Drill d1 has no follow-up nope');
  });

  it('is overdue only after its due day', () => {
    const drill = recordDrill(identity, input, NOW);
    expect(overdueFollowUps(drill, '2026-03-01')).toEqual([]);
    expect(overdueFollowUps(drill, '2026-03-02')).toHaveLength(1);
  });
});

describe('due days', () => {
  it.each(['6-03-01', '2026-3-01', '2026-03-1', '2026-03-011', '2026-03-01 10:00'])(
    'refuses %p: a due day is exactly YYYY-MM-DD, even where a date parser would guess',
    (dueOn) => {
      expect(
        fieldOf(() =>
          recordDrill(identity, { ...input, followUps: [{ description: 'x', ownerId: P1, dueOn }] }, NOW),
        ),
      ).toBe('input.followUps.0.dueOn');
    },
  );

  it('names the follow-up whose due day is wrong', () => {
    const followUps = [
      { description: 'a', ownerId: P1, dueOn: '2026-03-10' },
      { description: 'b', ownerId: P1, dueOn: '2026-03-1' },
    ];
    expect(fieldOf(() => recordDrill(identity, { ...input, followUps }, NOW))).toBe(
      'input.followUps.1.dueOn',
    );
  });
});
