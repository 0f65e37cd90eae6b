// Risk-register use-cases: register, re-assess, record a review; reads with the observed frequency beside them.
import { RiskAssessed, RiskRegistered, RiskReviewed, type RiskCategory } from '@opsgraph/contracts-events';
import { BadUserInputError, checkVersion, type Caller, type RequestMeta } from '@opsgraph/domain';
import type { PageRequest } from '@opsgraph/graphql-kit';
import { draft, type UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import { utcDay } from '../incidents/incident.rules';
import { permissions } from '../permissions';
import { riskKind, RiskReads } from './risk.repository';
import { RiskSuggestionRepository, type RiskSuggestionRecord } from './risk-suggestion.repository';
import { checkAssessment, OBSERVATION_DAYS, riskLevel, riskScore, type RiskRecord } from './risk.rules';

export interface RegisterRiskCommand {
  readonly title: string;
  readonly description?: string | null;
  readonly category: RiskCategory;
  readonly likelihood: number;
  readonly impact: number;
  readonly ownerId?: string | null;
  readonly mitigation: string;
  readonly residualScore?: number | null;
  readonly nextReviewOn: string;
}

export interface ReassessRiskCommand {
  readonly riskId: string;
  readonly expectedVersion: number;
  readonly likelihood?: number | null;
  readonly impact?: number | null;
  readonly ownerId?: string | null;
  readonly mitigation?: string | null;
  readonly residualScore?: number | null;
  readonly nextReviewOn?: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function reviewDay(value: string, field: string): string {
  if (!DAY.test(value) || Number.isNaN(Date.parse(value))) {
    throw new BadUserInputError(`${field.split('.').pop()} must be a day, YYYY-MM-DD`, field);
  }
  return value;
}

export function riskSnapshot(risk: RiskRecord) {
  const score = riskScore(risk.likelihood, risk.impact);
  return {
    riskId: risk.id,
    title: risk.title,
    category: risk.category,
    likelihood: risk.likelihood,
    impact: risk.impact,
    score,
    level: riskLevel(score),
    residualScore: risk.residualScore,
    ownerId: risk.ownerId,
    nextReviewOn: risk.nextReviewOn,
  };
}

export class RiskService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  reads(): RiskReads {
    return new RiskReads(this.unitOfWork.dataSource.manager);
  }

  today(): string {
    return utcDay(this.unitOfWork.clock());
  }

  async byId(caller: Caller, id: string): Promise<RiskRecord | null> {
    permissions.require(caller, 'VIEW_RISKS');
    const [risk] = await this.reads().byIds([id]);
    return risk ?? null;
  }

  page(caller: Caller, request: PageRequest, filter: { category?: string | null }) {
    permissions.require(caller, 'VIEW_RISKS');
    return this.reads().page(request, filter);
  }

  overdueReviews(caller: Caller, limit: number): Promise<RiskRecord[]> {
    permissions.require(caller, 'VIEW_RISKS');
    return this.reads().overdueReviews(this.today(), limit);
  }

  suggestions(caller: Caller): Promise<RiskSuggestionRecord[]> {
    permissions.require(caller, 'VIEW_RISKS');
    return new RiskSuggestionRepository(this.unitOfWork.dataSource.manager).list();
  }

  /** Incidents per category over the observation window ending now. */
  async incidentCounts(categories: readonly string[]): Promise<Map<string, number>> {
    const now = this.unitOfWork.clock();
    const since = new Date(now.getTime() - OBSERVATION_DAYS * DAY_MS);
    const rows = await this.reads().incidentCounts(categories, since, now);
    return new Map(rows.map((row) => [row.category, row.count]));
  }

  register(meta: RequestMeta, input: RegisterRiskCommand): Promise<RiskRecord> {
    permissions.require(meta.caller, 'MANAGE_RISKS');
    return this.unitOfWork.run(meta, (tx) => {
      const risk: RiskRecord = {
        id: randomUUID(),
        title: input.title.trim(),
        description: input.description?.trim() ?? '',
        category: input.category,
        likelihood: input.likelihood,
        impact: input.impact,
        ownerId: input.ownerId ?? null,
        mitigation: input.mitigation.trim(),
        residualScore: input.residualScore ?? null,
        nextReviewOn: reviewDay(input.nextReviewOn, 'input.nextReviewOn'),
        lastReviewedAt: null,
        version: 0,
        createdAt: tx.now,
        updatedAt: tx.now,
      };
      checkAssessment(risk);
      const snapshot = riskSnapshot(risk);
      return tx.save(riskKind, null, {
        after: risk,
        action: 'REGISTERED',
        events: [draft(RiskRegistered, snapshot)],
        changes: snapshot,
      });
    });
  }

  /** Changes what is given (likelihood, impact, owner, mitigation, residual score, review day). */
  reassess(meta: RequestMeta, input: ReassessRiskCommand): Promise<RiskRecord> {
    permissions.require(meta.caller, 'MANAGE_RISKS');
    return this.unitOfWork.run(meta, async (tx) => {
      const before = await tx.load(riskKind, input.riskId);
      checkVersion(`Risk ${before.id}`, before, input.expectedVersion);
      const after: RiskRecord = {
        ...before,
        likelihood: input.likelihood ?? before.likelihood,
        impact: input.impact ?? before.impact,
        ownerId: input.ownerId === undefined ? before.ownerId : input.ownerId,
        mitigation: input.mitigation?.trim() || before.mitigation,
        residualScore: input.residualScore === undefined ? before.residualScore : input.residualScore,
        nextReviewOn: input.nextReviewOn
          ? reviewDay(input.nextReviewOn, 'input.nextReviewOn')
          : before.nextReviewOn,
        updatedAt: tx.now,
      };
      checkAssessment(after);
      const previousScore = riskScore(before.likelihood, before.impact);
      const snapshot = riskSnapshot(after);
      return tx.save(riskKind, before, {
        after,
        action: 'ASSESSED',
        events: [draft(RiskAssessed, { ...snapshot, previousScore })],
        changes: { ...snapshot, previousScore },
      });
    });
  }

  /** The risk was looked at: the next review day is set (after today). */
  recordReview(
    meta: RequestMeta,
    input: { riskId: string; expectedVersion: number; nextReviewOn: string; note?: string | null },
  ): Promise<RiskRecord> {
    permissions.require(meta.caller, 'MANAGE_RISKS');
    const next = reviewDay(input.nextReviewOn, 'input.nextReviewOn');
    return this.unitOfWork.run(meta, async (tx) => {
      if (next <= utcDay(tx.now)) {
        throw new BadUserInputError('The next review must be after today', 'input.nextReviewOn');
      }
      const before = await tx.load(riskKind, input.riskId);
      checkVersion(`Risk ${before.id}`, before, input.expectedVersion);
      const after: RiskRecord = { ...before, nextReviewOn: next, lastReviewedAt: tx.now, updatedAt: tx.now };
      const note = input.note?.trim() || null;
      return tx.save(riskKind, before, {
        after,
        action: 'REVIEWED',
        events: [draft(RiskReviewed, { ...riskSnapshot(after), note })],
        changes: { nextReviewOn: next, note },
      });
    });
  }
}
