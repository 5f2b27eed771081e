/**
 * Requests that would each send the same statement, sent together. For each key, with none in
 * flight a request goes out at once, alone; the requests that arrive while it is in flight wait
 * for it, then go out as one statement, and so on. A lone request waits for nothing, and under
 * load a key costs one statement per round trip however many requests it serves. Each request
 * made after the previous statement was sent, so what the next one reads was read after every
 * request in it arrived.
 */
export class StatementGroups<K, In, Out> {
  private readonly waiting = new Map<K, Waiting<In, Out>[]>();

  /** `send` answers a group's inputs in order: one output for each. */
  constructor(private readonly send: (key: K, inputs: In[]) => Promise<Out[]>) {}

  submit(key: K, input: In): Promise<Out> {
    return new Promise<Out>((settle, fail) => {
      const queued = this.waiting.get(key);
      if (queued !== undefined) {
        queued.push({ input, settle, fail });
        return;
      }
      this.waiting.set(key, []);
      void this.drain(key, [{ input, settle, fail }]);
    });
  }

  /** Sends `group`, then whatever arrived meanwhile, until nothing waits for `key`. */
  private async drain(key: K, group: Waiting<In, Out>[]): Promise<void> {
    while (group.length > 0) {
      try {
        const outputs = await this.send(
          key,
          group.map((entry) => entry.input),
        );
        if (outputs.length !== group.length)
          throw new Error(`a group of ${group.length} got ${outputs.length} answers`);
        group.forEach((entry, i) => entry.settle(outputs[i]!));
      } catch (err) {
        for (const entry of group) entry.fail(err);
      }
      group = this.waiting.get(key) ?? [];
      this.waiting.set(key, []);
    }
    this.waiting.delete(key);
  }
}

interface Waiting<In, Out> {
  input: In;
  settle: (output: Out) => void;
  fail: (err: unknown) => void;
}
