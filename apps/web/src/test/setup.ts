import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// A screen's first render in a file also loads its code: on a busy machine that alone can take
// more than the library's one second, so waiting for what does appear allows five.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});
