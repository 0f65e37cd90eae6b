// KPI definitions (docs/product.md §KPI "Definitions"): the SLA grace and the first-response measure change what a
// fact contributes, never the stored fact; publications are checked field by field.
import { BadUserInputError } from '@opsgraph/domain';
import type { TicketFact } from '../engine/ticket-fact.rules';
import {
  changedParameters,
  checkNote,
  checkParameters,
  INITIAL_PARAMETERS,
  MAX_NOTE_LENGTH,
  MAX_SLA_GRACE_SECONDS,
  measuredFact,
  type KpiDefinitionParameters,
} from './kpi-definition.rules';

function fact(overrides: Partial<TicketFact> = {}): TicketFact {
  return {
    ticketId: 't1',
    kind: 'SERVICE_REQUEST',
    category: null,
    channel: 'WEB',
    assigneeId: null,
    departmentId: null,
    openedAt: '2026-03-02T08:00:00.000Z',
    acknowledgedAt: null,
    resolvedAt: '2026-03-02T12:30:00.000Z',
    status: 'RESOLVED',
    responseDueAt: null,
    resolutionDueAt: '2026-03-02T12:00:00.000Z',
    snapshotVersion: 3,
    firstResponseSeconds: null,
    responseVersion: 0,
    resolutionSeconds: 16_200,
    withinSla: false,
    resolutionVersion: 3,
    satisfaction: null,
    surveyVersion: 0,
    reopenVersions: [],
    ...overrides,
  };
}

const grace = (slaGraceSeconds: number): KpiDefinitionParameters => ({
  ...INITIAL_PARAMETERS,
  slaGraceSeconds,
});
const orResolution: KpiDefinitionParameters = {
  ...INITIAL_PARAMETERS,
  firstResponse: 'ACKNOWLEDGEMENT_OR_RESOLUTION',
};

describe('measuredFact: resolved within SLA', () => {
  it('the initial definition keeps the ticket service’s verdict, even for a resolution exactly at the deadline', () => {
    const onTheDot = fact({ resolvedAt: '2026-03-02T12:00:00.000Z' });
    expect(measuredFact(onTheDot, INITIAL_PARAMETERS)).toBe(onTheDot);
    expect(measuredFact(fact(), INITIAL_PARAMETERS)).toEqual(fact());
  });

  it('a breach no later than the grace counts as met; the boundary is inclusive', () => {
    expect(measuredFact(fact(), grace(1800)).withinSla).toBe(true); // 30 min late, 30 min of grace
    expect(measuredFact(fact(), grace(1799)).withinSla).toBe(false);
  });

  it('leaves met, unknown, unresolved and undated resolutions as they are', () => {
    for (const kept of [
      fact({ withinSla: true }),
      fact({ withinSla: null }),
      fact({ resolvedAt: null }),
      fact({ resolutionDueAt: null }),
    ]) {
      expect(measuredFact(kept, grace(MAX_SLA_GRACE_SECONDS))).toBe(kept);
    }
  });

  it('does not change the stored fact', () => {
    const stored = fact();
    measuredFact(stored, { slaGraceSeconds: 3600, firstResponse: 'ACKNOWLEDGEMENT_OR_RESOLUTION' });
    expect(stored).toEqual(fact());
  });
});

describe('measuredFact: the first response', () => {
  it('ACKNOWLEDGEMENT: a ticket resolved without an acknowledgement has no first response', () => {
    expect(measuredFact(fact(), INITIAL_PARAMETERS)).toMatchObject({
      acknowledgedAt: null,
      firstResponseSeconds: null,
    });
  });

  it('ACKNOWLEDGEMENT_OR_RESOLUTION: its resolution is its first response, at the resolution time', () => {
    expect(measuredFact(fact(), orResolution)).toMatchObject({
      acknowledgedAt: '2026-03-02T12:30:00.000Z',
      firstResponseSeconds: 16_200,
      withinSla: false,
    });
  });

  it('ACKNOWLEDGEMENT_OR_RESOLUTION keeps an acknowledgement, and needs a timed resolution', () => {
    const acknowledged = fact({ acknowledgedAt: '2026-03-02T09:00:00.000Z', firstResponseSeconds: 3600 });
    for (const kept of [acknowledged, fact({ resolvedAt: null }), fact({ resolutionSeconds: null })]) {
      expect(measuredFact(kept, orResolution)).toBe(kept);
    }
  });
});

