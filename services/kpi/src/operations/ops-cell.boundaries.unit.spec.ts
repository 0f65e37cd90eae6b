// Day cells of faults, incidents and praise letters (docs/product.md §KPI "Assets and incidents", "Praise"): what
// makes a cell empty (no row), whose time-to-resolve an incident counts, and what a merge of days sums.
import {
  applyOpsContribution,
  emptyOpsCounters,
  isEmptyOpsCell,
  mergeOpsCells,
  opsContributionsOf,
  opsFigures,
  type OpsCounters,
  type OpsFact,
} from './ops-cell.rules';
import type { IncidentFact } from './ops-fact.rules';

const incident = (overrides: Partial<IncidentFact>): OpsFact => ({
  incident: {
    incidentId: 'i1',
    severity: 'SEV2',
    snapshotVersion: 2,
    occurredAt: '2025-03-03T01:00:00.000Z',
    resolvedAt: '2025-03-03T05:00:00.000Z',
    durationSeconds: 3 * 3600,
    ...overrides,
  },
});
const cellOf = (facts: OpsFact[]) =>
  facts
    .flatMap((fact) => opsContributionsOf(fact, 'UTC'))
    .reduce((cell, part) => applyOpsContribution(cell, part, 1), emptyOpsCounters());

describe('an empty ops cell has no row', () => {
  it('a cell nothing contributes to is empty', () => {
    expect(isEmptyOpsCell(emptyOpsCounters())).toBe(true);
  });

  it.each(['faultsReported', 'repairs', 'incidents', 'incidentsResolved', 'praises'] as const)(
    'a cell with only %s is not empty',
    (counter) => {
      const cell: OpsCounters = { ...emptyOpsCounters(), [counter]: 1 };
      expect(isEmptyOpsCell(cell)).toBe(false);
    },
  );
});

describe("an incident's time to resolve", () => {
  it('is the duration the incident service reports, not the wall-clock difference', () => {
    // occurred 01:00, resolved 05:00, but the incident reports 3 h (its own measure) → 3 h counts
    expect(opsContributionsOf(incident({}), 'UTC')).toEqual([
      { day: '2025-03-03', incident: true, resolveSeconds: 3 * 3600 },
    ]);
  });

  it('falls back to occurred → resolved when the event carries no duration', () => {
    expect(opsFigures(cellOf([incident({ durationSeconds: null })])).incidentResolveAverageSeconds).toBe(
      4 * 3600,
    );
  });
});

describe('contributions come in calendar order', () => {
  it('a repair stamped before its report (clock skew) counts no downtime, and the days stay in order', () => {
    const fact: OpsFact = {
      fault: {
        faultId: 'f1',
        assetId: 'a1',
        category: 'SERVER',
        snapshotVersion: 3,
        reportedAt: '2025-03-05T08:00:00.000Z',
        repairedAt: '2025-03-04T23:00:00.000Z',
      },
    };
    expect(opsContributionsOf(fact, 'UTC')).toEqual([
      { day: '2025-03-04', repairSeconds: 0 },
      { day: '2025-03-05', faultReported: true },
    ]);
  });
});

describe('a merge of days sums every counter', () => {
  it('praise letters of two days add up', () => {
    const praise = (day: string): OpsFact => ({
      praise: {
        ticketId: day,
        firstCreditedAt: `${day}T09:00:00.000Z`,
        employeeIds: ['e1'],
        snapshotVersion: 1,
      },
    });
    const merged = mergeOpsCells([cellOf([praise('2025-06-02')]), cellOf([praise('2025-06-03')])]);
    expect(opsFigures(merged).praises).toBe(2);
  });
});
