import { spawn } from 'node:child_process';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Runs a program with an argument array (never through a shell, so paths and URLs need no
 * quoting) and resolves with its standard output; rejects with its standard error on failure.
 */
export function runCommand(command: string, args: string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', (error) => reject(new Error(`${command}: ${error.message}`)));
    child.once('close', (code, signal) => {
      if (code === 0) return resolve(Buffer.concat(out).toString('utf8'));
      const detail = Buffer.concat(err).toString('utf8').trim().split('\n').slice(-10).join('\n');
      reject(new Error(`${command} failed (${signal ?? `exit ${code}`})${detail ? `:\n${detail}` : ''}`));
    });
  });
}
