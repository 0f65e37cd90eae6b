import type { EmployeePosition } from '@opsgraph/contracts-events';
import { TimestampColumn } from '@opsgraph/persistence';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per position; the table's CHECK keeps the five weights at a total of 100. */
@Entity('kpi_definitions')
export class KpiDefinitionEntity {
  @PrimaryColumn('text')
  position: EmployeePosition;

  @Column('int', { name: 'service_quality' })
  serviceQuality: number;

  @Column('int')
  efficiency: number;

  @Column('int', { name: 'customer_satisfaction' })
  customerSatisfaction: number;

  @Column('int')
  teamwork: number;

  @Column('int')
  attitude: number;

  @Column('int')
  version: number;

  @TimestampColumn('updated_at')
  updatedAt: Date;
}
