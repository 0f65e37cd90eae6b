import { BadUserInputError } from '@opsgraph/domain';
import {
  checkActivation,
  checkRevisionSource,
  planContent,
  revise,
  versionToRun,
  type PlanRecord,
} from './plan.rules';

const NOW = new Date('2026-03-02T08:00:00.000Z');
const plan: PlanRecord = {
  id: '2f0c5a8e-6d1b-4c3a-9e7f-0a1b2c3d4e5f',
  category: 'TECHNICAL_FAILURE',
  severity: 'SEV1',
  currentVersion: 3,
  version: 3,
  createdAt: NOW,
  updatedAt: NOW,
};
const content = {
  title: ' Power loss ',
  commandRoles: ['Commander', ' Comms ', 'Comms'],
  steps: [
    { action: 'Switch to generator', ownerRole: 'Commander', targetMinutes: 15 },
    { action: 'Notify customers', ownerRole: 'Comms', targetMinutes: 30 },
  ],
};

const fieldOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as BadUserInputError).details['field'];
  }
  return 'no error';
};

describe('planContent', () => {
  it('numbers the steps in order and de-duplicates the roles', () => {
    expect(planContent(content)).toEqual({
      title: 'Power loss',
      commandRoles: ['Commander', 'Comms'],
      steps: [
        { position: 1, action: 'Switch to generator', ownerRole: 'Commander', targetMinutes: 15 },
        { position: 2, action: 'Notify customers', ownerRole: 'Comms', targetMinutes: 30 },
      ],
      resources: [],
      contacts: [],
    });
  });

  it.each([
    ['no role', { commandRoles: [] }, 'input.commandRoles'],
    ['no step', { steps: [] }, 'input.steps'],
    [
      'a step owned by no role',
      { steps: [{ action: 'x', ownerRole: 'Nobody', targetMinutes: 5 }] },
      'input.steps.0.ownerRole',
    ],
    [
      'a zero target',
      { steps: [{ action: 'x', ownerRole: 'Commander', targetMinutes: 0 }] },
      'input.steps.0.targetMinutes',
    ],
  ])('refuses %s', (_what, change, field) => {
    expect(fieldOf(() => planContent({ ...content, ...change }))).toBe(field);
  });
});

describe('versioning', () => {
  it('a revision makes the next version current and leaves the plan otherwise alone', () => {
    const later = new Date('2026-04-01T00:00:00.000Z');
    expect(revise(plan, later)).toEqual({ ...plan, currentVersion: 4, updatedAt: later });
  });

  it('runs the current version unless an existing one is named', () => {
    expect(versionToRun(plan, null, 'f')).toBe(3);
    expect(versionToRun(plan, 1, 'f')).toBe(1);
    expect(fieldOf(() => versionToRun(plan, 4, 'input.planVersion'))).toBe('input.planVersion');
    expect(fieldOf(() => versionToRun(plan, 0, 'input.planVersion'))).toBe('input.planVersion');
  });

  it('activates only a plan of the incident’s category, with its own roles', () => {
    const version = { commandRoles: ['Commander', 'Comms'] };
    expect(() =>
      checkActivation(plan, version, { category: 'TECHNICAL_FAILURE' }, [{ role: 'Comms' }]),
    ).not.toThrow();
    expect(fieldOf(() => checkActivation(plan, version, { category: 'DATA_BREACH' }, []))).toBe(
      'input.planId',
    );
    expect(
      fieldOf(() =>
        checkActivation(plan, version, { category: 'TECHNICAL_FAILURE' }, [
          { role: 'Comms' },
          { role: 'Chef' },
        ]),
      ),
    ).toBe('input.roles.1.role');
  });
});

describe('a revision from a drill or an incident', () => {
  it('names a drill or incident of the same plan', () => {
    expect(() =>
      checkRevisionSource(plan.id, { drillPlanId: plan.id, incidentPlanId: plan.id }),
    ).not.toThrow();
    expect(() => checkRevisionSource(plan.id, {})).not.toThrow();
    expect(fieldOf(() => checkRevisionSource(plan.id, { drillPlanId: 'other' }))).toBe('input.drillId');
    expect(fieldOf(() => checkRevisionSource(plan.id, { incidentPlanId: null }))).toBe('input.incidentId');
  });
});

