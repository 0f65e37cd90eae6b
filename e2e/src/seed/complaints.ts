// A complaint's handling in the demo history (docs/product.md §11.2): investigation, a corrective action done,
// sometimes rejected and redone, verified, the follow-up visit — all before the resolution, which the service
// refuses until the complaint is settled. Stories cut short by `now` leave actions OPEN, DONE or REJECTED.

/** The complaint-handling steps of a ticket's life. */
export type ComplaintStepAction =
  'INVESTIGATE' | 'ADD_ACTION' | 'COMPLETE_ACTION' | 'REJECT_ACTION' | 'VERIFY_ACTION' | 'FOLLOW_UP';

const DAY = 86_400_000;

/** Where the handling of complaints still open is left, in turn, so that the centre shows every state. */
export const UNFINISHED_STATES = ['OPEN', 'DONE', 'REJECTED', 'VERIFIED'] as const;

/**
 * Adds the handling between the start of work and the resolution: `during(share)` is the instant at that share of
 * the work (monotonic, waiting for the customer excluded). `stopAt`: null when the story gets to the resolution;
 * otherwise the state the corrective action is left in, as in a live centre.
 */
export function complaintHandling(
  random: () => number,
  during: (share: number) => number,
  add: (action: ComplaintStepAction, at: number) => void,
  stopAt: 'OPEN' | 'DONE' | 'REJECTED' | 'VERIFIED' | null,
): void {
  // About one action in four is not accepted at first: reworked, then verified.
  const rejectedFirst = stopAt === 'REJECTED' || random() < 0.25;
  const steps: [ComplaintStepAction, number][] = [
    ['INVESTIGATE', 0.1 + 0.1 * random()],
    ['ADD_ACTION', 0.3],
    ['COMPLETE_ACTION', 0.45],
    ...(rejectedFirst
      ? ([
          ['REJECT_ACTION', 0.55],
          ['COMPLETE_ACTION', 0.62],
        ] as [ComplaintStepAction, number][])
      : []),
    ['VERIFY_ACTION', 0.72],
    ['FOLLOW_UP', 0.85],
  ];
  const last: Record<NonNullable<typeof stopAt>, ComplaintStepAction> = {
    OPEN: 'ADD_ACTION',
    DONE: 'COMPLETE_ACTION',
    REJECTED: 'REJECT_ACTION',
    VERIFIED: 'VERIFY_ACTION',
  };
  const told = stopAt === null ? steps.length : steps.findIndex(([action]) => action === last[stopAt]) + 1;
  for (const [action, share] of steps.slice(0, told)) add(action, during(share));
}

/** What the seeder needs to play a complaint step. */
export interface ComplaintPlay {
  readonly at: string;
  readonly ownerId: string;
  readonly correctiveAction: string;
  /** The ticket's first corrective action, once added. */
  readonly actionId: string | null;
  /** Sends `mutation(input)` as of `at` and returns the changed ticket's corrective action ids. */
  send(mutation: string, input: Record<string, unknown>): Promise<string[]>;
}

/** Plays one corrective-action step; returns the action id to use for the next ones. */
export async function playActionStep(
  action: Exclude<ComplaintStepAction, 'INVESTIGATE' | 'FOLLOW_UP'>,
  play: ComplaintPlay,
): Promise<string | null> {
  switch (action) {
    case 'ADD_ACTION': {
      const ids = await play.send('addCorrectiveAction', {
        description: play.correctiveAction,
        ownerId: play.ownerId,
        dueAt: new Date(Date.parse(play.at) + 7 * DAY).toISOString(),
      });
      return ids[0] ?? null;
    }
    case 'COMPLETE_ACTION':
      await play.send('completeCorrectiveAction', {
        actionId: play.actionId,
        evidence: 'Updated procedure in use; see the team’s hand-over records.',
      });
      return play.actionId;
    case 'REJECT_ACTION':
    case 'VERIFY_ACTION': {
      const verified = action === 'VERIFY_ACTION';
      await play.send('verifyCorrectiveAction', {
        actionId: play.actionId,
        verdict: verified ? 'VERIFIED' : 'REJECTED',
        note: verified
          ? 'Checked at three hand-overs: applied each time.'
          : 'Not yet applied on every shift; please complete.',
      });
      return play.actionId;
    }
  }
}

/** The state of the complaint's corrective action after `steps` (null: none planned yet). */
export function actionStateAfter(
  steps: readonly { action: string }[],
): 'OPEN' | 'DONE' | 'REJECTED' | 'VERIFIED' | null {
  const states: Record<string, 'OPEN' | 'DONE' | 'REJECTED' | 'VERIFIED'> = {
    ADD_ACTION: 'OPEN',
    COMPLETE_ACTION: 'DONE',
    REJECT_ACTION: 'REJECTED',
    VERIFY_ACTION: 'VERIFIED',
  };
  return steps.reduce<ReturnType<typeof actionStateAfter>>(
    (state, step) => states[step.action] ?? state,
    null,
  );
}
