import { TimestampColumn } from '@opsgraph/persistence';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('sla_policies')
export class SlaPolicyEntity {
  @PrimaryColumn('text')
  priority: string;

  @Column('int', { name: 'response_seconds' })
  responseSeconds: number;

  @Column('int', { name: 'resolution_seconds' })
  resolutionSeconds: number;

  @Column('int')
  version: number;

  @TimestampColumn('updated_at')
  updatedAt: Date;

  @Column('text', { name: 'updated_by', nullable: true })
  updatedBy: string | null;
}
