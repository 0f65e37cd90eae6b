// The kpi's rules: pure functions of plain records (no GraphQL, no database), unit-tested.
import { BadUserInputError } from '@opsgraph/domain';

export const TITLE_MAX = 200;

export interface KpiRecord {
  readonly id: string;
  readonly title: string;
  readonly version: number;
  readonly createdAt: Date;
}

/** A new kpi, its title with white space collapsed; version 0 until the unit of work saves it. */
export function newKpi(id: string, title: string, now: Date): KpiRecord {
  const clean = title.trim().replace(/\s+/g, ' ');
  if (clean.length === 0 || clean.length > TITLE_MAX) {
    throw new BadUserInputError(`title must be 1 to ${TITLE_MAX} characters`, 'input.title');
  }
  return { id, title: clean, version: 0, createdAt: now };
}
