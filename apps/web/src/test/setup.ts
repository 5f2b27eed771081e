import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { activateLocale } from '../shared/i18n/i18n';

// A screen's first render in a file also loads its code: on a busy machine that alone can take
// more than the library's one second, so waiting for what does appear allows five.
configure({ asyncUtilTimeout: 5_000 });

// Screens are tested in English, the language the app is written in.
await activateLocale('en');

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});
