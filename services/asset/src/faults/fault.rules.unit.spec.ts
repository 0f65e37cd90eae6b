import { BadUserInputError } from '@opsgraph/domain';
import { checkRepairedAfter, pastInstant, statusOnFault, statusOnRepair } from './fault.rules';

const NOW = new Date('2026-03-02T08:00:00.000Z');

describe('fault rules', () => {
  it('makes an asset in use or under maintenance FAULTY; leaves one in stock, retired or already faulty', () => {
    expect(statusOnFault('IN_USE')).toBe('FAULTY');
    expect(statusOnFault('UNDER_MAINTENANCE')).toBe('FAULTY');
    expect(statusOnFault('IN_STOCK')).toBeNull();
    expect(statusOnFault('RETIRED')).toBeNull();
    expect(statusOnFault('FAULTY')).toBeNull();
  });

  it('puts it back IN_USE when the last open fault is repaired, not while another is open', () => {
    expect(statusOnRepair('FAULTY', 0)).toBe('IN_USE');
    expect(statusOnRepair('UNDER_MAINTENANCE', 0)).toBe('IN_USE');
    expect(statusOnRepair('FAULTY', 1)).toBeNull();
    expect(statusOnRepair('IN_STOCK', 0)).toBeNull();
  });

  it('takes past times for an import, never future ones, and no repair before the report', () => {
    expect(pastInstant(null, NOW, 'input.reportedAt')).toBe(NOW);
    const past = new Date('2025-01-01T00:00:00.000Z');
    expect(pastInstant(past, NOW, 'input.reportedAt')).toBe(past);
    expect(() => pastInstant(new Date('2026-03-02T08:00:01.000Z'), NOW, 'input.reportedAt')).toThrow(
      expect.objectContaining({ details: { field: 'input.reportedAt' } }),
    );
    expect(() => checkRepairedAfter(NOW, past, 'input.repairedAt')).toThrow(BadUserInputError);
    expect(() => checkRepairedAfter(past, NOW, 'input.repairedAt')).not.toThrow();
  });

  it('takes "now" when no time is given, and the very instant of now', () => {
    expect(pastInstant(undefined, NOW, 'input.reportedAt')).toBe(NOW);
    const same = new Date(NOW.getTime());
    expect(pastInstant(same, NOW, 'input.reportedAt')).toBe(same);
  });

  it('names the field in the refusal, an invalid date included', () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(BadUserInputError);
        return (error as Error).message;
      }
      return null;
    };
    expect(refusal(() => pastInstant(new Date('2026-03-02T08:00:00.001Z'), NOW, 'input.reportedAt'))).toBe(
      'reportedAt must not be in the future',
    );
    expect(refusal(() => pastInstant(new Date(Number.NaN), NOW, 'input.reportedAt'))).toBe(
      'reportedAt must not be in the future',
    );
    expect(refusal(() => checkRepairedAfter(NOW, new Date(NOW.getTime() - 1), 'input.repairedAt'))).toBe(
      'repairedAt must not be before the fault was reported',
    );
    expect(refusal(() => checkRepairedAfter(NOW, new Date(NOW.getTime()), 'input.repairedAt'))).toBeNull();
  });
});
