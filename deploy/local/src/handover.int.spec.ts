// `npm start` gets the infrastructure's result (database URLs, brokers) from a child process. Maven, which that
// child may run, writes `ESC[0mESC[0m` without a newline to its stdout when its cache is warm (a second clone, or
// `.local/` removed): the result must arrive intact whatever the child and its tools print.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const fixtures = path.join(__dirname, 'test-fixtures');

describe('the infrastructure hand-over to npm start', () => {
  it('reads the result from a file while the child writes Maven noise to its stdout', () => {
    // scripts/lib/infrastructure.mjs is what scripts/start.mjs calls; the noise goes into the `cli.ts up` child only.
    const program = `
      import { infrastructureUp } from './scripts/lib/infrastructure.mjs';
      const env = { ...process.env, NODE_OPTIONS: '--require ${path.join(fixtures, 'maven-noise.cjs')}' };
      process.stdout.write(JSON.stringify(infrastructureUp(env)));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', program], {
      cwd: root,
      env: { ...process.env, OPSGRAPH_INFRA_QUIET: '1' },
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('\x1b[0m\x1b[0m');
    const result = JSON.parse(run.stdout);
    expect(result.brokers.length).toBeGreaterThan(0);
    expect(result.databaseUrls.ticket).toMatch(/^postgres(ql)?:\/\/.*\/opsgraph_ticket$/);
    expect(['env', 'local', 'embedded']).toContain(result.postgres);
  });

  it("keeps Maven's output off stdout when it fetches the Kafka jars", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-maven-'));
    try {
      const bin = path.join(dir, 'bin');
      fs.mkdirSync(bin);
      fs.copyFileSync(path.join(fixtures, 'fake-mvn.sh'), path.join(bin, 'mvn'));
      fs.chmodSync(path.join(bin, 'mvn'), 0o755);
      fs.writeFileSync(path.join(bin, 'java'), '#!/bin/sh\n', { mode: 0o755 });
      const stdout = execFileSync(
        process.execPath,
        ['-r', './scripts/register.cjs', '-e', "require('./deploy/local/src/kafka.ts').ensureKafkaJars()"],
        {
          cwd: root,
          env: {
            ...process.env,
            OPSGRAPH_LOCAL_DIR: path.join(dir, 'local'),
            OPSGRAPH_INFRA_QUIET: '1',
            PATH: `${bin}${path.delimiter}${process.env.PATH}`,
          },
          encoding: 'utf8',
        },
      );
      expect(stdout).toBe('');
      expect(fs.existsSync(path.join(dir, 'local', 'kafka', 'libs', 'kafka-fake.jar'))).toBe(true);
      expect(fs.readFileSync(path.join(dir, 'local', 'kafka', 'logs', 'maven.log'), 'utf8')).toBe(
        '\x1b[0m\x1b[0m',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
