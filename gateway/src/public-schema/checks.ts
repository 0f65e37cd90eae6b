// The public schema's guards, as pure functions over SDL text (the spec runs them on the committed files and on
// deliberately broken fixtures).
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { describeElements, type SchemaElement } from './descriptions';

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
  /** Undocumented and not on the allow-list: must get a description. */
  missing: string[];
  /** On the allow-list but documented (or gone): must leave the list, so that it only shrinks. */
  stale: string[];
  /** Undocumented, not allow-listed, but owned only by exempt subgraphs: printed as a TODO, not failed. */
  exempted: string[];
  /** Undocumented elements per owning subgraph (for the TODO print-out). */
  byOwner: Record<string, string[]>;
}

/**
 * Every public type, field, argument and enum value needs a description, except those on `allowList`
 * (`<coordinate>` per line, what was undocumented when the check was introduced) and new elements owned only by
 * `exemptOwners` (subgraphs whose descriptions are still to come: reported, not failed).
 */
export function checkDescriptions(
  publicSchemaSdl: string,
  supergraphSdl: string,
  allowList: string[],
  exemptOwners: readonly string[] = [],
): DescriptionReport {
  const elements = describeElements(publicSchemaSdl, supergraphSdl);
  const allowed = new Set(allowList);
  const undocumented = elements.filter((element) => !element.documented);
  const undocumentedSet = new Set(undocumented.map((element) => element.coordinate));
  const byOwner: Record<string, string[]> = {};
  for (const element of undocumented)
    (byOwner[element.owners.join('+') || 'unknown'] ??= []).push(element.coordinate);
  const notAllowed = undocumented.filter((element) => !allowed.has(element.coordinate));
  const exempt = (element: SchemaElement) =>
    element.owners.length > 0 && element.owners.every((owner) => exemptOwners.includes(owner));
  return {
    total: elements.length,
    documented: elements.length - undocumented.length,
    missing: notAllowed.filter((element) => !exempt(element)).map((element) => element.coordinate),
    stale: allowList.filter((coordinate) => !undocumentedSet.has(coordinate)),
    exempted: notAllowed.filter(exempt).map((element) => element.coordinate),
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

/**
 * The allow-list file without the entries that are now documented (or gone); comments and order kept. Never adds an
 * entry: `gateway:compose` runs it so the list shrinks as descriptions arrive.
 */
export function pruneAllowList(allowListText: string, report: Pick<DescriptionReport, 'stale'>): string {
  const stale = new Set(report.stale);
  return allowListText
    .split('\n')
    .filter((line) => !stale.has(line.trim()))
    .join('\n');
}
