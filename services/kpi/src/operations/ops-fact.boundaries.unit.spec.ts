// Fault, incident and praise facts (docs/product.md §KPI "Assets and incidents", "Praise"): snapshot fields come from
// the newest aggregate version, a repair or resolution once known stays, duplicates change nothing (the same object,
// so the projection writes nothing), and only fault events make fault facts.
import {
  AssetRetired,
  IncidentReported,
  type AssetEvent,
  type IncidentEvent,
  type PraiseEvent,
} from '@opsgraph/contracts-events';
import { TicketStory, exampleEvent } from '@opsgraph/contracts-events/testing';
import { faultEvents, incidentEvents } from '../testing/ops-events';
import {
  applyFaultEvent,
  applyIncidentEvent,
  applyPraiseEvent,
  isFaultEvent,
  type FaultEvent,
  type FaultFact,
  type IncidentFact,
  type PraiseFact,
} from './ops-fact.rules';

const foldFault = (events: FaultEvent[]) =>
  events.reduce<FaultFact | null>((fact, event) => applyFaultEvent(fact, event), null) as FaultFact;
const foldIncident = (events: IncidentEvent[]) =>
  events.reduce<IncidentFact | null>((fact, event) => applyIncidentEvent(fact, event), null) as IncidentFact;
const foldPraise = (events: PraiseEvent[]) =>
  events.reduce<PraiseFact | null>((fact, event) => applyPraiseEvent(fact, event), null) as PraiseFact;

/** The same fault, reported (v2), re-categorised by a later snapshot (v4), repaired (v3). */
function recategorisedFault() {
  const [reported, repaired] = faultEvents(
    'SERVER',
    '2025-03-03T08:00:00.000Z',
    '2025-03-03T10:00:00.000Z',
  ) as [FaultEvent, FaultEvent];
  const later = {
    ...reported,
    aggregateVersion: 4,
    data: { ...reported.data, category: 'NETWORK' },
  } as FaultEvent;
  return { reported, repaired, later };
}

describe('which events are fault events', () => {
  it('a fault report and a repair are; another asset event or an incident is not', () => {
    const [reported, repaired] = faultEvents(
      'SERVER',
      '2025-03-03T08:00:00.000Z',
      '2025-03-03T10:00:00.000Z',
    );
    expect(isFaultEvent(reported!)).toBe(true);
    expect(isFaultEvent(repaired!)).toBe(true);
    expect(isFaultEvent(exampleEvent(AssetRetired) as unknown as AssetEvent)).toBe(false);
    expect(isFaultEvent(exampleEvent(IncidentReported) as unknown as IncidentEvent)).toBe(false);
  });
});

describe('fault facts', () => {
  it('take the category of the newest version, whatever the order', () => {
    const { reported, repaired, later } = recategorisedFault();
    expect(foldFault([reported, repaired, later]).category).toBe('NETWORK');
    expect(foldFault([later, repaired, reported]).category).toBe('NETWORK');
    expect(foldFault([repaired, later, reported])).toEqual(foldFault([reported, repaired, later]));
  });

  it('a fault not repaired yet has no repair time', () => {
    const { reported } = recategorisedFault();
    expect(foldFault([reported]).repairedAt).toBeNull();
  });

  it('the first repair known stays: a repair sent again with another time does not move it', () => {
    const { reported, repaired } = recategorisedFault();
    const resent = {
      ...repaired,
      aggregateVersion: 5,
      data: { ...repaired.data, repairedAt: '2025-03-04T10:00:00.000Z' },
    };
    expect(foldFault([reported, repaired, resent as FaultEvent]).repairedAt).toBe('2025-03-03T10:00:00.000Z');
  });

  it('the newest event delivered twice returns the same fact', () => {
    const { reported, repaired, later } = recategorisedFault();
    const fact = foldFault([reported, repaired, later]);
    expect(applyFaultEvent(fact, later)).toBe(fact);
    expect(applyFaultEvent(fact, repaired)).toBe(fact);
  });
});

describe('incident facts', () => {
  const [reported, resolved] = incidentEvents(
    'SEV2',
    '2025-03-03T01:00:00.000Z',
    '2025-03-03T05:00:00.000Z',
  ) as [IncidentEvent, IncidentEvent];
  const raised = {
    ...reported,
    aggregateVersion: 3,
    data: { ...reported.data, severity: 'SEV1', occurredAt: '2025-03-03T00:30:00.000Z' },
  } as IncidentEvent;

  it('take severity and occurrence of the newest version, whatever the order', () => {
    const inOrder = foldIncident([reported, resolved, raised]);
    expect(inOrder).toMatchObject({ severity: 'SEV1', occurredAt: '2025-03-03T00:30:00.000Z' });
    expect(foldIncident([raised, resolved, reported])).toEqual(inOrder);
  });

  it('an incident not resolved yet has no resolution; a later snapshot keeps a known one', () => {
    expect(foldIncident([reported])).toMatchObject({ resolvedAt: null, durationSeconds: null });
    expect(foldIncident([reported, resolved, raised])).toMatchObject({
      resolvedAt: '2025-03-03T05:00:00.000Z',
      durationSeconds: 4 * 3600,
    });
  });

  it('the first resolution known stays', () => {
    const again = {
      ...resolved,
      aggregateVersion: 6,
      data: { ...resolved.data, resolvedAt: '2025-03-04T05:00:00.000Z', durationSeconds: 28 * 3600 },
    } as IncidentEvent;
    expect(foldIncident([reported, resolved, again]).durationSeconds).toBe(4 * 3600);
  });

  it('the newest event delivered twice returns the same fact', () => {
    const fact = foldIncident([reported, resolved, raised]);
    expect(applyIncidentEvent(fact, raised)).toBe(fact);
  });
});

describe('praise facts', () => {
  const story = new TicketStory({ kind: 'PRAISE', openedAt: '2025-06-02T08:00:00.000Z' })
    .praise('2025-06-02T09:00:00.000Z', ['e1'])
    .praise('2025-06-05T09:00:00.000Z', ['e2'], ['e1']);
  const [first, correction] = (story.events as unknown as PraiseEvent[]).filter(
    (event) => event.type === 'ticket.praise_credited',
  ) as [PraiseEvent, PraiseEvent];

  it('the latest credit names the employees, whatever the order', () => {
    expect(foldPraise([first, correction]).employeeIds).toEqual(['e2']);
    expect(foldPraise([correction, first]).employeeIds).toEqual(['e2']);
  });

  it('counts on the first-credit day even when the correction arrives first', () => {
    expect(foldPraise([correction, first]).firstCreditedAt).toBe('2025-06-02T09:00:00.000Z');
  });

  it('the latest credit delivered twice returns the same fact', () => {
    const fact = foldPraise([first, correction]);
    expect(applyPraiseEvent(fact, correction)).toBe(fact);
  });
});
