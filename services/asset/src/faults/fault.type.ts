import { Text } from '@opsgraph/graphql-kit';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { FaultStatus } from './fault.repository';

const FaultStatusEnum = { REPORTED: 'REPORTED', IN_REPAIR: 'IN_REPAIR', REPAIRED: 'REPAIRED' } as const;
registerEnumType(FaultStatusEnum, { name: 'AssetFaultStatus' });

@ObjectType({ description: 'A fault of an asset: reported → in repair → repaired' })
export class AssetFault {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  assetId: string;

  @Field(() => ID, { nullable: true, description: 'The FAULT ticket it came from, if any' })
  ticketId: string | null;

  @Field()
  description: string;

  @Field(() => FaultStatusEnum)
  status: FaultStatus;

  @Field()
  reportedAt: Date;

  @Field(() => Date, { nullable: true })
  repairStartedAt: Date | null;

  @Field(() => Date, { nullable: true })
  repairedAt: Date | null;

  @Field(() => String, { nullable: true })
  repairNotes: string | null;
}

@ObjectType({ description: 'MTBF, MTTR and availability over a period, from the fault history (hours)' })
export class Reliability {
  @Field(() => Int, { description: 'Faults reported in the period' })
  failures: number;

  @Field(() => Int, { description: 'Faults repaired in the period' })
  repairs: number;

  @Field(() => Float)
  uptimeHours: number;

  @Field(() => Float)
  downtimeHours: number;

  @Field(() => Float, { nullable: true, description: 'Mean time between failures; null without a failure' })
  mtbfHours: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean time to repair; null without a repair' })
  mttrHours: number | null;

  @Field(() => Float, { nullable: true, description: 'uptime / time in service, 0..1' })
  availability: number | null;
}

@InputType({ description: 'A fault; reportedAt/repairedAt in the past record history (an import)' })
export class ReportFaultInput {
  @Field(() => ID)
  assetId: string;

  @Field()
  @Text({ max: 2000 })
  description: string;

  @Field(() => Date, { nullable: true, description: 'Default: now' })
  reportedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Given: the fault is already repaired' })
  repairedAt?: Date | null;
}

@InputType()
export class StartRepairInput {
  @Field(() => ID)
  faultId: string;

  @Field(() => String, { nullable: true })
  @Text({ max: 2000, optional: true })
  notes?: string | null;
}

@InputType()
export class RepairFaultInput {
  @Field(() => ID)
  faultId: string;

  @Field(() => Date, { nullable: true, description: 'Default: now' })
  repairedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Text({ max: 2000, optional: true })
  notes?: string | null;
}
