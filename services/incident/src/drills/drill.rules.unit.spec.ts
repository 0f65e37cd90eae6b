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
