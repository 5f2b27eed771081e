import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import lingui from 'eslint-plugin-lingui';
import tseslint from 'typescript-eslint';

const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/test-support.ts', '**/*-test-support.ts', '**/test-fixtures.ts'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '.tools/**',
      'packages/api-client/src/schema.ts',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      'no-console': 'off',
    },
  },
  {
    // The web app runs in the browser (its build and test configs in Node).
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The web app reaches the API only through the generated, typed client (shared/api/client.ts
    // configures it over the session's fetch): a hand-written request to /v1 escapes its types,
    // the bearer token, the shared refresh and the ApiError mapping.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/shared/api/client.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression:matches([callee.name='fetch'], [callee.property.name='fetch']) :matches(Literal[value=/\\x2Fv1(\\x2F|\\?|$)/], TemplateElement[value.raw=/\\x2Fv1(\\x2F|\\?|$)/])",
          message: 'Call the API through the typed client (`api` from shared/api/client), not a raw fetch of /v1.',
        },
      ],
    },
  },
  {
    // Every word a screen shows comes from the message catalogues (<Trans>, t): text outside them
    // would reach Portuguese, Spanish, French and German viewers in English.
    files: ['apps/web/src/**/*.tsx'],
    ignores: TESTS,
    plugins: { lingui },
    rules: {
      'lingui/no-unlocalized-strings': [
        'error',
        {
          // Not words: codes, keys, paths, class names and other strings with no letter run that
          // reads as text (no space and not capitalised).
          ignore: ['^(?![A-Z])\\S*$', '^[A-Z0-9_]+$', '^[A-Z][a-z]+[A-Z]\\w*$', '^[Mm]-?\\d[\\d\\s.,a-zA-Z-]*$'],
          ignoreNames: [
            { regex: { pattern: '^(className|class|id|key|type|role|href|to|src|name|method|mode|as|rel|target)$' } },
            { regex: { pattern: '^(data|aria)-(?!label|description|valuetext|roledescription|placeholder)' } },
            { regex: { pattern: '(Class|Key|Id|Url|Path|Kind|Type|Status|Variant|Tone|Icon|Testid)$' } },
            { regex: { pattern: '^[A-Z0-9_]+$' } },
            'autoComplete',
            'inputMode',
            'enterKeyHint',
            'accept',
            'pattern',
            'lang',
            'dir',
            'htmlFor',
            'form',
            'preload',
            'crossOrigin',
            'loading',
            'decoding',
            'sizes',
            'capture',
            'step',
            'min',
            'max',
          ],
          ignoreFunctions: [
            'console.*',
            'Error',
            '*.addEventListener',
            '*.removeEventListener',
            '*.setAttribute',
            '*.getAttribute',
            '*.querySelector',
            '*.querySelectorAll',
            '*.createElement',
            'document.*',
            'localStorage.*',
            'sessionStorage.*',
            'matchMedia',
            'new URL',
            'URL',
            'URLSearchParams',
            '*.searchParams.*',
            'navigate',
            'useNavigate',
            'track',
            'invalidate',
            'cx',
            'classNames',
          ],
          useTsTypes: true,
        },
      ],
    },
  },
  {
    // Seams between the parts of the product (docs/architecture.md, "What each module may import").
    // Server: a module reaches another only through its entry (index.ts); platform/ imports no
    // module and not the composition root, which alone wires modules together. A module's tests
    // may also use another module's test helpers (test-support.ts, test-fixtures.ts), and tests
    // of modules and platform may start the whole product (composition/runtime.ts).
    // Web: a feature imports no other feature and not app/; shared/ imports neither.
    files: ['apps/server/src/**/*.ts', 'apps/web/src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': import.meta.dirname,
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'boundaries/elements': [
        { type: 'server-module', pattern: 'apps/server/src/modules/*', capture: ['name'] },
        { type: 'server-platform', pattern: 'apps/server/src/platform' },
        { type: 'server-composition', pattern: 'apps/server/src/composition' },
        { type: 'web-feature', pattern: 'apps/web/src/features/*', capture: ['name'] },
        { type: 'web-shared', pattern: 'apps/web/src/shared' },
        { type: 'web-app', pattern: 'apps/web/src/app' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          rules: [
            {
              from: { type: 'server-module' },
              disallow: { to: { type: 'server-module' } },
              message:
                'A module reaches another module only through its entry: import "modules/{{to.captured.name}}" (index.ts), not "{{to.internalPath}}".',
            },
            { from: { type: 'server-module' }, allow: { to: { type: 'server-module', internalPath: 'index.ts' } } },
            {
              from: { type: 'server-module', path: TESTS },
              allow: { to: { type: 'server-module', internalPath: ['test-support.ts', 'test-fixtures.ts'] } },
            },
            {
              from: { type: ['server-module', 'server-platform'] },
              disallow: { to: { type: 'server-composition' } },
              message: 'Only the process entry and tests use the composition root (src/composition).',
            },
            {
              from: { type: ['server-module', 'server-platform'], path: TESTS },
              allow: { to: { type: 'server-composition', internalPath: 'runtime.ts' } },
            },
            {
              from: { type: 'server-platform' },
              disallow: { to: { type: 'server-module' } },
              message:
                'platform/ is machinery shared by every module: it imports no module (wire modules in src/composition).',
            },
            {
              from: { type: 'web-feature' },
              disallow: { to: { type: 'web-feature' } },
              message:
                'A feature imports no other feature ("{{to.captured.name}}"): move what both need to shared/, or compose them in app/.',
            },
            {
              from: { type: ['web-feature', 'web-shared'] },
              disallow: { to: { type: 'web-app' } },
              message: 'app/ composes the features; features and shared/ never import it.',
            },
            {
              from: { type: 'web-shared' },
              disallow: { to: { type: 'web-feature' } },
              message: 'shared/ serves every feature and imports none ("{{to.captured.name}}").',
            },
          ],
        },
      ],
    },
  },
);
