import { ASSET_CATEGORY_VALUES, CATEGORY_POLICIES } from './asset-category.rules';

describe('category policies (docs/product.md §4.1)', () => {
  it('gives every category the useful life and salvage share the product documents', () => {
    // docs/product.md §4.1: "SERVER 5 y/10 %, NETWORK 5 y/5 %, WORKSTATION 4 y/5 %, PRINTER 5 y/5 %, VEHICLE 8 y/15 %,
    // HVAC 15 y/5 %, POWER 10 y/5 %, OTHER 5 y/0 %"
    const documented: Record<string, [number, number]> = {
      SERVER: [5, 10],
      NETWORK: [5, 5],
      WORKSTATION: [4, 5],
      PRINTER: [5, 5],
      VEHICLE: [8, 15],
      HVAC: [15, 5],
      POWER: [10, 5],
      OTHER: [5, 0],
    };
    expect([...ASSET_CATEGORY_VALUES].sort()).toEqual(Object.keys(documented).sort());
    for (const category of ASSET_CATEGORY_VALUES) {
      const [years, percent] = documented[category];
      expect([category, CATEGORY_POLICIES[category]]).toEqual([
        category,
        { usefulLifeYears: years, salvageRate: percent / 100 },
      ]);
    }
  });
});
