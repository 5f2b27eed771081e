import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from './run-process';

/**
 * Runs a shell that waits for `gate` to exist, then prints the niceness the kernel reports for it
 * (field 19 of /proc/<pid>/stat). The gate opens only once runProcess has returned, so the reading
 * is taken after the priority was set, however loaded the machine is.
 */
async function nicenessOfChild(options?: { niceness: number }): Promise<number> {
  const gate = join(await mkdtemp(join(tmpdir(), 'niceness-')), 'open');
  const script = `while [ ! -e '${gate}' ]; do sleep 0.01; done; cut -d" " -f19 /proc/$$/stat`;
  const running = runProcess('sh', ['-c', script], options);
  await writeFile(gate, '');
  return Number((await running).stdout.trim());
}

describe('runProcess', () => {
  it('runs media tools at a lower priority than the server, by default and as asked', async () => {
    // The test runner itself runs at the normal priority.
    expect(Number((await readFile('/proc/self/stat', 'utf8')).split(' ')[18])).toBe(0);
    expect(await nicenessOfChild()).toBe(10);
    expect(await nicenessOfChild({ niceness: 15 })).toBe(15);
  });

  it('ends a program that outlives its timeout, and says so', async () => {
    const result = await runProcess('sleep', ['5'], { timeoutMs: 100 });
    expect(result.endedBy).toBe('timeout');
  });
});