describe('checkParameters', () => {
  it('accepts 0 and one day of grace and both measures', () => {
    expect(checkParameters(INITIAL_PARAMETERS)).toEqual(INITIAL_PARAMETERS);
    expect(
      checkParameters({ slaGraceSeconds: MAX_SLA_GRACE_SECONDS, firstResponse: 'ACKNOWLEDGEMENT' }),
    ).toEqual({
      slaGraceSeconds: 86_400,
      firstResponse: 'ACKNOWLEDGEMENT',
    });
    expect(checkParameters(orResolution)).toEqual(orResolution);
  });

  it('refuses a negative, fractional or too long grace, naming input.slaGraceSeconds', () => {
    for (const slaGraceSeconds of [-1, 1.5, MAX_SLA_GRACE_SECONDS + 1]) {
      expect(() => checkParameters(grace(slaGraceSeconds))).toThrow(
        expect.objectContaining({
          message: 'slaGraceSeconds must be an integer from 0 to 86400',
          details: { field: 'input.slaGraceSeconds' },
        }),
      );
    }
  });

  it('refuses an unknown first-response measure, naming input.firstResponse', () => {
    const unknown = {
      ...INITIAL_PARAMETERS,
      firstResponse: 'FIRST_REPLY',
    } as unknown as KpiDefinitionParameters;
    expect(() => checkParameters(unknown)).toThrow(
      expect.objectContaining({
        message: 'firstResponse must be one of ACKNOWLEDGEMENT, ACKNOWLEDGEMENT_OR_RESOLUTION',
        details: { field: 'input.firstResponse' },
      }),
    );
  });

  it('keeps only the parameters (no stray input field is stored)', () => {
    const input = { ...orResolution, note: 'x' } as KpiDefinitionParameters;
    expect(Object.keys(checkParameters(input)).sort()).toEqual(['firstResponse', 'slaGraceSeconds']);
  });
});

describe('checkNote', () => {
  it('trims; blank or absent is null', () => {
    expect(checkNote('  grace  ')).toBe('grace');
    expect(checkNote('   ')).toBeNull();
    expect(checkNote(null)).toBeNull();
    expect(checkNote(undefined)).toBeNull();
  });

  it('allows the longest note and refuses one character more, naming input.note', () => {
    expect(checkNote('n'.repeat(MAX_NOTE_LENGTH))).toHaveLength(MAX_NOTE_LENGTH);
    expect(() => checkNote('n'.repeat(MAX_NOTE_LENGTH + 1))).toThrow(BadUserInputError);
    expect(() => checkNote(` ${'n'.repeat(MAX_NOTE_LENGTH)} `)).not.toThrow();
    expect(() => checkNote('n'.repeat(MAX_NOTE_LENGTH + 1))).toThrow(
      expect.objectContaining({
        message: 'note must be at most 500 characters',
        details: { field: 'input.note' },
      }),
    );
  });
});

describe('changedParameters', () => {
  it('lists each changed parameter with its old and new value, and nothing else', () => {
    expect(changedParameters(INITIAL_PARAMETERS, INITIAL_PARAMETERS)).toEqual({});
    expect(changedParameters(INITIAL_PARAMETERS, { ...orResolution, slaGraceSeconds: 60 })).toEqual({
      slaGraceSeconds: { from: 0, to: 60 },
      firstResponse: { from: 'ACKNOWLEDGEMENT', to: 'ACKNOWLEDGEMENT_OR_RESOLUTION' },
    });
    expect(changedParameters(INITIAL_PARAMETERS, grace(60))).toEqual({
      slaGraceSeconds: { from: 0, to: 60 },
    });
  });
});