describe('plan content in detail', () => {
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as Error).message;
    }
    return null;
  };

  it('keeps resources once and contacts trimmed, a blank phone as none', () => {
    const version = planContent({
      ...content,
      resources: [' Generator ', 'Generator', 'Radios'],
      contacts: [
        { name: ' Li Wei ', role: ' Facilities ', phone: ' +8613800000000 ' },
        { name: 'Chen', role: 'IT', phone: '  ' },
        { name: 'Zhao', role: 'IT' },
      ],
    });
    expect(version.resources).toEqual(['Generator', 'Radios']);
    expect(version.contacts).toEqual([
      { name: 'Li Wei', role: 'Facilities', phone: '+8613800000000' },
      { name: 'Chen', role: 'IT', phone: null },
      { name: 'Zhao', role: 'IT', phone: null },
    ]);
    expect(planContent(content)).toMatchObject({ title: 'Power loss', resources: [], contacts: [] });
  });

  it('takes step targets from 1 minute to a week, and says why otherwise', () => {
    const withTarget = (targetMinutes: number) =>
      planContent({ ...content, steps: [{ action: ' Go ', ownerRole: ' Commander ', targetMinutes }] });
    expect(withTarget(1).steps).toEqual([
      { position: 1, action: 'Go', ownerRole: 'Commander', targetMinutes: 1 },
    ]);
    expect(withTarget(10_080).steps[0].targetMinutes).toBe(10_080);
    for (const target of [0, 10_081, 1.5]) {
      expect(refusal(() => withTarget(target))).toBe('targetMinutes must be 1 to 10080');
    }
  });

  it('explains a plan without roles or steps, and a step owned by no role of the plan', () => {
    expect(refusal(() => planContent({ ...content, commandRoles: [] }))).toBe('A plan needs a command role');
    expect(refusal(() => planContent({ ...content, steps: [] }))).toBe('A plan needs a response step');
    expect(
      refusal(() =>
        planContent({ ...content, steps: [{ action: 'x', ownerRole: 'Logistics', targetMinutes: 5 }] }),
      ),
    ).toBe('Step 1 is owned by "Logistics", which is not one of the plan\'s command roles');
  });

  it('runs versions 1 to the current one and explains any other', () => {
    expect(versionToRun(plan, 1, 'input.planVersion')).toBe(1);
    expect(versionToRun(plan, 3, 'input.planVersion')).toBe(3);
    expect(versionToRun(plan, undefined, 'input.planVersion')).toBe(3);
    for (const requested of [0, 4, 2.5]) {
      expect(refusal(() => versionToRun(plan, requested, 'input.planVersion'))).toBe(
        `The plan has versions 1 to 3, not ${requested}`,
      );
    }
  });

  it('explains an activation of the wrong category or with a stray role, and a revision source of another plan', () => {
    const version = planContent(content);
    expect(refusal(() => checkActivation(plan, version, { category: 'OTHER' }, []))).toBe(
      'The plan is for TECHNICAL_FAILURE incidents, this one is OTHER',
    );
    expect(
      refusal(() =>
        checkActivation(plan, version, { category: 'TECHNICAL_FAILURE' }, [
          { role: 'Comms' },
          { role: 'Cook' },
        ]),
      ),
    ).toBe('"Cook" is not a command role of the plan (Commander, Comms)');
    expect(refusal(() => checkRevisionSource(plan.id, { drillPlanId: 'other' }))).toBe(
      'The drill rehearsed another plan',
    );
    expect(refusal(() => checkRevisionSource(plan.id, { incidentPlanId: 'other' }))).toBe(
      'The incident did not run this plan',
    );
    expect(
      refusal(() => checkRevisionSource(plan.id, { drillPlanId: plan.id, incidentPlanId: plan.id })),
    ).toBeNull();
    expect(refusal(() => checkRevisionSource(plan.id, {}))).toBeNull();
  });
});
