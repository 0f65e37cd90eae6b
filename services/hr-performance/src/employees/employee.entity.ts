import type { EmployeePosition, EmployeeStatus } from '@opsgraph/contracts-events';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('employees')
export class EmployeeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'employee_number' })
  employeeNumber: string;

  @Column('text')
  name: string;

  @Column('text')
  position: EmployeePosition;

  @Column('uuid', { name: 'department_id' })
  departmentId: string;

  @Column('uuid', { name: 'manager_id', nullable: true })
  managerId: string | null;

  /** `YYYY-MM-DD` (TypeORM hydrates `date` columns as strings). */
  @Column('date', { name: 'hire_date' })
  hireDate: string;

  @Column('date', { name: 'left_date', nullable: true })
  leftDate: string | null;

  @Column('text')
  status: EmployeeStatus;

  @Column('int')
  version: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
