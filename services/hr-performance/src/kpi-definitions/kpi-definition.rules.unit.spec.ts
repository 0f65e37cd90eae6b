import { EMPLOYEE_POSITIONS } from '@opsgraph/contracts-events';
import { SEEDED_KPI_WEIGHTS } from '../migrations/1760000000001-CreateKpiDefinitions';
import {
  DEFAULT_KPI_WEIGHTS,
  KPI_DIMENSION_DESCRIPTIONS,
  KPI_DIMENSIONS,
  validateWeights,
} from './kpi-definition.rules';

const full = (values: number[]) =>
  KPI_DIMENSIONS.map((dimension, index) => ({ dimension, weight: values[index] }));

describe('default KPI weights', () => {
  it.each(EMPLOYEE_POSITIONS.map((position) => [position]))(
    '%s has every dimension, summing to 100',
    (position) => {
      const weights = DEFAULT_KPI_WEIGHTS[position];
      expect(Object.keys(weights).sort()).toEqual([...KPI_DIMENSIONS].sort());
      expect(Object.values(weights).reduce((a, b) => a + b, 0)).toBe(100);
      expect(
        validateWeights(KPI_DIMENSIONS.map((dimension) => ({ dimension, weight: weights[dimension] }))).ok,
      ).toBe(true);
    },
  );
});

describe('validateWeights', () => {
  it('accepts a full set summing to 100', () => {
    expect(validateWeights(full([40, 20, 20, 10, 10]))).toEqual({
      ok: true,
      weights: { SERVICE_QUALITY: 40, EFFICIENCY: 20, CUSTOMER_SATISFACTION: 20, TEAMWORK: 10, ATTITUDE: 10 },
    });
  });

  it('refuses a sum other than 100', () => {
    expect(validateWeights(full([40, 20, 20, 10, 5]))).toEqual({
      ok: false,
      violations: [{ field: 'input.weights', message: 'weights must sum to 100, got 95' }],
    });
  });

  it('refuses missing, repeated and unknown dimensions and bad numbers, naming the field', () => {
    const result = validateWeights([
      { dimension: 'SERVICE_QUALITY', weight: 50 },
      { dimension: 'SERVICE_QUALITY', weight: 50 },
      { dimension: 'LUCK', weight: 0 },
      { dimension: 'TEAMWORK', weight: 1.5 },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations.map((v) => v.field)).toEqual([
      'input.weights.1.dimension',
      'input.weights.2.dimension',
      'input.weights.3.weight',
      'input.weights',
    ]);
    expect(result.violations[3].message).toBe(
      'missing dimensions: EFFICIENCY, CUSTOMER_SATISFACTION, ATTITUDE',
    );
  });
});

describe('seeded weights', () => {
  it('are the defaults, for every position', () => {
    const seeded = Object.fromEntries(
      SEEDED_KPI_WEIGHTS.map(([position, ...values]) => [
        position,
        Object.fromEntries(KPI_DIMENSIONS.map((dimension, index) => [dimension, values[index]])),
      ]),
    );
    expect(seeded).toEqual(DEFAULT_KPI_WEIGHTS);
  });
});

describe('weight limits and dimension descriptions', () => {
  const set = full;

  it('takes a single dimension weighted 100 and the rest 0', () => {
    expect(validateWeights(set([100, 0, 0, 0, 0]))).toMatchObject({ ok: true });
  });

  it.each([[101], [-1], [2.5]])('refuses a weight of %p, naming it', (weight) => {
    expect(validateWeights(set([weight, 0, 0, 0, 0]))).toMatchObject({
      ok: false,
      violations: [{ field: 'input.weights.0.weight', message: 'a weight is a whole number from 0 to 100' }],
    });
  });

  it('says which dimension is given twice', () => {
    const twice = [...set([20, 20, 20, 20, 20]), { dimension: 'TEAMWORK', weight: 0 }];
    expect(validateWeights(twice)).toEqual({
      ok: false,
      violations: [{ field: 'input.weights.5.dimension', message: 'TEAMWORK is given twice' }],
    });
  });

  it('describes each dimension under its name in the seed policies', () => {
    expect(Object.keys(KPI_DIMENSION_DESCRIPTIONS).sort()).toEqual([...KPI_DIMENSIONS].sort());
    const names = ['服務質量', '工作效率', '客戶滿意度', '團隊協作', '工作態度'];
    KPI_DIMENSIONS.forEach((dimension, index) => {
      expect(KPI_DIMENSION_DESCRIPTIONS[dimension].startsWith(`${names[index]} — `)).toBe(true);
    });
  });
});
