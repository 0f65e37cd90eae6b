import { Text } from '@opsgraph/graphql-kit';
import { Field, InputType } from 'type-graphql';
import { TITLE_MAX } from './kpi.rules';

@InputType({ description: 'A new kpi' })
export class CreateKpiInput {
  @Field({ description: `1 to ${TITLE_MAX} characters, not blank` })
  @Text({ max: TITLE_MAX })
  title: string;
}
