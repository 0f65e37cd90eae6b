import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageOf, summarizeProfile } from './profile';

describe('CPU profile summary', () => {
  const root = '/repo';

  it('names the package a frame comes from', () => {
    expect(packageOf('file:///repo/node_modules/@apollo/gateway/dist/executeQueryPlan.js', root)).toBe(
      '@apollo/gateway',
    );
    expect(packageOf('file:///repo/node_modules/graphql/execution/execute.js', root)).toBe('graphql');
    expect(packageOf('file:///repo/gateway/src/http/handler.ts', root)).toBe('gateway/src');
    expect(packageOf('node:internal/http', root)).toBe('node (core)');
    expect(packageOf('', root)).toBe('(native / V8)');
  });

  it('ranks self time by function and by package, idle left out', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'profile-')), 'x.cpuprofile');
    const frame = (id: number, functionName: string, url: string) => ({
      id,
      callFrame: { functionName, url, lineNumber: 9 },
    });
    fs.writeFileSync(
      file,
      JSON.stringify({
        nodes: [
          frame(1, '(idle)', ''),
          frame(2, 'execute', 'file:///repo/node_modules/graphql/execute.js'),
          frame(3, 'parse', 'file:///repo/node_modules/graphql/parse.js'),
          frame(4, '(garbage collector)', ''),
        ],
        samples: [1, 1, 1, 2, 2, 2, 3, 4],
      }),
    );
    const summary = summarizeProfile(file, root);
    expect(summary.samples).toBe(5);
    expect(summary.packages[0]).toEqual({ name: 'graphql', share: 0.8 });
    expect(summary.functions[0]).toEqual({ name: 'execute (graphql:execute.js:10)', share: 0.6 });
  });
});
