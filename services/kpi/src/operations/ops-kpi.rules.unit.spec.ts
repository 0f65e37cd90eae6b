import type { AssetEvent, IncidentEvent, PraiseEvent } from '@opsgraph/contracts-events';
import { TicketStory } from '@opsgraph/contracts-events/testing';
import { faultEvents, incidentEvents } from '../testing/ops-events';
import {
  applyOpsContribution,
  emptyOpsCounters,
  availability,
  mergeOpsCells,
  opsContributionsOf,
  opsDimensionsOf,
  opsFigures,
  type OpsFact,
} from './ops-cell.rules';
import {
  applyFaultEvent,
  applyIncidentEvent,
  applyPraiseEvent,
  isFaultEvent,
  type FaultFact,
  type PraiseFact,
} from './ops-fact.rules';

const foldFault = (events: AssetEvent[]): FaultFact =>
  events.filter(isFaultEvent).reduce<FaultFact | null>((f, e) => applyFaultEvent(f, e), null) as FaultFact;
const foldIncident = (events: IncidentEvent[]) =>
  events.reduce<ReturnType<typeof applyIncidentEvent> | null>((f, e) => applyIncidentEvent(f, e), null);

const cellOf = (facts: OpsFact[]) =>
  facts
    .flatMap((fact) => opsContributionsOf(fact, 'UTC'))
    .reduce((cell, part) => applyOpsContribution(cell, part, 1), emptyOpsCounters());

describe('asset fault and incident facts', () => {
  it('fold to the same fact in any order, and duplicates change nothing', () => {
    const events = faultEvents('SERVER', '2025-03-03T08:00:00.000Z', '2025-03-03T10:00:00.000Z');
    const fact = foldFault(events);
    expect(fact).toMatchObject({ category: 'SERVER', repairedAt: '2025-03-03T10:00:00.000Z' });
    expect(foldFault([...events].reverse())).toEqual(fact);
    expect(applyFaultEvent(fact, events[0] as never)).toBe(fact);
    const incident = incidentEvents('SEV1', '2025-03-03T01:00:00.000Z', '2025-03-03T05:00:00.000Z');
    const folded = foldIncident(incident);
    expect(folded).toMatchObject({ severity: 'SEV1', durationSeconds: 14400 });
    expect(foldIncident([...incident].reverse())).toEqual(folded);
    expect(applyIncidentEvent(folded, incident[1])).toBe(folded);
  });
});

describe('asset MTTR, downtime and incident time-to-resolve', () => {
  // Faults (SERVER): 2 h and 4 h repairs → MTTR 3 h, downtime 6 h; a third one still open.
  // Incidents: SEV1 4 h, SEV2 1 h → mean 2.5 h; one SEV2 unresolved.
  const facts: OpsFact[] = [
    { fault: foldFault(faultEvents('SERVER', '2025-03-03T08:00:00Z', '2025-03-03T10:00:00Z')) },
    { fault: foldFault(faultEvents('SERVER', '2025-03-04T08:00:00Z', '2025-03-04T12:00:00Z')) },
    { fault: foldFault(faultEvents('NETWORK', '2025-03-05T08:00:00Z', null)) },
    { incident: foldIncident(incidentEvents('SEV1', '2025-03-03T01:00:00Z', '2025-03-03T05:00:00Z'))! },
    { incident: foldIncident(incidentEvents('SEV2', '2025-03-04T01:00:00Z', '2025-03-04T02:00:00Z'))! },
    { incident: foldIncident(incidentEvents('SEV2', '2025-03-05T01:00:00Z', null))! },
  ];

  it("computes the hand-computed figures (p90 of two values = the larger, within the sketch's 1 %)", () => {
    const figures = opsFigures(cellOf(facts));
    expect(Math.abs((figures.assetRepairP90Seconds as number) - 4 * 3600)).toBeLessThanOrEqual(144);
    expect(Math.abs((figures.incidentResolveP90Seconds as number) - 4 * 3600)).toBeLessThanOrEqual(144);
    expect(figures).toEqual({
      assetFaults: 3,
      assetRepairs: 2,
      assetMttrSeconds: 3 * 3600,
      assetRepairP90Seconds: expect.any(Number),
      assetDowntimeSeconds: 6 * 3600,
      incidents: 3,
      incidentsResolved: 2,
      incidentResolveAverageSeconds: 2.5 * 3600,
      incidentResolveP90Seconds: expect.any(Number),
      praises: 0,
    });
  });

  it('cuts faults by asset category and incidents by severity', () => {
    expect(opsDimensionsOf(facts[0])).toEqual([
      { kind: 'OVERALL', value: '*' },
      { kind: 'ASSET_CATEGORY', value: 'SERVER' },
    ]);
    expect(opsDimensionsOf(facts[4])).toEqual([
      { kind: 'OVERALL', value: '*' },
      { kind: 'INCIDENT_SEVERITY', value: 'SEV2' },
    ]);
  });

  it('merges day cells to the figures of the whole, and taking a fact out restores the empty cell', () => {
    const perDay = facts.map((fact) => cellOf([fact]));
    const merged = opsFigures(mergeOpsCells(perDay));
    expect(merged).toEqual(opsFigures(cellOf(facts)));
    const [part] = opsContributionsOf(facts[3], 'UTC');
    const undone = applyOpsContribution(applyOpsContribution(emptyOpsCounters(), part, 1), part, -1);
    expect(opsFigures(undone)).toEqual(opsFigures(emptyOpsCounters()));
  });

  it('puts the report and the repair on their own days in the zone', () => {
    expect(opsContributionsOf(facts[0], 'Asia/Hong_Kong')).toEqual([
      { day: '2025-03-03', faultReported: true, repairSeconds: 7200 },
    ]);
    expect(opsContributionsOf(facts[3], 'America/Los_Angeles').map((c) => c.day)).toEqual(['2025-03-02']);
  });
});

