// Priority from urgency × impact (003 §二(一)3: urgent problems are flagged and handled first).
//
// The ITIL matrix, symmetric in urgency and impact, with ITIL's fifth level (LOW × LOW) folded into P4:
//
//                 impact HIGH   impact MEDIUM   impact LOW
//   urgency HIGH      P1             P2             P3
//   urgency MEDIUM    P2             P3             P4
//   urgency LOW       P3             P4             P4

export const SEVERITY_LEVELS = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type Urgency = (typeof SEVERITY_LEVELS)[number];
export type Impact = (typeof SEVERITY_LEVELS)[number];

/** Highest first. */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_MATRIX: Readonly<Record<Urgency, Readonly<Record<Impact, Priority>>>> = {
  HIGH: { HIGH: 'P1', MEDIUM: 'P2', LOW: 'P3' },
  MEDIUM: { HIGH: 'P2', MEDIUM: 'P3', LOW: 'P4' },
  LOW: { HIGH: 'P3', MEDIUM: 'P4', LOW: 'P4' },
};

export function priorityOf(urgency: Urgency, impact: Impact): Priority {
  return PRIORITY_MATRIX[urgency][impact];
}

/** Sort comparator: negative when a is more urgent than b, so P1 sorts first. */
export function comparePriority(a: Priority, b: Priority): number {
  return PRIORITIES.indexOf(a) - PRIORITIES.indexOf(b);
}
