import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../../..');

/** The blocks of the repository's eslint.config.js that restrict syntax, with the TypeScript parser. */
async function restrictingConfig(): Promise<Linter.Config[]> {
  const loaded = (await import(pathToFileURL(path.join(root, 'eslint.config.js')).href)) as {
    default: Linter.Config[];
  };
  const blocks = loaded.default.filter((block) => block.rules?.['no-restricted-syntax'] !== undefined);
  return [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } }, ...blocks];
}

/** The raw-fetch messages for code as if it sat at `file` (a path from the repository root). */
async function restrictedSyntaxIn(code: string, file: string): Promise<string[]> {
  const linter = new Linter({ cwd: root });
  return linter
    .verify(code, await restrictingConfig(), path.join(root, file))
    .filter((m) => m.ruleId === 'no-restricted-syntax' && m.message.includes('typed client'))
    .map((m) => m.message);
}

const RAW_CALLS = `
const storyId = 'x';
export const feed = () => fetch('/v1/feed');
export const story = () => fetch(\`/v1/stories/\${storyId}\`);
export const me = () => window.fetch(new Request(\`\${location.origin}/v1/me\`));
`;

describe('lint: the web app calls the API only through the typed client', () => {
  it('flags a raw fetch of a /v1 path in a screen', async () => {
    const messages = await restrictedSyntaxIn(RAW_CALLS, 'apps/web/src/features/feed/raw-calls.ts');
    expect(messages).toHaveLength(3);
  });

  it('leaves other fetches alone, and the file that configures the client', async () => {
    const other = `export const icon = () => fetch('/icons/192.png');\nexport const health = () => fetch('/v10/x');\n`;
    expect(await restrictedSyntaxIn(other, 'apps/web/src/features/feed/raw-calls.ts')).toEqual([]);
    expect(await restrictedSyntaxIn(RAW_CALLS, 'apps/web/src/shared/api/client.ts')).toEqual([]);
  });
});
