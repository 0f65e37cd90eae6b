import { kpiAlert } from '../test-support/incident-fixtures';
import { categoryOfKpi, incidentForAlert } from './kpi-alert.rules';

const alert = kpiAlert({ firedAt: '2026-03-02T08:00:00.000Z' });

describe('incidentForAlert', () => {
  it.each([
    ['CRITICAL', 'SEV2'],
    ['WARNING', 'SEV3'],
  ] as const)('opens a %s alert as %s', (severity, expected) => {
    expect(incidentForAlert({ ...alert, severity })).toEqual({
      title: 'KPI alert: SLA breach rate above 10% in the last hour',
      nature: expect.stringContaining(
        'sla_breach_rate for department:CS reached 0.18 against a threshold of 0.1',
      ),
      category: 'TECHNICAL_FAILURE',
      severity: expected,
      occurredAt: new Date('2026-03-02T08:00:00.000Z'),
    });
  });

  it('opens none for INFO, or where a rule says so', () => {
    expect(incidentForAlert({ ...alert, severity: 'INFO' })).toBeNull();
    expect(incidentForAlert(alert, { CRITICAL: null, WARNING: null, INFO: null })).toBeNull();
  });

  it.each([
    ['complaint_rate', 'COMPLAINT_ESCALATION'],
    ['SLA_BREACH_RATE', 'TECHNICAL_FAILURE'],
    ['ticket_surge', 'TECHNICAL_FAILURE'],
    ['satisfaction', 'OTHER'],
    ['open_backlog', 'TECHNICAL_FAILURE'],
    ['asset_mttr_hours', 'TECHNICAL_FAILURE'],
    ['Complaint_Count', 'COMPLAINT_ESCALATION'],
    ['complaint_sla_rate', 'COMPLAINT_ESCALATION'],
  ])('files %s under %s', (kpi, category) => expect(categoryOfKpi(kpi)).toBe(category));
});

describe('alert incidents in detail', () => {
  it('names the rule and alert in the nature, and keeps the title within 200 characters', () => {
    const incident = incidentForAlert({ ...alert, ruleName: 'r'.repeat(300) });
    expect(incident?.title).toBe(`KPI alert: ${'r'.repeat(189)}`);
    expect(incident?.nature).toBe(
      `sla_breach_rate for department:CS reached 0.18 against a threshold of 0.1 (rule ${'r'.repeat(300)}, alert ${alert.alertId}).`,
    );
  });
});
