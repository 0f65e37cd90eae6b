import { readJson } from '@nx/devkit';
import fs from 'node:fs';
import path from 'node:path';
import { FsTree } from 'nx/src/generators/tree';
import { addEventSample, aggregateTypesOf, exportFromIndex, registerInTopics } from './edits';
import { manifestEntry, subgraphGenerator } from './generator';
import { pluralOf, subgraphNames } from './names';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const events = (file: string) => fs.readFileSync(path.join(root, 'libs/contracts/events/src', file), 'utf8');

describe('names', () => {
  it('spells a one-word subgraph and a kebab-case one with its aggregate', () => {
    expect(subgraphNames('vendor')).toEqual({
      name: 'vendor',
      Service: 'Vendor',
      database: 'opsgraph_vendor',
      aggregate: 'vendor',
      Aggregate: 'Vendor',
      CONST: 'VENDOR',
      plural: 'vendors',
      Plural: 'Vendors',
    });
    expect(subgraphNames('work-order', 'order')).toMatchObject({
      Service: 'WorkOrder',
      database: 'opsgraph_work_order',
      aggregate: 'order',
      plural: 'orders',
    });
    expect([pluralOf('inventory'), pluralOf('box'), pluralOf('day')]).toEqual([
      'inventories',
      'boxes',
      'days',
    ]);
  });

  it('refuses names events or the manifest cannot carry', () => {
    expect(() => subgraphNames('Vendor')).toThrow(/kebab-case/);
    expect(() => subgraphNames('work-order')).toThrow(/--aggregate=order/);
    expect(() => subgraphNames('kpi2')).toThrow(/--aggregate/);
    expect(() => subgraphNames('vendor', 'vendor_item')).toThrow(/one lower-case word/);
  });
});

describe('catalogue edits (on the real files)', () => {
  const n = subgraphNames('vendor');

  it('registers the event module in topics.ts: import, union, aggregate type, topic', () => {
    const before = events('topics.ts');
    const after = registerInTopics(before, n);
    expect(after).toContain("import { vendorEventDefinitions, type VendorEvent } from './vendor/vendor.events';");
    expect(after).toMatch(/export type DomainEvent =[^;]*\| VendorEvent;/);
    expect(aggregateTypesOf(after)).toEqual([...aggregateTypesOf(before), 'vendor']);
    expect(after).toMatch(
      /topic\('vendor', 3, 'vendor', 'Vendor events from the vendor service\.', vendorEventDefinitions\),?\n\]\);/,
    );
    // Nothing else moves.
    expect(after.split('\n').filter((line) => !before.split('\n').includes(line))).toHaveLength(4);
  });

  it('exports the module once from index.ts and adds a sample', () => {
    const index = exportFromIndex(events('index.ts'), n);
    expect(index.endsWith("export * from './vendor/vendor.events';\n")).toBe(true);
    expect(exportFromIndex(index, n)).toBe(index);
    const samples = addEventSample(events('testing/event-samples.ts'), n);
    expect(samples).toMatch(/'vendor\.created': \{\n {4}vendorId: '[0-9a-f-]{36}',/);
  });

  it('names the declaration it cannot find', () => {
    expect(() => registerInTopics('export const TOPICS = [];', n)).toThrow(
      /cannot find the type `DomainEvent`/,
    );
    expect(() => aggregateTypesOf('const x = 1;')).toThrow(/AGGREGATE_TYPES/);
  });
});

describe('manifest entry', () => {
  const existing = [4101, 4102, 4103].map((port, i) => ({
    name: `s${i}`,
    port,
    database: `d${i}`,
    owns: [],
    reads: [],
  }));

  it('takes the next free port, its own database, owns its aggregate and reads ticket', () => {
    expect(manifestEntry(subgraphNames('vendor'), existing)).toEqual({
      name: 'vendor',
      port: 4104,
      database: 'opsgraph_vendor',
      owns: ['vendor'],
      reads: ['ticket'],
    });
    expect(manifestEntry(subgraphNames('vendor'), existing, 4200).port).toBe(4200);
    expect(() => manifestEntry(subgraphNames('vendor'), existing, 4102)).toThrow(/taken/);
  });
});

describe('subgraphGenerator (in memory, over the real workspace)', () => {
  it('writes the service, the event contract and the manifest entry, and refuses a second run', async () => {
    const tree = new FsTree(root, false);
    await subgraphGenerator(tree, { name: 'vendor', skipFormat: true, skipRegenerate: true });
    const written = tree.listChanges().map((change) => `${change.type} ${change.path}`);
    expect(written).toEqual(
      expect.arrayContaining([
        'CREATE services/vendor/project.json',
        'CREATE services/vendor/src/main.ts',
        'CREATE services/vendor/src/tracing.ts',
        'CREATE services/vendor/src/subgraph.ts',
        'CREATE services/vendor/src/permissions.ts',
        'CREATE services/vendor/src/migrations/index.ts',
        'CREATE services/vendor/src/vendors/vendor.resolver.ts',
        'CREATE services/vendor/src/vendors/vendor.int.spec.ts',
        'CREATE services/vendor/src/vendors/projections/ticket-openings.projection.ts',
        'CREATE libs/contracts/events/src/vendor/vendor.events.ts',
        'UPDATE libs/contracts/events/src/topics.ts',
        'UPDATE services/manifest.json',
      ]),
    );
    expect(written.filter((line) => /migrations\/\d{13}-CreateVendors\.ts$/.test(line))).toHaveLength(1);
    expect(written.filter((line) => line.includes('__') || line.endsWith('tmpl__'))).toEqual([]);
    expect(readJson(tree, 'services/vendor/project.json')).toMatchObject({
      name: 'vendor',
      tags: ['type:service'],
      targets: { lint: {}, typecheck: {}, test: {}, sdl: {}, replay: {} },
    });
    expect(readJson(tree, 'services/manifest.json').subgraphs.at(-1)).toMatchObject({
      name: 'vendor',
      owns: ['vendor'],
    });
    await expect(subgraphGenerator(tree, { name: 'vendor', skipFormat: true })).rejects.toThrow(
      /exists already/,
    );
    await expect(subgraphGenerator(tree, { name: 'ticket', skipFormat: true })).rejects.toThrow(
      /exists already/,
    );
  });
});
