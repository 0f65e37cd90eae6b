// Column mappings every service's TypeORM entities share. Tables come from migrations (never synchronized), so these
// only say how a row's columns map to properties.
import { Column, PrimaryColumn } from 'typeorm';

/** A `timestamptz` column, read and written as a `Date`; `not null` unless `nullable`. */
export function TimestampColumn(name: string, options: { nullable?: boolean } = {}): PropertyDecorator {
  return Column({ name, type: 'timestamptz', nullable: options.nullable ?? false });
}

/**
 * The columns of an aggregate's row: its `uuid` id, the `version` the write path checks and raises (optimistic
 * concurrency: a plain column, not TypeORM's auto-incrementing `@VersionColumn`), `created_at` and `updated_at`.
 * An entity extends it and declares the aggregate's own columns.
 */
export abstract class AggregateRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column('int')
  version: number;

  @TimestampColumn('created_at')
  createdAt: Date;

  @TimestampColumn('updated_at')
  updatedAt: Date;
}
