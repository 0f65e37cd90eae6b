import fs from 'node:fs';
import path from 'node:path';
import { SUPERGRAPH_FILE } from '../compose';
import {
  BREAKING_ACKNOWLEDGED_FILE,
  PUBLIC_SCHEMA_FILE,
  RELEASED_SCHEMA_FILE,
  ROOT,
  publicSchemaOf,
} from './api-schema';
import { checkBreakingChanges, checkDescriptions, listLines } from './checks';
import { BROKEN, DOCUMENTED, FIXTURE_SUPERGRAPH, UNDOCUMENTED } from './fixtures';

const read = (file: string) => fs.readFileSync(file, 'utf8');
const relative = (file: string) => path.relative(ROOT, file);

describe('docs/graphql/schema.graphql (the public schema)', () => {
  it('is the API schema of the committed supergraph (else: npx nx run gateway:compose)', () => {
    const expected = publicSchemaOf(read(SUPERGRAPH_FILE));
    if (read(PUBLIC_SCHEMA_FILE) !== expected) {
      throw new Error(
        `${relative(PUBLIC_SCHEMA_FILE)} is stale: run \`npx nx run gateway:compose\` and commit it`,
      );
    }
    expect(expected).not.toMatch(/join__|link__|@inaccessible/);
  });

  it('describes every public type, field, argument, input field, enum value and scalar (100 %)', () => {
    const report = checkDescriptions(read(PUBLIC_SCHEMA_FILE), read(SUPERGRAPH_FILE));
    console.log(
      `public schema descriptions: ${report.documented}/${report.total} ` +
        `(${((100 * report.documented) / report.total).toFixed(1)}%)`,
    );
    expect(report.total).toBeGreaterThan(0);
    // Named per owning subgraph, so the failure says where a description is missing.
    expect({ undocumented: report.byOwner }).toEqual({ undocumented: {} });
    expect(report.documented).toBe(report.total);
  });

  it('has no breaking change against docs/graphql/schema.released.graphql that is not acknowledged', async () => {
    const report = await checkBreakingChanges(
      read(RELEASED_SCHEMA_FILE),
      read(PUBLIC_SCHEMA_FILE),
      listLines(read(BREAKING_ACKNOWLEDGED_FILE)),
    );
    expect(report.unacknowledged).toEqual([]);
  });
});

describe('the guards fail on broken fixtures', () => {
  it('description check: passes a fully described schema', () => {
    const report = checkDescriptions(DOCUMENTED, FIXTURE_SUPERGRAPH);
    expect(report.missing).toEqual([]);
    expect(report.documented).toBe(report.total);
    expect(report.total).toBe(15);
  });

  it('description check: fails on one undocumented field, argument, enum value, input field and scalar', () => {
    const report = checkDescriptions(UNDOCUMENTED, FIXTURE_SUPERGRAPH);
    expect(report.missing.sort()).toEqual([
      'Colour',
      'Query.widget(id:)',
      'Widget.name',
      'WidgetFilter.size',
      'WidgetSize.LARGE',
    ]);
    expect(report.documented).toBe(report.total - 5);
    expect(report.byOwner).toEqual({ alpha: expect.arrayContaining(['Widget.name', 'WidgetSize.LARGE']) });
  });

  it('description check: a blank description counts as none', () => {
    const blank = DOCUMENTED.replace('"""Fits in a hand"""', '""" """');
    expect(checkDescriptions(blank, FIXTURE_SUPERGRAPH).missing).toEqual(['WidgetSize.SMALL']);
  });

  it('breaking-change check: a removed field and a changed argument type fail unless acknowledged', async () => {
    expect((await checkBreakingChanges(DOCUMENTED, DOCUMENTED, [])).unacknowledged).toEqual([]);
    const report = await checkBreakingChanges(DOCUMENTED, BROKEN, []);
    expect(report.unacknowledged).toEqual(
      [
        expect.stringMatching(/^Query\.widget\.id: /),
        expect.stringMatching(/^Widget\.name: .*removed/),
      ].sort(),
    );
    const acknowledged = [
      'Widget.name retired after the 2026-12 release',
      'Query.widget.id ids are numbers now',
    ];
    expect((await checkBreakingChanges(DOCUMENTED, BROKEN, acknowledged)).unacknowledged).toEqual([]);
  });

  it('breaking-change check: an added optional field is not breaking', async () => {
    const added = DOCUMENTED.replace('name: String!', 'name: String!\n  """Its colour"""\n  colour: String');
    const report = await checkBreakingChanges(DOCUMENTED, added, []);
    expect(report.unacknowledged).toEqual([]);
    expect(new Set(report.all.map((change) => change.path))).toEqual(new Set(['Widget.colour']));
  });
});
