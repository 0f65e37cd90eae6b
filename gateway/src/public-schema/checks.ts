// The public schema's guards, as pure functions over SDL text (the spec runs them on the committed files and on
// deliberately broken fixtures).
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { describeElements } from './descriptions';

/** Non-empty lines that are not `#` comments. */
export function listLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

export interface DescriptionReport {
  total: number;
  documented: number;
  /** Public elements without a description (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`): must be none. */
  missing: string[];
  /** The missing elements per owning subgraph(s), to say who must describe them. */
  byOwner: Record<string, string[]>;
}

/**
 * Every public type (scalars included), field, input field, argument and enum value needs a description: the public
 * schema is documented at 100 %, without exceptions.
 */
export function checkDescriptions(publicSchemaSdl: string, supergraphSdl: string): DescriptionReport {
  const elements = describeElements(publicSchemaSdl, supergraphSdl);
  const undocumented = elements.filter((element) => !element.documented);
  const byOwner: Record<string, string[]> = {};
  for (const element of undocumented)
    (byOwner[element.owners.join('+') || 'unknown'] ??= []).push(element.coordinate);
  return {
    total: elements.length,
    documented: elements.length - undocumented.length,
    missing: undocumented.map((element) => element.coordinate),
    byOwner,
  };
}

/** `path` of an acknowledged-changes line: its first whitespace-separated word (the rest is the reason). */
const acknowledgedPath = (line: string) => line.split(/\s+/)[0];

export interface BreakingReport {
  /** Breaking changes (path: message) nobody acknowledged. */
  unacknowledged: string[];
  all: Change[];
}

/** GraphQL Inspector's diff of the released schema and the current one; breaking changes must be acknowledged. */
export async function checkBreakingChanges(
  releasedSdl: string,
  currentSdl: string,
  acknowledged: string[],
): Promise<BreakingReport> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  const paths = new Set(acknowledged.map(acknowledgedPath));
  const unacknowledged = changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .filter((change) => !paths.has(change.path ?? change.message))
    .map((change) => `${change.path ?? '(schema)'}: ${change.message}`);
  return { unacknowledged, all: changes };
}
