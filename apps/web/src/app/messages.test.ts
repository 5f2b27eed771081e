/**
 * The catalogues are the app's words: every text on a screen is a message extracted from the code
 * (no text written outside them), the catalogues match what the code says, and each of the five
 * languages has every message (English is never a stand-in for a missing translation).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const web = path.resolve(import.meta.dirname, '../..');
const lingui = path.join(web, 'node_modules/.bin/lingui');

async function check(...args: string[]): Promise<{ passed: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(lingui, ['check', ...args, '--verbose', '--workers', '1'], { cwd: web });
    return { passed: true, output: stdout + stderr };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { passed: false, output: stdout + stderr };
  }
}

describe('messages', () => {
  it('the catalogues hold exactly the messages the code uses', async () => {
    const result = await check('sync', '--clean');
    expect(result.output).toContain('PASS');
    expect(result.passed, result.output).toBe(true);
  }, 120_000);

  it('every message is translated in every language', async () => {
    const result = await check('missing', '--mode', 'catalog');
    expect(result.passed, result.output).toBe(true);
  }, 120_000);

  it('no screen writes text outside the catalogues', async () => {
    // This rule only: the type-aware rules of the lint step would cost twice the time here.
    const eslint = new ESLint({
      cwd: path.resolve(web, '../..'),
      ruleFilter: ({ ruleId }) => ruleId === 'lingui/no-unlocalized-strings',
    });
    const results = await eslint.lintFiles([path.join(web, 'src/**/*.tsx')]);
    const unlocalised = results.flatMap((file) =>
      file.messages
        .filter((message) => message.ruleId === 'lingui/no-unlocalized-strings')
        .map((message) => `${path.relative(web, file.filePath)}:${message.line} ${message.message}`),
    );
    expect(unlocalised).toEqual([]);
  }, 300_000);
});
