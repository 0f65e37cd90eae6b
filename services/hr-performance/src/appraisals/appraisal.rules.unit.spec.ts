import {
  APPRAISAL_STATUSES,
  acceptsPeerReviews,
  canMoveAppraisal,
  isFrozen,
  publicationBlockers,
  type AppraisalStatus,
} from './appraisal.rules';

const LEGAL: readonly [AppraisalStatus, AppraisalStatus][] = [
  ['OPEN', 'SELF_REVIEW'],
  ['SELF_REVIEW', 'MANAGER_REVIEW'],
  ['MANAGER_REVIEW', 'CALIBRATION'],
  ['CALIBRATION', 'PUBLISHED'],
  ['CALIBRATION', 'MANAGER_REVIEW'],
  ['PUBLISHED', 'ACKNOWLEDGED'],
];

describe('appraisal workflow', () => {
  const pairs = APPRAISAL_STATUSES.flatMap((from) => APPRAISAL_STATUSES.map((to) => [from, to] as const));
  const legal = new Set(LEGAL.map(([from, to]) => `${from}->${to}`));

  it('covers all 36 pairs', () => expect(pairs).toHaveLength(36));

  it.each(pairs)('%s → %s', (from, to) => {
    expect(canMoveAppraisal(from, to)).toBe(legal.has(`${from}->${to}`));
  });

  it('freezes only published and acknowledged appraisals', () => {
    expect(APPRAISAL_STATUSES.filter(isFrozen)).toEqual(['PUBLISHED', 'ACKNOWLEDGED']);
  });
});

describe('publication blockers', () => {
  const plan = {
    goals: ['Answer within 5 minutes'],
    checkpoints: [{ due: '2025-04-15', description: 'review' }],
    outcome: 'PENDING' as const,
  };

  it('needs a grade', () => {
    expect(publicationBlockers(null, null)[0].message).toMatch(/no grade/);
  });

  it('lets S, A and B through without a plan', () => {
    for (const grade of ['S', 'A', 'B'] as const) expect(publicationBlockers(grade, null)).toEqual([]);
  });

  it('needs a plan with goals and checkpoints for C and D', () => {
    for (const grade of ['C', 'D'] as const) {
      expect(publicationBlockers(grade, null)[0].message).toMatch(/improvement plan/);
      expect(publicationBlockers(grade, { ...plan, goals: [] })).toHaveLength(1);
      expect(publicationBlockers(grade, { ...plan, checkpoints: [] })).toHaveLength(1);
      expect(publicationBlockers(grade, plan)).toEqual([]);
    }
  });
});

describe('peer reviews and the end of the workflow', () => {
  it('accepts peer reviews until calibration starts', () => {
    expect(APPRAISAL_STATUSES.filter(acceptsPeerReviews)).toEqual(['OPEN', 'SELF_REVIEW', 'MANAGER_REVIEW']);
  });

  it('goes nowhere once acknowledged', () => {
    expect(APPRAISAL_STATUSES.filter((to) => canMoveAppraisal('ACKNOWLEDGED', to))).toEqual([]);
  });

  it('says what blocks publication, on the appraisal', () => {
    expect(publicationBlockers(null, null)).toEqual([
      { field: 'input.appraisalId', message: 'the appraisal has no grade yet: calibrate the cycle first' },
    ]);
    expect(publicationBlockers('D', null)).toEqual([
      {
        field: 'input.appraisalId',
        message: 'a D needs an improvement plan with goals and checkpoints before publication',
      },
    ]);
  });
});
