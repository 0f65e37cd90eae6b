import type { RiskCategory, RiskLevel } from '@opsgraph/contracts-events';
import { Connection, graphqlEnumOf } from '@opsgraph/graphql-kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { RiskCategoryEnum, RiskLevelEnum } from '../common/enums';

export const SuggestionDirectionEnum = graphqlEnumOf(
  ['RAISE', 'LOWER'] as const,
  'LikelihoodSuggestionDirection',
  'Which way the incidents suggest moving the likelihood',
  {
    RAISE: 'More incidents than the assessed likelihood implies',
    LOWER: 'At least two steps fewer incidents than assessed',
  },
);

@ObjectType({ description: 'What the incidents of the risk’s category suggest for its likelihood' })
export class LikelihoodSuggestion {
  @Field(() => Int, { description: 'The likelihood suggested, 1–5' })
  likelihood: number;

  @Field(() => SuggestionDirectionEnum, {
    description: 'RAISE when reality is worse than assessed; LOWER only when at least two steps better',
  })
  direction: 'RAISE' | 'LOWER';

  @Field({ description: 'Why, in words (incidents of the category in the last 365 days)' })
  reason: string;
}

@ObjectType({
  description: 'The risk’s category as incidents show it (docs/product.md §5 "Risks learn from reality")',
})
export class ObservedFrequency {
  @Field(() => Int, { description: 'Incidents of the category that occurred in the last 365 days' })
  incidentsLastYear: number;

  @Field(() => Int, { description: 'The likelihood 1–5 those incidents imply' })
  likelihood: number;

  @Field(() => LikelihoodSuggestion, {
    nullable: true,
    description: 'Null when it agrees with the assessment',
  })
  suggestion: LikelihoodSuggestion | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An entry of the risk register (風險識別與評估)' })
export class Risk {
  @Field(() => ID, { description: 'The risk’s id' })
  id: string;

  @Field({ description: 'Title' })
  title: string;

  @Field({ description: 'Details' })
  description: string;

  @Field(() => RiskCategoryEnum, { description: 'What kind of risk' })
  category: RiskCategory;

  @Field(() => Int, { description: '1 (rare) to 5 (almost certain)' })
  likelihood: number;

  @Field(() => Int, { description: '1 (negligible) to 5 (severe)' })
  impact: number;

  @Field(() => Int, { description: 'likelihood × impact, 1–25' })
  score: number;

  @Field(() => RiskLevelEnum, { description: 'LOW, MEDIUM, HIGH or CRITICAL, from the score' })
  level: RiskLevel;

  @Field({ description: 'How the risk is reduced' })
  mitigation: string;

  @Field(() => Int, { nullable: true, description: 'The score left once the mitigation is in place' })
  residualScore: number | null;

  @Field({ description: 'YYYY-MM-DD' })
  nextReviewOn: string;

  @Field({ description: 'The review day has passed' })
  reviewOverdue: boolean;

  @Field(() => Date, {
    description: 'When it was last reviewed (DateTime, UTC); null if never',
    nullable: true,
  })
  lastReviewedAt: Date | null;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it as expectedVersion to change the risk' })
  version: number;

  @Field({ description: 'When it was registered (DateTime, UTC)' })
  createdAt: Date;

  @Field({ description: 'When it last changed (DateTime, UTC)' })
  updatedAt: Date;
}

export const RiskConnection = Connection(Risk);

export const SuggestionActionEnum = graphqlEnumOf(
  ['REGISTER', 'REASSESS'] as const,
  'RiskSuggestionAction',
  'What a risk suggestion proposes',
  {
    REGISTER: 'Register a new complaint-escalation risk (none exists yet)',
    REASSESS: 'Reassess the most likely existing complaint-escalation risk',
  },
);

@ObjectType({ description: 'A recurring complaint cause the risk register should weigh' })
export class RiskSuggestion {
  @Field(() => ID, { description: 'The suggestion’s id' })
  id: string;

  @Field({ description: 'The recurring complaint root cause' })
  rootCause: string;

  @Field(() => String, {
    description:
      'The ticket category the complaints share; null when they have none (usual: complaints are not classified)',
    nullable: true,
  })
  complaintCategory: string | null;

  @Field(() => Int, { description: 'Complaints with this cause in the window' })
  complaintCount: number;

  @Field(() => Int, { description: 'The window of days the complaints were counted in' })
  windowDays: number;

  @Field(() => SuggestionActionEnum, {
    description: 'Register a complaint-escalation risk, or re-assess one',
  })
  action: 'REGISTER' | 'REASSESS';

  @Field(() => Int, { description: 'The likelihood the complaints suggest, 1–5' })
  suggestedLikelihood: number;

  @Field({ description: 'Why, in words' })
  reason: string;

  @Field({ description: 'When it was last brought up to date (DateTime, UTC)' })
  updatedAt: Date;
}
