// The incident's rules: pure functions of plain records (no GraphQL, no database), unit-tested.
import { BadUserInputError } from '@opsgraph/domain';

export const TITLE_MAX = 200;

export interface IncidentRecord {
  readonly id: string;
  readonly title: string;
  readonly version: number;
  readonly createdAt: Date;
}

/** A new incident, its title with white space collapsed; version 0 until the unit of work saves it. */
export function newIncident(id: string, title: string, now: Date): IncidentRecord {
  const clean = title.trim().replace(/\s+/g, ' ');
  if (clean.length === 0 || clean.length > TITLE_MAX) {
    throw new BadUserInputError(`title must be 1 to ${TITLE_MAX} characters`, 'input.title');
  }
  return { id, title: clean, version: 0, createdAt: now };
}
