import { Text } from '@opsgraph/graphql-kit';
import { Field, InputType } from 'type-graphql';
import { TITLE_MAX } from './incident.rules';

@InputType({ description: 'A new incident' })
export class CreateIncidentInput {
  @Field({ description: `1 to ${TITLE_MAX} characters, not blank` })
  @Text({ max: TITLE_MAX })
  title: string;
}
