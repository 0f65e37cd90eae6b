import type { EmployeePosition } from '@opsgraph/contracts-events';
import { AggregateRow, TimestampColumn } from '@opsgraph/persistence';
import { Column, Entity } from 'typeorm';
import type { CycleKind } from '../appraisal-cycles/appraisal-cycle.rules';
import type { KpiWeights } from '../kpi-definitions/kpi-definition.rules';
import type { AppraisalStatus, ImprovementPlan } from './appraisal.rules';
import type { Grade } from './grading.rules';
import type { ReviewScores, ScoredDimension } from './scoring.rules';

export interface Review {
  readonly scores: ReviewScores;
  readonly comment: string | null;
  readonly submittedAt: string;
}

export interface PeerReview extends Review {
  readonly reviewerId: string;
}

export interface FeedbackNote {
  readonly authorId: string | null;
  readonly heldOn: string;
  readonly note: string;
}

/** What calibration computed and publication froze. */
export interface ScoreSnapshot {
  readonly kpiScore: number | null;
  readonly customerScore: number | null;
  readonly total: number | null;
  readonly dimensions: Readonly<Record<ScoredDimension, number | null>> | null;
  /** Quarterly/annual: the months whose published result was counted. */
  readonly monthsCounted: number | null;
  /** Praise letters credited in the period's months (absent from snapshots taken before praise was counted). */
  readonly praiseCount?: number;
  readonly takenAt: string;
}

@Entity('appraisals')
export class AppraisalEntity extends AggregateRow {
  @Column('uuid', { name: 'cycle_id' })
  cycleId: string;

  @Column('uuid', { name: 'employee_id' })
  employeeId: string;

  @Column('text', { name: 'employee_number' })
  employeeNumber: string;

  @Column('uuid', { name: 'department_id' })
  departmentId: string;

  /** The line manager when the cycle opened: writes the manager review. */
  @Column('uuid', { name: 'reviewer_id', nullable: true })
  reviewerId: string | null;

  @Column('text')
  position: EmployeePosition;

  @Column('text')
  period: string;

  @Column('text')
  kind: CycleKind;

  /** The position's KPI weights when the cycle opened (later changes do not move this appraisal). */
  @Column('jsonb')
  weights: KpiWeights;

  @Column('int', { name: 'ability_weight' })
  abilityWeight: number;

  @Column('text')
  status: AppraisalStatus;

  @Column('jsonb', { name: 'self_review', nullable: true })
  selfReview: Review | null;

  @Column('jsonb', { name: 'manager_review', nullable: true })
  managerReview: Review | null;

  @Column('uuid', { name: 'peer_reviewer_ids', array: true })
  peerReviewerIds: string[];

  @Column('jsonb', { name: 'peer_reviews' })
  peerReviews: PeerReview[];

  @Column('jsonb', { name: 'feedback_notes' })
  feedbackNotes: FeedbackNote[];

  @Column('jsonb', { name: 'improvement_plan', nullable: true })
  improvementPlan: ImprovementPlan | null;

  @Column('jsonb', { nullable: true })
  scores: ScoreSnapshot | null;

  @Column('text', { nullable: true })
  grade: Grade | null;

  @Column('double precision', { name: 'bonus_coefficient', nullable: true })
  bonusCoefficient: number | null;

  @Column('double precision', { name: 'deduction_rate', nullable: true })
  deductionRate: number | null;

  @TimestampColumn('published_at', { nullable: true })
  publishedAt: Date | null;

  @TimestampColumn('acknowledged_at', { nullable: true })
  acknowledgedAt: Date | null;
}

export type AppraisalRecord = Readonly<AppraisalEntity>;
