/**
 * The app's messages: written in English in the code (`<Trans>`, `t`), extracted into one catalog
 * per feature (src/locales/<feature>/<locale>.po, `app` for src/app and src/shared, `errors` for what
 * the API's error codes say), so a
 * feature's texts and translations travel together. `npm run i18n:extract` refreshes them;
 * I18N_ONLY=feed,story limits a run to those catalogs.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-po';
import { LOCALES, SOURCE_LOCALE } from './src/shared/i18n/locales';

const src = path.join(import.meta.dirname, 'src');
const features = readdirSync(path.join(src, 'features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const only = process.env.I18N_ONLY?.split(',').filter(Boolean);

/** What the API's error codes say to people, a catalogue of its own. */
const ERRORS = 'src/shared/api/error-messages.ts';

const catalogs = [
  { name: 'app', include: ['<rootDir>/src/app/', '<rootDir>/src/shared/'], exclude: [`<rootDir>/${ERRORS}`] },
  { name: 'errors', include: [`<rootDir>/${ERRORS}`] },
  ...features.map((name) => ({ name, include: [`<rootDir>/src/features/${name}/`] })),
]
  .filter((catalog) => !only || only.includes(catalog.name))
  .map(({ name, include, exclude = [] }) => ({
    path: `<rootDir>/src/locales/${name}/{locale}`,
    include,
    exclude: ['**/*.test.ts', '**/*.test.tsx', ...exclude],
  }));

export default defineConfig({
  sourceLocale: SOURCE_LOCALE,
  locales: [...LOCALES],
  fallbackLocales: { default: SOURCE_LOCALE },
  catalogs,
  format: formatter({ lineNumbers: false }),
});
