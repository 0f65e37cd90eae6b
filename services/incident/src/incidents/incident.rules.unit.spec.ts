import { BadUserInputError } from '@opsgraph/domain';
import {
  commandRoles,
  durationSeconds,
  enter,
  incidentNumber,
  isActionOverdue,
  reportIncident,
  utcDay,
  type NewIncident,
} from './incident.rules';

const NOW = new Date('2026-03-02T08:00:00.000Z');
const C1 = '11111111-1111-4111-8111-111111111111';
const C2 = '22222222-2222-4222-8222-222222222222';
const identity = { id: '2f0c5a8e-6d1b-4c3a-9e7f-0a1b2c3d4e5f', number: incidentNumber.format(7) };
const reporter = { userId: 'u-1', employeeId: C2 };
const base: NewIncident = {
  title: ' Pump failure ',
  nature: 'Power loss',
  category: 'TECHNICAL_FAILURE',
  severity: 'SEV2',
  occurredAt: new Date('2026-03-02T07:00:00.000Z'),
};

describe('reportIncident', () => {
  it('starts REPORTED, detected now by default, lists de-duplicated', () => {
    const incident = reportIncident(
      identity,
      {
        ...base,
        affectedCustomerIds: [C1, C1, C2],
        keyAccountIds: [C1],
        affectedServices: [' Water ', 'Water'],
      },
      reporter,
      NOW,
    );
    expect(incident).toMatchObject({
      number: 'INC-000007',
      title: 'Pump failure',
      status: 'REPORTED',
      detectedAt: NOW,
      affectedCustomerIds: [C1, C2],
      keyAccountIds: [C1],
      affectedServices: ['Water'],
      reporterId: C2,
      version: 0,
    });
  });

  it.each([
    ['occurred in the future', { occurredAt: new Date('2026-03-02T09:00:00.000Z') }, 'input.occurredAt'],
    ['detected before it occurred', { detectedAt: new Date('2026-03-02T06:00:00.000Z') }, 'input.detectedAt'],
    [
      'a key account not affected',
      { affectedCustomerIds: [C1], keyAccountIds: [C2] },
      'input.keyAccountIds.0',
    ],
  ])('refuses an incident %s', (_what, change, field) => {
    const report = () => reportIncident(identity, { ...base, ...change }, reporter, NOW);
    expect(report).toThrow(BadUserInputError);
    expect(report).toThrow(expect.objectContaining({ details: { field } }));
  });
});

