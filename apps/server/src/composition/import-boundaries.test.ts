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
  return [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...blocks];
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

describe('lint: server modules meet only at their entries, platform imports no module', () => {
  it("flags a module importing another module's internals", async () => {
    const code = `import { findPayment } from '../payments/repo/money';\nexport const f = findPayment;\n`;
    const errors = await boundaryErrors(code, 'apps/server/src/modules/orders/sample.ts');
    expect(errors).toEqual([expect.stringContaining('import "modules/payments" (index.ts), not "repo/money.ts"')]);
  });

  it("allows another module's entry, and a module's own internals", async () => {
    const code = `import type { PaymentsService } from '../payments';\nimport { findOrder } from './repo';\nexport type S = PaymentsService;\nexport const f = findOrder;\n`;
    expect(await boundaryErrors(code, 'apps/server/src/modules/orders/sample.ts')).toEqual([]);
  });

  it("lets tests use another module's test helpers, never its internals", async () => {
    const helpers = `import { signIn } from '../payments/test-support';\nexport const f = signIn;\n`;
    expect(await boundaryErrors(helpers, 'apps/server/src/modules/orders/sample.test.ts')).toEqual([]);
    expect(await boundaryErrors(helpers, 'apps/server/src/modules/orders/sample.ts')).toHaveLength(1);
    const internals = `import { findPayment } from '../payments/repo/money';\nexport const f = findPayment;\n`;
    expect(await boundaryErrors(internals, 'apps/server/src/modules/orders/sample.test.ts')).toHaveLength(1);
  });

  it('flags platform importing a module, even its entry', async () => {
    const code = `import type { OrdersService } from '../modules/orders';\nexport type S = OrdersService;\n`;
    const errors = await boundaryErrors(code, 'apps/server/src/platform/sample.ts');
    expect(errors).toEqual([expect.stringContaining('platform/ is machinery shared by every module')]);
  });

  it('flags platform or a module importing the composition root outside tests', async () => {
    const code = `import { createModules } from '../composition/modules';\nexport const f = createModules;\n`;
    expect(await boundaryErrors(code, 'apps/server/src/platform/sample.ts')).toEqual([
      expect.stringContaining('Only the process entry and tests use the composition root'),
    ]);
    const fromModule = `import { createModules } from '../../composition/modules';\nexport const f = createModules;\n`;
    expect(await boundaryErrors(fromModule, 'apps/server/src/modules/orders/sample.ts')).toHaveLength(1);
    const runtime = `import type { Runtime } from '../composition/runtime';\nexport type R = Runtime;\n`;
    expect(await boundaryErrors(runtime, 'apps/server/src/platform/sample.test.ts')).toEqual([]);
  });
});