describe('praise letters', () => {
  const [e1, e2, e3] = ['e1', 'e2', 'e3'];
  const story = new TicketStory({ kind: 'PRAISE', openedAt: '2025-06-02T08:00:00.000Z' })
    .praise('2025-06-02T09:00:00.000Z', [e1, e2])
    .praise('2025-06-05T09:00:00.000Z', [e3, e2], [e1, e2]);
  const credits = (story.events as unknown as Array<{ type: string }>).filter(
    (e) => e.type === 'ticket.praise_credited',
  ) as PraiseEvent[];
  const fold = (events: PraiseEvent[]) =>
    events.reduce<PraiseFact | null>((fact, event) => applyPraiseEvent(fact, event), null) as PraiseFact;

  it('count on the first-credit day for the employees of the latest credit, in any order', () => {
    const fact = fold(credits);
    expect(fact).toMatchObject({ firstCreditedAt: '2025-06-02T09:00:00.000Z', employeeIds: [e2, e3] });
    expect(fold([...credits].reverse())).toEqual(fact);
    expect(applyPraiseEvent(fact, credits[0])).toBe(fact);
    expect(opsContributionsOf({ praise: fact }, 'UTC')).toEqual([{ day: '2025-06-02', praised: true }]);
    expect(opsDimensionsOf({ praise: fact })).toEqual([
      { kind: 'OVERALL', value: '*' },
      { kind: 'EMPLOYEE', value: e2 },
      { kind: 'EMPLOYEE', value: e3 },
    ]);
  });

  it('a correction moves the count from the replaced employee to the new one', () => {
    const before = { praise: fold(credits.slice(0, 1)) };
    const after = { praise: fold(credits) };
    // one letter: OVERALL 1; e1 1 → 0, e2 stays 1, e3 0 → 1
    const count = (fact: OpsFact, employee: string) =>
      opsDimensionsOf(fact).some((d) => d.value === employee) ? opsFigures(cellOf([fact])).praises : 0;
    expect([e1, e2, e3].map((e) => count(before, e))).toEqual([1, 1, 0]);
    expect([e1, e2, e3].map((e) => count(after, e))).toEqual([0, 1, 1]);
    expect(opsFigures(cellOf([after])).praises).toBe(1);
  });
});

describe('availability', () => {
  it('is 1 − downtime ÷ (assets × period), empty without assets', () => {
    // 3 assets over a 30-day month with 4 h down: 1 − 14 400 ÷ 7 776 000
    expect(availability(14_400, 3, 30 * 86_400)).toBeCloseTo(0.998148, 6);
    expect(availability(0, 2, 86_400)).toBe(1);
    expect(availability(10, 0, 86_400)).toBeNull();
    expect(availability(10 * 86_400, 1, 86_400)).toBe(0);
  });
});
