import { INCIDENT_STATUSES, type IncidentStatus } from '@opsgraph/contracts-events';
import {
  allowedIncidentCommands,
  canRecordReview,
  decideIncident,
  INCIDENT_COMMANDS,
  isActive,
  type IncidentCommand,
} from './incident-lifecycle.rules';

const LEGAL: Record<IncidentCommand, [IncidentStatus, IncidentStatus]> = {
  ACTIVATE: ['REPORTED', 'ACTIVATED'],
  CONTAIN: ['ACTIVATED', 'CONTAINED'],
  START_RECOVERY: ['CONTAINED', 'RECOVERING'],
  RESOLVE: ['RECOVERING', 'RESOLVED'],
  COMPLETE_REVIEW: ['RESOLVED', 'REVIEWED'],
};

const pairs = INCIDENT_STATUSES.flatMap((status) =>
  INCIDENT_COMMANDS.map((command) => [status, command] as const),
);

describe('decideIncident: every status × command', () => {
  it('covers 6 statuses × 5 commands', () => expect(pairs).toHaveLength(30));

  it.each(pairs)('%s + %s', (status, command) => {
    const decision = decideIncident({ status, reviewRecorded: true }, command);
    const [from, to] = LEGAL[command];
    if (status === from) {
      expect(decision).toEqual({ ok: true, to });
    } else {
      expect(decision).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
      expect(decision.ok ? '' : decision.message).toContain(`not ${status}`);
    }
  });
});

describe('the review guard', () => {
  it('refuses to complete a review that was not recorded', () => {
    expect(decideIncident({ status: 'RESOLVED', reviewRecorded: false }, 'COMPLETE_REVIEW')).toMatchObject({
      ok: false,
      code: 'REVIEW_MISSING',
    });
  });

  it('lets the review be recorded only while RESOLVED', () => {
    expect(INCIDENT_STATUSES.filter(canRecordReview)).toEqual(['RESOLVED']);
  });
});

describe('allowedIncidentCommands', () => {
  it('is one command per status but the last', () => {
    expect(INCIDENT_STATUSES.map((status) => allowedIncidentCommands(status))).toEqual([
      ['ACTIVATE'],
      ['CONTAIN'],
      ['START_RECOVERY'],
      ['RESOLVE'],
      ['COMPLETE_REVIEW'],
      [],
    ]);
  });
});

describe('the review guard in detail', () => {
  it('asks for the review only when completing it', () => {
    for (const command of INCIDENT_COMMANDS.filter((c) => c !== 'COMPLETE_REVIEW')) {
      const [from, to] = LEGAL[command];
      expect(decideIncident({ status: from, reviewRecorded: false }, command)).toEqual({ ok: true, to });
    }
    expect(decideIncident({ status: 'RESOLVED', reviewRecorded: false }, 'COMPLETE_REVIEW')).toEqual({
      ok: false,
      code: 'REVIEW_MISSING',
      message: 'Record the post-incident review (root cause, lessons, action items) before completing it',
    });
  });
});

describe('isActive', () => {
  it('is the incident being handled: activated, contained or recovering', () => {
    expect(INCIDENT_STATUSES.filter(isActive)).toEqual(['ACTIVATED', 'CONTAINED', 'RECOVERING']);
  });
});
