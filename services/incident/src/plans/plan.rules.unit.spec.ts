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
