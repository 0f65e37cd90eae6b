// Asset categories and what depreciation and advice assume of each (docs/product.md §4.1): useful life in years and
// salvage value as a share of cost, the usual planning figures for such equipment.
export const ASSET_CATEGORY_VALUES = [
  'SERVER',
  'NETWORK',
  'WORKSTATION',
  'PRINTER',
  'VEHICLE',
  'HVAC',
  'POWER',
  'OTHER',
] as const;
export type AssetCategoryValue = (typeof ASSET_CATEGORY_VALUES)[number];

export interface CategoryPolicy {
  readonly usefulLifeYears: number;
  /** Salvage value as a share of the purchase cost. */
  readonly salvageRate: number;
}

export const CATEGORY_POLICIES: Readonly<Record<AssetCategoryValue, CategoryPolicy>> = {
  SERVER: { usefulLifeYears: 5, salvageRate: 0.1 },
  NETWORK: { usefulLifeYears: 5, salvageRate: 0.05 },
  WORKSTATION: { usefulLifeYears: 4, salvageRate: 0.05 },
  PRINTER: { usefulLifeYears: 5, salvageRate: 0.05 },
  VEHICLE: { usefulLifeYears: 8, salvageRate: 0.15 },
  HVAC: { usefulLifeYears: 15, salvageRate: 0.05 },
  POWER: { usefulLifeYears: 10, salvageRate: 0.05 },
  OTHER: { usefulLifeYears: 5, salvageRate: 0 },
};
