import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../..');

/** The repository's boundaries block of eslint.config.js, with the TypeScript parser. */
async function boundariesConfig(): Promise<Linter.Config[]> {
  const loaded = (await import(pathToFileURL(path.join(root, 'eslint.config.js')).href)) as {
    default: Linter.Config[];
  };
  const blocks = loaded.default.filter((block) => block.rules?.['boundaries/dependencies'] !== undefined);
  expect(blocks).toHaveLength(1);
  return [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } }, ...blocks];
}

/** The boundary messages for code as if it sat at `file` (a path from the repository root). */
async function boundaryErrors(code: string, file: string): Promise<string[]> {
  const linter = new Linter({ cwd: root });
  return linter
    .verify(code, await boundariesConfig(), path.join(root, file))
    .map((m) => {
      if (m.fatal) throw new Error(m.message);
      return m;
    })
    .filter((m) => m.ruleId === 'boundaries/dependencies')
    .map((m) => m.message);
}

describe('lint: a web feature imports only shared/, and app/ composes the features', () => {
  it('flags a feature importing another feature', async () => {
    const code = `import { OrderScreen } from '../orders/order-screen';\nexport const S = OrderScreen;\n`;
    const errors = await boundaryErrors(code, 'apps/web/src/features/story/sample.tsx');
    expect(errors).toEqual([expect.stringContaining('A feature imports no other feature ("orders")')]);
  });

  it('flags a lazy import of another feature too', async () => {
    const code = `export const load = () => import('../orders/order-screen');\n`;
    expect(await boundaryErrors(code, 'apps/web/src/features/story/sample.tsx')).toHaveLength(1);
  });

  it('flags a feature or shared/ importing app/', async () => {
    const code = `import { queryClient } from '../../app/query-client';\nexport const q = queryClient;\n`;
    expect(await boundaryErrors(code, 'apps/web/src/features/story/sample.ts')).toEqual([
      expect.stringContaining('app/ composes the features'),
    ]);
    expect(await boundaryErrors(code, 'apps/web/src/shared/ui/sample.ts')).toHaveLength(1);
  });

  it('flags shared/ importing a feature', async () => {
    const code = `import { OrderScreen } from '../../features/orders/order-screen';\nexport const S = OrderScreen;\n`;
    expect(await boundaryErrors(code, 'apps/web/src/shared/ui/sample.tsx')).toEqual([
      expect.stringContaining('shared/ serves every feature and imports none ("orders")'),
    ]);
  });

  it('allows a feature its own files and shared/, and app/ the features', async () => {
    const feature = `import { formatMoney } from '../../shared/money';\nimport { BidForm } from './bid-form';\nexport const a = [formatMoney, BidForm];\n`;
    expect(await boundaryErrors(feature, 'apps/web/src/features/story/sample.tsx')).toEqual([]);
    const app = `import { OrderScreen } from '../features/orders/order-screen';\nexport const S = OrderScreen;\n`;
    expect(await boundaryErrors(app, 'apps/web/src/app/sample.tsx')).toEqual([]);
  });
});
