import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { withFileLock } from './process-lock';

describe('withFileLock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsgraph-lock-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lets one holder in at a time', async () => {
    const lock = path.join(dir, 'serial.lock');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        withFileLock(lock, async () => {
          inside += 1;
          most = Math.max(most, inside);
          await sleep(20);
          inside -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a dead process', async () => {
    const lock = path.join(dir, 'stale.lock');
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'owner'), '999999999');
    await expect(withFileLock(lock, async () => 'taken', 2000)).resolves.toBe('taken');
  });
});
