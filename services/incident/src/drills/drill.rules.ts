// Drills (演練, docs/product.md §5 "Drills"): a plan version rehearsed, what was seen, and the follow-ups owed.
// Pure rules, unit-tested.
import { BadUserInputError } from '@opsgraph/domain';
import { CLOCK_SKEW_MS, isActionOverdue, type ActionItemStatus } from '../incidents/incident.rules';

export interface DrillTimelineEntry {
  readonly at: Date;
  readonly note: string;
}

export interface FollowUp {
  readonly id: string;
  readonly description: string;
  readonly ownerId: string;
  /** YYYY-MM-DD. */
  readonly dueOn: string;
  readonly status: ActionItemStatus;
  readonly doneAt: Date | null;
}

export interface DrillRecord {
  readonly id: string;
  readonly title: string;
  readonly scenario: string;
  readonly planId: string;
  readonly planVersion: number;
  readonly heldAt: Date;
  readonly participantIds: readonly string[];
  readonly timeline: readonly DrillTimelineEntry[];
  readonly findings: string;
  readonly followUps: readonly FollowUp[];
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface NewDrill {
  readonly title: string;
  readonly scenario: string;
  readonly heldAt: Date;
  readonly participantIds: readonly string[];
  readonly timeline?: readonly DrillTimelineEntry[] | null;
  readonly findings: string;
  readonly followUps?: readonly { description: string; ownerId: string; dueOn: string }[] | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A drill as recorded after it was held: in the past, with participants, its timeline in order from the start. */
export function recordDrill(
  identity: { id: string; planId: string; planVersion: number; followUpIds: () => string },
  input: NewDrill,
  now: Date,
): DrillRecord {
  if (input.heldAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new BadUserInputError(
      'A drill is recorded once it was held: heldAt is in the future',
      'input.heldAt',
    );
  }
  const participantIds = [...new Set(input.participantIds)];
  if (participantIds.length === 0) {
    throw new BadUserInputError('A drill needs at least one participant', 'input.participantIds');
  }
  const timeline = [...(input.timeline ?? [])]
    .map((entry) => ({ at: entry.at, note: entry.note.trim() }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const early = (input.timeline ?? []).findIndex((entry) => entry.at < input.heldAt);
  if (early >= 0) {
    throw new BadUserInputError('A timeline entry is before the drill started', `input.timeline.${early}.at`);
  }
  const followUps = (input.followUps ?? []).map((item, index) => {
    if (!DAY.test(item.dueOn) || Number.isNaN(Date.parse(item.dueOn))) {
      throw new BadUserInputError('dueOn must be a day, YYYY-MM-DD', `input.followUps.${index}.dueOn`);
    }
    return {
      id: identity.followUpIds(),
      description: item.description.trim(),
      ownerId: item.ownerId,
      dueOn: item.dueOn,
      status: 'OPEN' as const,
      doneAt: null,
    };
  });
  return {
    id: identity.id,
    title: input.title.trim(),
    scenario: input.scenario.trim(),
    planId: identity.planId,
    planVersion: identity.planVersion,
    heldAt: input.heldAt,
    participantIds,
    timeline,
    findings: input.findings.trim(),
    followUps,
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** The drill with one follow-up moved on; NOT_FOUND-like BAD_USER_INPUT when the drill has no such follow-up. */
export function updateFollowUp(
  drill: DrillRecord,
  followUpId: string,
  status: ActionItemStatus,
  now: Date,
): DrillRecord {
  if (!drill.followUps.some((item) => item.id === followUpId)) {
    throw new BadUserInputError(`Drill ${drill.id} has no follow-up ${followUpId}`, 'input.followUpId');
  }
  return {
    ...drill,
    followUps: drill.followUps.map((item) =>
      item.id === followUpId
        ? { ...item, status, doneAt: status === 'DONE' ? (item.doneAt ?? now) : null }
        : item,
    ),
    updatedAt: now,
  };
}

export function overdueFollowUps(drill: Pick<DrillRecord, 'followUps'>, today: string): FollowUp[] {
  return drill.followUps.filter((item) => isActionOverdue(item, today));
}
