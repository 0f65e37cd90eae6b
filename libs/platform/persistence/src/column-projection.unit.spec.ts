import { columnsFor, type ColumnProjection } from './column-projection';

const projection: ColumnProjection = {
  always: ['id', 'created_at'],
  byField: { id: ['id'], number: ['number'], customer: ['customer_id'], window: ['opens_at', 'closes_at'] },
};

describe('columnsFor', () => {
  it('reads the always-columns and those of each selected field, each once', () => {
    expect(columnsFor(projection, ['number', 'customer', 'id', 'window'])).toEqual([
      'id',
      'created_at',
      'number',
      'customer_id',
      'opens_at',
      'closes_at',
    ]);
  });

  it('needs only the always-columns for __typename or no field', () => {
    expect(columnsFor(projection, ['__typename'])).toEqual(['id', 'created_at']);
    expect(columnsFor(projection, [])).toEqual(['id', 'created_at']);
  });

  it('reads whole rows (null) as soon as one field is not in the projection', () => {
    expect(columnsFor(projection, ['number', 'sla'])).toBeNull();
    // Not fooled by the prototype's names.
    expect(columnsFor(projection, ['toString'])).toBeNull();
    expect(columnsFor(projection, ['constructor', 'id'])).toBeNull();
  });
});
