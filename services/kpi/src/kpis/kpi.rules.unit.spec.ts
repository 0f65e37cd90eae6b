import { BadUserInputError } from '@opsgraph/domain';
import { newKpi, TITLE_MAX } from './kpi.rules';

const ID = '2f0c5a8e-6d1b-4c3a-9e7f-0a1b2c3d4e5f';
const NOW = new Date('2026-03-02T08:00:00.000Z');

describe('newKpi', () => {
  it('collapses white space in the title and starts at version 0', () => {
    expect(newKpi(ID, '  Pump   station\n north ', NOW)).toEqual({
      id: ID,
      title: 'Pump station north',
      version: 0,
      createdAt: NOW,
    });
  });

  it.each([['   '], ['x'.repeat(TITLE_MAX + 1)]])(
    'refuses the title %p as BAD_USER_INPUT on input.title',
    (title) => {
      expect(() => newKpi(ID, title, NOW)).toThrow(BadUserInputError);
      expect(() => newKpi(ID, title, NOW)).toThrow(
        expect.objectContaining({ details: { field: 'input.title' } }),
      );
    },
  );
});
