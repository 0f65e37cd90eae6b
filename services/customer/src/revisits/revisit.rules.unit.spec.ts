import { canLeave, containsContactData, isOverdue, revisitEligibility } from './revisit.rules';

describe('revisit rules', () => {
  it('are for key accounts and VIPs who consented', () => {
    expect(revisitEligibility({ tier: 'KEY_ACCOUNT', consents: { revisits: true } })).toEqual({ ok: true });
    expect(revisitEligibility({ tier: 'VIP', consents: { revisits: true } })).toEqual({ ok: true });
    expect(revisitEligibility({ tier: 'STANDARD', consents: { revisits: true } })).toEqual({
      ok: false,
      reason: 'revisits are scheduled for KEY_ACCOUNT and VIP customers, not STANDARD',
    });
    expect(revisitEligibility({ tier: 'VIP', consents: { revisits: false } })).toEqual({
      ok: false,
      reason: 'the customer has not consented to revisits',
    });
  });

  it('leave SCHEDULED once, to a final state', () => {
    expect(canLeave('SCHEDULED')).toBe(true);
    expect(canLeave('COMPLETED')).toBe(false);
    expect(canLeave('CANCELLED')).toBe(false);
  });

  it('are overdue when scheduled and due before now', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(isOverdue({ status: 'SCHEDULED', dueAt: new Date('2026-02-28T23:59:59Z') }, now)).toBe(true);
    expect(isOverdue({ status: 'SCHEDULED', dueAt: now }, now)).toBe(false);
    expect(isOverdue({ status: 'COMPLETED', dueAt: new Date('2026-01-01T00:00:00Z') }, now)).toBe(false);
  });

  it.each([
    ['call back on +86 138 1234 5678', true],
    ['reach her at 13812345678', true],
    ['mail wang.fang@example.com next week', true],
    ['(021) 6123-4567 ext 8', true],
    ['visited on 2026-03-03 10:00, all 3 sites fine', false],
    ['order 1234567 delivered', false],
    // 9 digits is where a number starts to look like a phone number
    ['ref 123-456-789', true],
    ['ref 1234-5678', false],
    ['customer satisfied with the new SLA', false],
    // a number is contact data wherever it stands, also as the note's first word
    ['13812345678 is her mobile', true],
    // the digits of a date never count towards a phone number, however many dates follow each other
    ['visits on 2026-03-03 2026-03-10 2026-03-17', false],
    ['invoice 2026-03-03 12345678 settled', false],
    ['invoice 2026-03-03 123456789 settled', true],
  ])('outcome %p carries contact data: %p', (text, expected) => {
    expect(containsContactData(text)).toBe(expected);
  });
});
