import { BadUserInputError } from '@opsgraph/domain';
import {
  commandRoles,
  durationSeconds,
  enter,
  incidentNumber,
  isActionOverdue,
  reportIncident,
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
