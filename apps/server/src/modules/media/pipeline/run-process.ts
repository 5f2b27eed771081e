import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { DomainError } from '../../../platform/errors.js';

export interface RunProcessOptions {
  /** Killed after this long in total. */
  timeoutMs?: number;
  /** Killed when it writes nothing (stdout or stderr) for this long. */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
  /** Receives stdout line by line; stdout is then not collected. */
  onStdoutLine?: (line: string) => void;
  /** Collected stdout above this size is cut off (and `stdoutTruncated` set). */
  maxStdoutBytes?: number;
  /**
   * The program's scheduling niceness (default 10): media tools yield the CPU to requests, the
   * database and other jobs in the same machine, and use what is left.
   */
  niceness?: number;
}

export interface RunProcessResult {
  exitCode: number | null;
  stdout: string;
  stdoutTruncated: boolean;
  /** The last few KiB of stderr: enough to classify a failure, bounded in memory. */
  stderr: string;
  endedBy: 'exit' | 'timeout' | 'idle' | 'abort';
}

const STDERR_TAIL_BYTES = 16 * 1024;

/**
 * Runs a program with an argument array — never through a shell — and resolves when it ends,
 * however it ends; only a missing binary rejects.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: RunProcessOptions = {},
): Promise<RunProcessResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      resolve({ exitCode: null, stdout: '', stdoutTruncated: false, stderr: '', endedBy: 'abort' });
      return;
    }
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    if (child.pid !== undefined) {
      try {
        setPriority(child.pid, options.niceness ?? 10);
      } catch {
        // Not permitted here (some containers): the program runs at the normal priority.
      }
    }
    let endedBy: RunProcessResult['endedBy'] = 'exit';
    const stdoutChunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stdoutTruncated = false;
    let stderrTail = Buffer.alloc(0);
    let pendingLine = '';

    const kill = (reason: RunProcessResult['endedBy']): void => {
      if (endedBy === 'exit') endedBy = reason;
      child.kill('SIGKILL');
    };
    const totalTimer = options.timeoutMs ? setTimeout(() => kill('timeout'), options.timeoutMs) : undefined;
    let idleTimer: NodeJS.Timeout | undefined;
    const touch = (): void => {
      if (!options.idleTimeoutMs) return;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => kill('idle'), options.idleTimeoutMs);
    };
    touch();
    const onAbort = (): void => kill('abort');
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.on('data', (chunk: Buffer) => {
      touch();
      if (options.onStdoutLine) {
        const lines = (pendingLine + chunk.toString('utf8')).split('\n');
        pendingLine = lines.pop() ?? '';
        for (const line of lines) options.onStdoutLine(line);
        return;
      }
      if (options.maxStdoutBytes !== undefined && stdoutBytes + chunk.length > options.maxStdoutBytes) {
        stdoutTruncated = true;
        return;
      }
      stdoutBytes += chunk.length;
      stdoutChunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      touch();
      stderrTail = Buffer.concat([stderrTail, chunk]);
      if (stderrTail.length > STDERR_TAIL_BYTES) stderrTail = stderrTail.subarray(-STDERR_TAIL_BYTES);
    });

    const cleanUp = (): void => {
      clearTimeout(totalTimer);
      clearTimeout(idleTimer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      cleanUp();
      if (error.code === 'ENOENT') {
        reject(new DomainError('media_tool_missing', `${command} is not installed or not on PATH.`));
      } else {
        reject(error);
      }
    });
    child.on('close', (exitCode) => {
      cleanUp();
      if (options.onStdoutLine && pendingLine !== '') options.onStdoutLine(pendingLine);
      resolve({
        exitCode,
        stdout: Buffer.concat(stdoutChunks).toString('utf8'),
        stdoutTruncated,
        stderr: stderrTail.toString('utf8'),
        endedBy,
      });
    });
  });
}
