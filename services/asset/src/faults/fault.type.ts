import { Text } from '@opsgraph/graphql-kit';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { FaultStatus } from './fault.repository';

const FaultStatusEnum = { REPORTED: 'REPORTED', IN_REPAIR: 'IN_REPAIR', REPAIRED: 'REPAIRED' } as const;
registerEnumType(FaultStatusEnum, {
  valuesConfig: {
    REPORTED: { description: 'Reported, repair not started' },
    IN_REPAIR: { description: 'A technician is repairing it' },
    REPAIRED: { description: 'Repaired; when it was the last open fault the asset is back IN_USE' },
  },
  description: 'Where a fault is in its repair',
  name: 'AssetFaultStatus',
});

@ObjectType({ description: 'A fault of an asset: reported → in repair → repaired' })
export class AssetFault {
  @Field(() => ID, { description: 'The fault’s id' })
  id: string;

  @Field(() => ID, { description: 'The faulty asset' })
  assetId: string;

  @Field(() => ID, { nullable: true, description: 'The FAULT ticket it came from, if any' })
  ticketId: string | null;

  @Field({ description: 'What is wrong, as reported' })
  description: string;

  @Field(() => FaultStatusEnum, {
    description: 'REPORTED → IN_REPAIR → REPAIRED; the asset is FAULTY while any fault is open',
  })
  status: FaultStatus;

  @Field({ description: 'When the fault was reported (DateTime, UTC); for an imported fault, its past date' })
  reportedAt: Date;

  @Field(() => Date, {
    description: 'When the repair started (DateTime, UTC); null before IN_REPAIR',
    nullable: true,
  })
  repairStartedAt: Date | null;

  @Field(() => Date, {
    description:
      'When it was repaired (DateTime, UTC); null while open. Reported → repaired is the repair time in MTTR',
    nullable: true,
  })
  repairedAt: Date | null;

  @Field(() => String, {
    description: 'Notes of the technician who repaired it; null until given',
    nullable: true,
  })
  repairNotes: string | null;
}

@ObjectType({ description: 'MTBF, MTTR and availability over a period, from the fault history (hours)' })
export class Reliability {
  @Field(() => Int, { description: 'Faults reported in the period' })
  failures: number;

  @Field(() => Int, { description: 'Faults repaired in the period' })
  repairs: number;

  @Field(() => Float, { description: 'Hours in service without an open fault in the period' })
  uptimeHours: number;

  @Field(() => Float, { description: 'Hours in service with a fault open in the period' })
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
  @Field(() => ID, { description: 'The faulty asset; it becomes FAULTY' })
  assetId: string;

  @Field({ description: 'What is wrong, 1–2000 characters' })
  @Text({ max: 2000 })
  description: string;

  @Field(() => Date, { nullable: true, description: 'Default: now' })
  reportedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Given: the fault is already repaired' })
  repairedAt?: Date | null;
}

@InputType({ description: 'Starts repairing a REPORTED fault: it goes IN_REPAIR (TECHNICIAN or managers)' })
export class StartRepairInput {
  @Field(() => ID, { description: 'The fault' })
  faultId: string;

  @Field(() => String, { description: 'Notes, up to 2000 characters', nullable: true })
  @Text({ max: 2000, optional: true })
  notes?: string | null;
}

@InputType({
  description:
    'Marks a fault repaired (TECHNICIAN or managers); when it was the last open one the asset returns IN_USE. Answers INVALID_TRANSITION when already repaired',
})
export class RepairFaultInput {
  @Field(() => ID, { description: 'The fault' })
  faultId: string;

  @Field(() => Date, { nullable: true, description: 'Default: now' })
  repairedAt?: Date | null;

  @Field(() => String, { description: 'What was done, up to 2000 characters', nullable: true })
  @Text({ max: 2000, optional: true })
  notes?: string | null;
}
