import type { EmployeePosition, EmployeeStatus } from '@opsgraph/contracts-events';
import { AggregateRow } from '@opsgraph/persistence';
import { Column, Entity } from 'typeorm';

@Entity('employees')
export class EmployeeEntity extends AggregateRow {
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

  /** 1–30; null until HR sets one (PAY_GRADE_CHANGE). */
  @Column('int', { name: 'pay_grade', nullable: true })
  payGrade: number | null;
}
