import { Column, DataSource, Entity } from 'typeorm';
import { AggregateRow, TimestampColumn } from './columns';

@Entity('notes')
class NoteEntity extends AggregateRow {
  @Column('text')
  body: string;

  @TimestampColumn('read_at', { nullable: true })
  readAt: Date | null;
}

describe('AggregateRow and TimestampColumn', () => {
  it('map the shared columns of an aggregate row, and timestamps as timestamptz', async () => {
    // Metadata only: the data source never connects.
    const dataSource = new DataSource({
      type: 'postgres',
      url: 'postgres://nobody@127.0.0.1:1/none',
      entities: [NoteEntity],
    });
    await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
    const columns = dataSource.getMetadata(NoteEntity).columns.map((column) => ({
      property: column.propertyName,
      column: column.databaseName,
      type: column.type,
      nullable: column.isNullable,
      primary: column.isPrimary,
      version: column.isVersion,
    }));
    expect(columns).toEqual([
      { property: 'id', column: 'id', type: 'uuid', nullable: false, primary: true, version: false },
      {
        property: 'version',
        column: 'version',
        type: 'int',
        nullable: false,
        primary: false,
        version: false,
      },
      {
        property: 'createdAt',
        column: 'created_at',
        type: 'timestamptz',
        nullable: false,
        primary: false,
        version: false,
      },
      {
        property: 'updatedAt',
        column: 'updated_at',
        type: 'timestamptz',
        nullable: false,
        primary: false,
        version: false,
      },
      { property: 'body', column: 'body', type: 'text', nullable: false, primary: false, version: false },
      {
        property: 'readAt',
        column: 'read_at',
        type: 'timestamptz',
        nullable: true,
        primary: false,
        version: false,
      },
    ]);
  });
});