describe('the other rules', () => {
  it('stamps the time of the status entered', () => {
    const incident = reportIncident(identity, base, reporter, NOW);
    const later = new Date('2026-03-02T09:00:00.000Z');
    expect(enter(incident, 'CONTAINED', later)).toMatchObject({ status: 'CONTAINED', containedAt: later });
  });

  it('keeps each role holder once per role', () => {
    expect(
      commandRoles([
        { role: ' Comms ', employeeId: C1 },
        { role: 'Comms', employeeId: C1 },
        { role: 'Logistics', employeeId: C1 },
      ]),
    ).toEqual([
      { role: 'Comms', employeeId: C1 },
      { role: 'Logistics', employeeId: C1 },
    ]);
  });

  it('finds overdue action items and durations', () => {
    expect(isActionOverdue({ status: 'OPEN', dueOn: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isActionOverdue({ status: 'DONE', dueOn: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(isActionOverdue({ status: 'OPEN', dueOn: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(durationSeconds(base, new Date('2026-03-02T08:00:00.000Z'))).toBe(3600);
  });
});

describe('incident reports in detail', () => {
  const refusal = (change: Partial<NewIncident>) => {
    try {
      reportIncident(identity, { ...base, ...change }, reporter, NOW);
    } catch (error) {
      return (error as Error).message;
    }
    return null;
  };
  const skew = 5 * 60_000;

  it('keeps what was reported, with empty lists and no location by default', () => {
    const detectedAt = new Date('2026-03-02T07:30:00.000Z');
    const incident = reportIncident(identity, { ...base, detectedAt, location: '  ' }, reporter, NOW);
    expect(incident).toMatchObject({
      id: identity.id,
      nature: 'Power loss',
      location: null,
      category: 'TECHNICAL_FAILURE',
      severity: 'SEV2',
      reportedBy: 'u-1',
      occurredAt: base.occurredAt,
      detectedAt,
      affectedCustomerIds: [],
      keyAccountIds: [],
      affectedAssetIds: [],
      affectedServices: [],
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(reportIncident(identity, { ...base, location: ' Plant 2 ' }, reporter, NOW).location).toBe(
      'Plant 2',
    );
    expect(
      reportIncident(identity, { ...base, affectedAssetIds: ['a', 'a', 'b'] }, reporter, NOW)
        .affectedAssetIds,
    ).toEqual(['a', 'b']);
  });

  it('tolerates five minutes of clock skew, not more, and detection at the moment it occurred', () => {
    const edge = new Date(NOW.getTime() + skew);
    expect(
      reportIncident(identity, { ...base, occurredAt: edge, detectedAt: edge }, reporter, NOW).occurredAt,
    ).toEqual(edge);
    const beyond = new Date(NOW.getTime() + skew + 1);
    expect(refusal({ occurredAt: beyond, detectedAt: beyond })).toBe('occurredAt is in the future');
    expect(refusal({ detectedAt: beyond })).toBe('detectedAt is in the future');
    expect(refusal({ detectedAt: new Date(base.occurredAt.getTime() - 1) })).toBe(
      'detectedAt is before occurredAt',
    );
    expect(refusal({ affectedCustomerIds: [C1], keyAccountIds: [C1, C2] })).toBe(
      'A key account must also be one of the affected customers',
    );
  });

  it('stamps each status it enters, and none for a status without a time', () => {
    const incident = reportIncident(identity, base, reporter, NOW);
    const later = new Date('2026-03-02T09:00:00.000Z');
    for (const [status, stamp] of [
      ['ACTIVATED', 'activatedAt'],
      ['RECOVERING', 'recoveringAt'],
      ['RESOLVED', 'resolvedAt'],
      ['REVIEWED', 'reviewedAt'],
    ] as const) {
      expect(enter(incident, status, later)).toMatchObject({ status, [stamp]: later, updatedAt: later });
    }
    const reported = enter(incident, 'REPORTED', later);
    expect(reported).toEqual({ ...incident, updatedAt: later });
  });

  it('keeps different people in one role and one person in different roles', () => {
    expect(
      commandRoles([
        { role: 'Comms', employeeId: C1 },
        { role: 'Comms', employeeId: C2 },
      ]),
    ).toHaveLength(2);
  });

  it('never gives a negative duration, and rounds to the second', () => {
    expect(durationSeconds(base, new Date('2026-03-02T06:00:00.000Z'))).toBe(0);
    expect(durationSeconds(base, new Date('2026-03-02T07:00:01.600Z'))).toBe(2);
  });
});

describe('incident numbers and days', () => {
  it('numbers incidents INC-nnnnnn, reads them back, and refuses a sequence that is no incident number', () => {
    expect(incidentNumber.format(42)).toBe('INC-000042');
    expect(incidentNumber.parse(' inc-000042 ')).toBe(42);
    expect(incidentNumber.parse('TCK-000042')).toBeNull();
    expect(() => incidentNumber.format(0)).toThrow(
      'A incident sequence number must be a positive integer, got 0',
    );
  });

  it('takes the UTC day of an instant, whatever zone it was written in', () => {
    expect(utcDay(new Date('2026-03-02T23:59:59.999Z'))).toBe('2026-03-02');
    expect(utcDay(new Date('2026-03-03T00:30:00.000+02:00'))).toBe('2026-03-02');
    expect(utcDay(new Date('2026-03-02T00:00:00.000Z'))).toBe('2026-03-02');
  });
});
