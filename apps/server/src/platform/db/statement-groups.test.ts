import { describe, expect, it } from 'vitest';
import { StatementGroups } from './statement-groups';

/** A `send` whose statements the test finishes by hand, in order. */
function manualSend() {
  const sent: { key: string; inputs: number[]; finish(fail?: Error): void }[] = [];
  const groups = new StatementGroups<string, number, number>(
    (key, inputs) =>
      new Promise((resolve, reject) => {
        sent.push({ key, inputs, finish: (fail) => (fail ? reject(fail) : resolve(inputs.map((n) => n * 10))) });
      }),
  );
  return { groups, sent };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('statement groups', () => {
  it('sends a lone request at once, and those that arrive meanwhile together next, each answered its own', async () => {
    const { groups, sent } = manualSend();
    const first = groups.submit('a', 1);
    expect(sent.map((s) => s.inputs)).toEqual([[1]]);
    const rest = [2, 3, 4].map((n) => groups.submit('a', n));
    await tick();
    expect(sent).toHaveLength(1);
    sent[0]!.finish();
    expect(await first).toBe(10);
    await tick();
    expect(sent.map((s) => s.inputs)).toEqual([[1], [2, 3, 4]]);
    sent[1]!.finish();
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
    // Nothing in flight again: the next goes at once.
    const later = groups.submit('a', 5);
    expect(sent.map((s) => s.inputs)).toHaveLength(3);
    sent[2]!.finish();
    expect(await later).toBe(50);
  });

  it('keeps keys apart: one key in flight does not hold another', () => {
    const { groups, sent } = manualSend();
    void groups.submit('a', 1);
    void groups.submit('b', 2);
    expect(sent.map((s) => [s.key, s.inputs])).toEqual([
      ['a', [1]],
      ['b', [2]],
    ]);
  });

  it('fails every request of a failed statement, then sends the next group', async () => {
    const { groups, sent } = manualSend();
    const first = groups.submit('a', 1);
    const second = groups.submit('a', 2);
    const third = groups.submit('a', 3);
    sent[0]!.finish();
    await first;
    await tick();
    sent[1]!.finish(new Error('connection lost'));
    await expect(second).rejects.toThrow('connection lost');
    await expect(third).rejects.toThrow('connection lost');
    const after = groups.submit('a', 4);
    sent[2]!.finish();
    expect(await after).toBe(40);
  });

  it('fails a group whose answers do not match its requests', async () => {
    const groups = new StatementGroups<string, number, number>(() => Promise.resolve([]));
    await expect(groups.submit('a', 1)).rejects.toThrow('a group of 1 got 0 answers');
  });
});
