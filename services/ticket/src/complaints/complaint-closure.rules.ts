// When a COMPLAINT may be resolved or closed (docs/product.md §11.2): only once it was investigated, every corrective
// action was verified, the complainant was told the outcome and the follow-up visit (回訪) took place. Pure.
import type { ComplaintDetails } from '../tickets/ticket.records';
import type { CorrectiveAction } from './corrective-action.rules';

export const CLOSURE_REQUIREMENTS = [
  'INVESTIGATION',
  'CORRECTIVE_ACTION',
  'ACTIONS_VERIFIED',
  'FEEDBACK',
  'FOLLOW_UP',
] as const;
export type ClosureRequirement = (typeof CLOSURE_REQUIREMENTS)[number];

export interface MissingPiece {
  readonly requirement: ClosureRequirement;
  readonly message: string;
}

export function missingForClosure(
  details: Pick<ComplaintDetails, 'feedbackToComplainant' | 'followUpAt'> | null,
  actions: readonly Pick<CorrectiveAction, 'position' | 'status'>[],
): MissingPiece[] {
  const missing: MissingPiece[] = [];
  if (details === null) {
    missing.push({ requirement: 'INVESTIGATION', message: 'the investigation (findings, root cause, responsibility)' });
  }
  if (actions.length === 0) {
    missing.push({ requirement: 'CORRECTIVE_ACTION', message: 'a corrective action' });
  }
  const unverified = actions.filter((action) => action.status !== 'VERIFIED');
  if (unverified.length > 0) {
    const list = unverified.map((action) => `#${action.position} ${action.status}`).join(', ');
    missing.push({ requirement: 'ACTIONS_VERIFIED', message: `verification of corrective actions ${list}` });
  }
  if (details?.feedbackToComplainant == null) {
    missing.push({ requirement: 'FEEDBACK', message: 'feedback to the complainant' });
  }
  if (details?.followUpAt == null) {
    missing.push({ requirement: 'FOLLOW_UP', message: 'the follow-up visit (回訪)' });
  }
  return missing;
}
