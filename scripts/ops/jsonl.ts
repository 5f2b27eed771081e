import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const BATCH_ROWS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

/** The lines of a JSON-lines file, in batches small enough for one INSERT each. */
export async function* readRowBatches(file: string): AsyncGenerator<string[]> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let batch: string[] = [];
  let bytes = 0;
  for await (const line of lines) {
    if (!line) continue;
    batch.push(line);
    bytes += line.length;
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
      yield batch;
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) yield batch;
}
