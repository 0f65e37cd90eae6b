import { missingForClosure } from './complaint-closure.rules';

const settled = { feedbackToComplainant: 'We apologised and fixed the queue.', followUpAt: new Date('2026-03-09') };
const verified = [{ position: 1, status: 'VERIFIED' as const }];

describe('missingForClosure', () => {
  it('is empty once investigated, every action verified, feedback given and the follow-up visit made', () => {
    expect(missingForClosure(settled, [...verified, { position: 2, status: 'VERIFIED' }])).toEqual([]);
  });

  it('names the investigation (and everything recorded with it) when there is none', () => {
    expect(missingForClosure(null, []).map((piece) => piece.requirement)).toEqual([
      'INVESTIGATION',
      'CORRECTIVE_ACTION',
      'FEEDBACK',
      'FOLLOW_UP',
    ]);
  });

  it('names a missing corrective action', () => {
    expect(missingForClosure(settled, [])).toEqual([
      { requirement: 'CORRECTIVE_ACTION', message: 'a corrective action' },
    ]);
  });

  it('names each action not verified yet, with its status', () => {
    const actions = [
      { position: 1, status: 'VERIFIED' as const },
      { position: 2, status: 'OPEN' as const },
      { position: 3, status: 'DONE' as const },
      { position: 4, status: 'REJECTED' as const },
    ];
    expect(missingForClosure(settled, actions)).toEqual([
      {
        requirement: 'ACTIONS_VERIFIED',
        message: 'verification of corrective actions #2 OPEN, #3 DONE, #4 REJECTED',
      },
    ]);
  });

  it('names missing feedback', () => {
    expect(missingForClosure({ ...settled, feedbackToComplainant: null }, verified)).toEqual([
      { requirement: 'FEEDBACK', message: 'feedback to the complainant' },
    ]);
  });

  it('names a missing follow-up visit', () => {
    expect(missingForClosure({ ...settled, followUpAt: null }, verified)).toEqual([
      { requirement: 'FOLLOW_UP', message: 'the follow-up visit (回訪)' },
    ]);
  });
});
