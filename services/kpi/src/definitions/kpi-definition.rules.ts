// KPI definitions (docs/product.md §KPI "Definitions"): the parameters of the ticket formulas that are folded into
// the day cells, kept as numbered versions. A fact is stored as the events say; the definition only decides what
// it contributes (`measuredFact`), so every cell is the sum of the measured facts under one definition version and
// a new version is applied by rebuilding the cells from the facts (`definitions/replay.ts`). Pure.
import { BadUserInputError } from '@opsgraph/domain';
import type { TicketFact } from '../engine/ticket-fact.rules';

export const FIRST_RESPONSE_MEASURES = ['ACKNOWLEDGEMENT', 'ACKNOWLEDGEMENT_OR_RESOLUTION'] as const;
export type FirstResponseMeasure = (typeof FIRST_RESPONSE_MEASURES)[number];

/** The longest SLA grace a definition may give: one day. */
export const MAX_SLA_GRACE_SECONDS = 86_400;

export interface KpiDefinitionParameters {
  /**
   * "Resolved within SLA": a resolution at most this many seconds after its resolution deadline still counts as
   * met. 0 keeps the ticket service's own verdict.
   */
  slaGraceSeconds: number;
  /**
   * The first response: ACKNOWLEDGEMENT counts acknowledged tickets only; ACKNOWLEDGEMENT_OR_RESOLUTION also counts
   * a ticket resolved without an acknowledgement, its resolution being its first response.
   */
  firstResponse: FirstResponseMeasure;
}

/** Version 1, what the engine computed before definitions existed. */
export const INITIAL_PARAMETERS: KpiDefinitionParameters = {
  slaGraceSeconds: 0,
  firstResponse: 'ACKNOWLEDGEMENT',
};

/** The parameters of a publication, checked; a refusal names the input field. */
export function checkParameters(input: KpiDefinitionParameters): KpiDefinitionParameters {
  const grace = input.slaGraceSeconds;
  if (!Number.isInteger(grace) || grace < 0 || grace > MAX_SLA_GRACE_SECONDS) {
    throw new BadUserInputError(
      `slaGraceSeconds must be an integer from 0 to ${MAX_SLA_GRACE_SECONDS}`,
      'input.slaGraceSeconds',
    );
  }
  if (!FIRST_RESPONSE_MEASURES.includes(input.firstResponse)) {
    throw new BadUserInputError(
      `firstResponse must be one of ${FIRST_RESPONSE_MEASURES.join(', ')}`,
      'input.firstResponse',
    );
  }
  return { slaGraceSeconds: grace, firstResponse: input.firstResponse };
}

/** The parameters that differ between two versions, as the audit line records them. */
export function changedParameters(
  before: KpiDefinitionParameters,
  after: KpiDefinitionParameters,
): Partial<Record<keyof KpiDefinitionParameters, { from: unknown; to: unknown }>> {
  const changes: Partial<Record<keyof KpiDefinitionParameters, { from: unknown; to: unknown }>> = {};
  for (const key of Object.keys(INITIAL_PARAMETERS) as Array<keyof KpiDefinitionParameters>) {
    if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}

/** Seconds from `from` to `to` (negative when `to` is earlier). */
const secondsBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 1000;

/** The fact as the definition measures it: what its contributions to the cells are computed from. */
export function measuredFact(fact: TicketFact, parameters: KpiDefinitionParameters): TicketFact {
  let measured = fact;
  if (
    parameters.slaGraceSeconds > 0 &&
    measured.withinSla === false &&
    measured.resolvedAt !== null &&
    measured.resolutionDueAt !== null &&
    secondsBetween(measured.resolutionDueAt, measured.resolvedAt) <= parameters.slaGraceSeconds
  ) {
    measured = { ...measured, withinSla: true };
  }
  if (
    parameters.firstResponse === 'ACKNOWLEDGEMENT_OR_RESOLUTION' &&
    measured.acknowledgedAt === null &&
    measured.resolvedAt !== null &&
    measured.resolutionSeconds !== null
  ) {
    measured = {
      ...measured,
      acknowledgedAt: measured.resolvedAt,
      firstResponseSeconds: measured.resolutionSeconds,
    };
  }
  return measured;
}

/** The longest note a publication may carry. */
export const MAX_NOTE_LENGTH = 500;

/** The publication's note, trimmed (null when blank); a refusal names `input.note`. */
export function checkNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? '';
  if (trimmed.length > MAX_NOTE_LENGTH) {
    throw new BadUserInputError(`note must be at most ${MAX_NOTE_LENGTH} characters`, 'input.note');
  }
  return trimmed === '' ? null : trimmed;
}
