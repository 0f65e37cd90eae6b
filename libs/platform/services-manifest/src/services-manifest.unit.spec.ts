import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  loadServicesManifest,
  localSubgraphUrl,
  parseServicesManifest,
  serviceDefaults,
  ServicesManifestError,
  subgraphOf,
  subgraphUrlVariable,
} from './services-manifest';

const ticket = { name: 'ticket', port: 4101, database: 'opsgraph_ticket', owns: ['ticket'], reads: [] };
const customer = {
  name: 'customer',
  port: 4102,
  database: 'opsgraph_customer',
  owns: ['customer'],
  reads: ['ticket'],
};

describe('parseServicesManifest', () => {
  it('accepts subgraphs and defaults env to {}', () => {
    const manifest = parseServicesManifest({
      subgraphs: [ticket, { ...customer, env: { FEATURE_X: 'on' } }],
    });
    expect(manifest.subgraphs).toEqual([
      { ...ticket, env: {} },
      { ...customer, env: { FEATURE_X: 'on' } },
    ]);
    expect(Object.isFrozen(manifest.subgraphs[0])).toBe(true);
  });

  it.each([
    [/expected \{ "subgraphs"/, {}],
    [/expected \{ "subgraphs"/, { subgraphs: [] }],
    [/subgraph Ticket: "name" must be kebab-case/, { subgraphs: [{ ...ticket, name: 'Ticket' }] }],
    [/subgraph ticket: "port"/, { subgraphs: [{ ...ticket, port: 80 }] }],
    [/subgraph ticket: "database"/, { subgraphs: [{ ...ticket, database: 'opsgraph-ticket' }] }],
    [/subgraph ticket: "owns" must be a list/, { subgraphs: [{ ...ticket, owns: 'ticket' }] }],
    [/"reads" names an aggregate type twice/, { subgraphs: [{ ...ticket, reads: ['ticket', 'ticket'] }] }],
    [/unknown field\(s\) own/, { subgraphs: [{ ...ticket, own: [] }] }],
    [/"env" must map UPPER_CASE names to strings/, { subgraphs: [{ ...ticket, env: { port: 1 } }] }],
    [/ticket and customer share port 4101/, { subgraphs: [ticket, { ...customer, port: 4101 }] }],
    [/share name ticket/, { subgraphs: [ticket, { ...customer, name: 'ticket' }] }],
    [/share database opsgraph_ticket/, { subgraphs: [ticket, { ...customer, database: 'opsgraph_ticket' }] }],
    [/ticket and customer both own ticket/, { subgraphs: [ticket, { ...customer, owns: ['ticket'] }] }],
  ])('refuses a manifest that fails with %p', (message, value) => {
    expect(() => parseServicesManifest(value)).toThrow(ServicesManifestError);
    expect(() => parseServicesManifest(value)).toThrow(message);
  });
});

describe('loadServicesManifest', () => {
  it('names the file it cannot read or parse', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    try {
      const file = path.join(dir, 'manifest.json');
      expect(() => loadServicesManifest(file)).toThrow(/cannot read the services manifest .*manifest\.json/);
      fs.writeFileSync(file, '{ "subgraphs": [');
      expect(() => loadServicesManifest(file)).toThrow(/manifest\.json is not JSON/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the committed services/manifest.json', () => {
    // The generator appends subgraphs, so only the first slice's order is fixed here.
    const names = loadServicesManifest().subgraphs.map((subgraph) => subgraph.name);
    expect(names.slice(0, 3)).toEqual(['ticket', 'customer', 'hr-performance']);
    expect(names).toEqual(expect.arrayContaining(['asset', 'incident']));
    expect(serviceDefaults('hr-performance')).toEqual({ port: 4103, database: 'opsgraph_hr_performance' });
  });
});

describe('helpers', () => {
  const manifest = parseServicesManifest({ subgraphs: [ticket, customer] });

  it('finds a subgraph or lists the known ones', () => {
    expect(subgraphOf('customer', manifest).port).toBe(4102);
    expect(() => subgraphOf('asset', manifest)).toThrow(
      'no subgraph "asset" in services/manifest.json (known: ticket, customer)',
    );
  });

  it('derives the local URL and the gateway variable', () => {
    expect(localSubgraphUrl(subgraphOf('ticket', manifest))).toBe('http://127.0.0.1:4101/graphql');
    expect(subgraphUrlVariable('hr-performance')).toBe('SUBGRAPH_URL_HR_PERFORMANCE');
  });
});
