import { AggregateRow } from '@opsgraph/persistence';
import { Column, Entity } from 'typeorm';

@Entity('departments')
export class DepartmentEntity extends AggregateRow {
  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  @Column('uuid', { name: 'manager_id', nullable: true })
  managerId: string | null;
}
